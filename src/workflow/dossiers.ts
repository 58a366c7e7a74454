import { randomBytes } from 'node:crypto';
import {
  createDossier as buildDossier,
  type DossierRecord,
  fieldsOf,
  patchDossier,
  RECORD_KINDS,
  type RecordKind,
} from '../domain/dossiers/index.js';
import { DomainError, invalidInputs } from '../domain/errors.js';
import {
  type EventDraft,
  eventsForCreated,
  eventsForRemoved,
  eventsForUpdate,
} from '../domain/events/index.js';
import type { User } from '../domain/rights/user.js';
import { inputFieldWords } from '../i18n/input-fields.js';
import { groupWord } from '../i18n/labels.js';
import type { PendingChange, VersionedDossier } from '../store/dossiers.js';
import type { WorkflowDeps } from './deps.js';
import { referencesOf } from './dossier-references.js';
import { concurrentChange, notFound } from './errors.js';
import {
  commitEvents,
  type EventOutcome,
  type EventPlan,
  planEvents,
  processEvents,
} from './events/process-events.js';
import { reconcileActions } from './events/reconcile.js';
import { eventsToStore, recordEvents } from './events/record-events.js';

const idPrefixes: Record<RecordKind, string> = {
  course: 'crs',
  participant: 'prt',
  request: 'req',
  invoice: 'inv',
  'web-request': 'web',
  person: 'per',
  company: 'cmp',
  contact: 'cnt',
  teacher: 'tch',
  location: 'loc',
  'course-type': 'ctp',
};

/** Ids from an outside system (the institute's administration) are kept, so records can be mirrored. */
const externalIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export interface DossierChange {
  record: VersionedDossier;
  outcome: EventOutcome;
}

/**
 * Every id a record refers to — relation fields, the teachers and locations planned on a course, users
 * named as contact or account manager — must name an existing record of the right kind or an existing
 * user; checked before anything is written. On an update only references that changed are checked: the
 * others were checked when they were set.
 */
async function assertReferences(
  deps: WorkflowDeps,
  record: DossierRecord,
  before?: DossierRecord,
): Promise<void> {
  const known = new Set(before ? referencesOf(before).map((ref) => `${ref.field}=${ref.id}`) : []);
  const references = referencesOf(record).filter((ref) => !known.has(`${ref.field}=${ref.id}`));
  // A web request's course and request are read whatever changed: its course type must agree with both.
  const links = record.group === 'web-request' ? [record.courseId, record.requestId] : [];
  const linked = links.filter((id): id is string => typeof id === 'string');
  if (references.length === 0 && linked.length === 0) return;
  const [records, users] = await Promise.all([
    deps.stores.dossiers.getMany([
      ...references.filter((ref) => ref.kind !== 'user').map((ref) => ref.id),
      ...linked,
    ]),
    deps.stores.users.getMany(references.filter((ref) => ref.kind === 'user').map((ref) => ref.id)),
  ]);
  const kinds = new Map<string, string>(records.map((found) => [found.id, found.group]));
  for (const user of users) kinds.set(`user:${user.id}`, 'user');
  const issues = references
    .filter((ref) => kinds.get(ref.kind === 'user' ? `user:${ref.id}` : ref.id) !== ref.kind)
    .map((ref) => ({
      code: 'dossier.unknown-relation' as const,
      field: ref.field,
      message: `${ref.field}: no ${ref.kind} with id ${ref.id}`,
      details: { id: ref.id, kind: ref.kind },
      params: { field: inputFieldWords(ref.field), kind: groupWord(ref.kind) },
    }));
  const [first, ...rest] = [...issues, ...webRequestLinkIssues(record, [...records])];
  if (first) throw invalidInputs([first, ...rest]);
}

/**
 * A web request belongs to one course type (docs/domain.md §4): the one of the course it enrols for, or the
 * one it names. Naming both, they must agree; processed into a request, the request keeps it.
 */
function webRequestLinkIssues(record: DossierRecord, loaded: readonly DossierRecord[]) {
  if (record.group !== 'web-request') return [];
  const byId = new Map(loaded.map((found) => [found.id, found]));
  const course = record.courseId ? byId.get(record.courseId) : undefined;
  const request = record.requestId ? byId.get(record.requestId) : undefined;
  const courseTypeId = record.courseTypeId ?? (course?.group === 'course' ? course.courseTypeId : undefined);
  const issues = [];
  if (record.courseTypeId && course?.group === 'course' && course.courseTypeId !== record.courseTypeId) {
    issues.push({
      code: 'web-request.course-type-mismatch' as const,
      field: 'courseTypeId',
      message: `courseTypeId must be the course type of course ${course.id} (${course.courseTypeId})`,
      details: { valid: [course.courseTypeId] },
    });
  }
  if (
    courseTypeId &&
    request?.group === 'request' &&
    request.courseTypeId &&
    request.courseTypeId !== courseTypeId
  ) {
    issues.push({
      code: 'web-request.course-type-mismatch' as const,
      field: 'requestId',
      message: `request ${request.id} is for course type ${request.courseTypeId}, the web request for ${courseTypeId}`,
      details: { valid: [courseTypeId] },
    });
  }
  return issues;
}

