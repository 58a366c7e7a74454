import type {
  DossierRecord,
  ParticipantSummary,
  RecordKind,
  VersionedDossier,
} from '../domain/dossiers/index.js';
import { canReadDossiers } from '../domain/rights/index.js';
import type { User } from '../domain/rights/user.js';
import type { WorkflowDeps } from './deps.js';
import { forbidden, notFound } from './errors.js';

function assertMayRead(actor: User): void {
  if (!canReadDossiers(actor)) throw forbidden('dossier.forbidden', 'You may not read dossiers');
}

/** Records of one kind, newest change first, with equality filters: the one list of dossiers. */
export async function listDossierRecords(
  deps: WorkflowDeps,
  actor: User,
  query: {
    group: RecordKind;
    where?: Record<string, string | number | boolean>;
    limit: number;
    skip: number;
  },
): Promise<{ items: VersionedDossier[]; total: number }> {
  assertMayRead(actor);
  return deps.stores.dossiers.list(query);
}

/** One record, of `kind` when given: a course id asked for as a participant is as unknown as a typo. */
export async function readDossierRecord(
  deps: WorkflowDeps,
  actor: User,
  id: string,
  kind?: RecordKind,
): Promise<VersionedDossier> {
  assertMayRead(actor);
  const record = await deps.stores.dossiers.get(id);
  if (!record || (kind && record.group !== kind)) throw notFound(kind ?? 'dossier', id);
  return record;
}

/** The participants of a course, as records (`limit` of them at most). */
export async function participantsOf(
  deps: WorkflowDeps,
  actor: User,
  courseId: string,
  limit: number,
): Promise<DossierRecord[]> {
  assertMayRead(actor);
  return (await deps.stores.dossiers.findRelated('participant', 'courseId', [courseId])).slice(0, limit);
}

/** What a course's derived facts need of its participants, counted by the database. */
export async function participantSummariesOf(
  deps: WorkflowDeps,
  actor: User,
  courseId: string,
): Promise<ParticipantSummary[]> {
  assertMayRead(actor);
  return (await deps.stores.dossiers.participantSummaries([courseId])).get(courseId) ?? [];
}