/** A unique-index violation as the domain error it means; other errors pass through unchanged. */
function takenError(field: string, record: DossierRecord): DomainError {
  if (field === 'key') {
    return new DomainError({
      category: 'conflict',
      code: 'course-type.key-taken',
      field: 'key',
      message: `A course type with key '${(record as { key?: string }).key}' already exists`,
      params: { key: (record as { key?: string }).key ?? '' },
    });
  }
  return new DomainError({
    category: 'conflict',
    code: 'dossier.exists',
    field: 'id',
    message: `A record with id ${record.id} already exists`,
    params: { id: record.id },
  });
}

/** The audit entry and events of a change, written atomically with it (see PendingChange). */
function pendingChange(
  actor: User,
  at: Date,
  kind: 'dossier.created' | 'dossier.updated',
  after: VersionedDossier,
  before: VersionedDossier | undefined,
  drafts: readonly EventDraft[],
): PendingChange {
  const token = randomBytes(9).toString('base64url');
  return {
    token,
    at,
    audit: {
      id: `aud_${token}`,
      at,
      actor: actor.id,
      kind,
      entity: { type: 'dossier', id: after.id },
      ...(before ? { before } : {}),
      after,
    },
    events: eventsToStore(drafts, at, actor.id),
  };
}

/** Moves a change's audit entry and events to their logs; safe to repeat. */
async function flushPending(deps: WorkflowDeps, recordId: string, pending: PendingChange): Promise<void> {
  await deps.stores.audit.write(pending.audit);
  await deps.stores.events.insertMany(pending.events);
  await deps.stores.dossiers.clearPending(recordId, pending.token);
}

/**
 * Follows a written change through: its consequences are worked out first, while its audit entry and
 * events still sit in the record's pending block. If that fails, the change is taken back — nothing else
 * was written — so a client that is told it failed finds nothing half done, and its retry starts clean.
 * Once they are worked out, the audit entry and events are moved to their logs and the consequences are
 * written; a crash from there on is finished by the repair.
 */
async function completeChange(
  deps: WorkflowDeps,
  stored: VersionedDossier,
  pending: PendingChange,
  actorId: string,
): Promise<EventOutcome> {
  const plan = await planOrUndo(deps, stored, pending, actorId);
  await flushPending(deps, stored.id, pending);
  return commitEvents(deps, plan);
}

async function planOrUndo(
  deps: WorkflowDeps,
  stored: VersionedDossier,
  pending: PendingChange,
  actorId: string,
): Promise<EventPlan> {
  try {
    return await planEvents(deps, pending.events, actorId, [stored]);
  } catch (error) {
    const before = pending.audit.before as VersionedDossier | undefined;
    const undone = await deps.stores.dossiers.undoPending(stored.id, pending.token, before);
    deps.logger.error(
      { err: error, recordId: stored.id, undone },
      'the consequences of a dossier change failed; the change was taken back',
    );
    throw error;
  }
}

/**
 * Crash repair for dossier changes whose process died right after writing them: their consequences are
 * worked out as the change itself would have (a change whose consequences cannot be worked out is taken
 * back), their audit entries and events moved to the logs, and the consequences written.
 */
export async function repairPendingChanges(
  deps: WorkflowDeps,
  graceMs: number,
  limit = 100,
): Promise<number> {
  const stale = await deps.stores.dossiers.pendingBefore(new Date(deps.clock().getTime() - graceMs), limit);
  for (const { recordId, pending } of stale) {
    const stored = await deps.stores.dossiers.get(recordId);
    if (!stored) continue;
    try {
      await completeChange(deps, stored, pending, pending.audit.actor);
    } catch {
      // Logged and taken back by completeChange; one broken change must not stop the others.
    }
  }
  return stale.length;
}

export async function createDossierRecord(
  deps: WorkflowDeps,
  actor: User,
  command: { group: RecordKind; input: unknown; id?: string | undefined },
): Promise<DossierChange> {
  if (!RECORD_KINDS.includes(command.group)) throw notFound('data-group', command.group, 'group');
  if (command.id !== undefined && !externalIdPattern.test(command.id)) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'dossier.invalid-id',
      field: 'id',
      message: 'id must be 1–64 letters, digits or _ . : - and start with a letter or digit',
    });
  }
  const now = deps.clock();
  const id = command.id ?? `${idPrefixes[command.group]}_${randomBytes(6).toString('hex')}`;
  const record = buildDossier(command.group, command.input, { id, now });
  await assertReferences(deps, record);
  const pending = pendingChange(
    actor,
    now,
    'dossier.created',
    { ...record, version: 1 },
    undefined,
    eventsForCreated(record),
  );
  const written = await deps.stores.dossiers.insert(record, pending);
  if (written.outcome === 'taken') throw takenError(written.field, record);
  if (written.outcome !== 'written') throw concurrentChange('dossier', record.id);
  return { record: written.record, outcome: await completeChange(deps, written.record, pending, actor.id) };
}

export async function getDossierRecord(deps: WorkflowDeps, id: string): Promise<VersionedDossier> {
  const record = await deps.stores.dossiers.get(id);
  if (!record) throw notFound('dossier', id);
  return record;
}

/**
 * Applies a patch. With `expectedVersion` the caller asserts what it saw (409 when stale); without it the
 * patch is applied to the latest version, retrying if a concurrent change slips in between.
 */
export async function updateDossierRecord(
  deps: WorkflowDeps,
  actor: User,
  command: {
    id: string;
    patch: unknown;
    expectedVersion?: number | undefined;
    /** The record as the caller just read it; saves reading it again (a stale copy just retries). */
    current?: VersionedDossier | undefined;
  },
): Promise<DossierChange> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const before =
      attempt === 0 && command.current?.id === command.id
        ? command.current
        : await getDossierRecord(deps, command.id);
    if (command.expectedVersion !== undefined && before.version !== command.expectedVersion) {
      throw concurrentChange('dossier', command.id);
    }
    const now = deps.clock();
    const { version, ...current } = before;
    const after = patchDossier(current as DossierRecord, command.patch, now);
    await assertReferences(deps, after, current as DossierRecord);
    const events = eventsForUpdate(current as DossierRecord, after);
    const pending = pendingChange(
      actor,
      now,
      'dossier.updated',
      { ...after, version: version + 1 },
      before,
      events,
    );
    const written = await deps.stores.dossiers.replace(after, version, pending);
    if (written.outcome === 'taken') throw takenError(written.field, after);
    if (written.outcome === 'stale') {
      if (command.expectedVersion !== undefined) throw concurrentChange('dossier', command.id);
      continue;
    }
    return { record: written.record, outcome: await completeChange(deps, written.record, pending, actor.id) };
  }
  throw concurrentChange('dossier', command.id);
}

/**
 * Deletes a record. Its waiting and open actions are cancelled (reason 'record-deleted'); a deleted
 * participant also fires participant-removed so templates can react. Records others still point at
 * (a course with participants) cannot be deleted.
 */
export async function deleteDossierRecord(
  deps: WorkflowDeps,
  actor: User,
  command: { id: string; expectedVersion?: number | undefined },
): Promise<EventOutcome> {
  const before = await getDossierRecord(deps, command.id);
  if (command.expectedVersion !== undefined && before.version !== command.expectedVersion) {
    throw concurrentChange('dossier', command.id);
  }
  const dependants = await Promise.all(
    RECORD_KINDS.flatMap((kind) =>
      fieldsOf(kind)
        .filter((field) => field.relation === before.group)
        .map((field) => deps.stores.dossiers.findRelated(kind, field.name, [before.id])),
    ),
  );
  const count = dependants.reduce((sum, list) => sum + list.length, 0);
  if (count > 0) {
    throw new DomainError({
      category: 'conflict',
      code: 'dossier.in-use',
      message: `${count} other record(s) refer to ${before.id}; remove or re-link them first`,
      params: { id: before.id },
      details: { count },
    });
  }
  const { version, ...record } = before;
  if (!(await deps.stores.dossiers.delete(before.id, version))) throw concurrentChange('dossier', before.id);
  const now = deps.clock();
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'dossier.deleted',
    entity: { type: 'dossier', id: before.id },
    before,
  });
  const cancelled = await reconcileActions(deps, [before.id], {
    actor: actor.id,
    closedRecordIds: new Set([before.id]),
    closeCode: 'record-deleted',
  });
  const drafts =
    record.group === 'participant' && record.status !== 'cancelled' ? eventsForRemoved(record) : [];
  const outcome = await processEvents(deps, await recordEvents(deps, drafts, actor.id), actor.id);
  outcome.reconciled.cancelled += cancelled.cancelled;
  return outcome;
}
