import type { CreateDossierInput, RecordKind } from '../../../src/domain/dossiers/index.js';
import type { User } from '../../../src/domain/rights/user.js';
import type { VersionedDossier } from '../../../src/store/dossiers.js';
import {
  createDossierRecord,
  type DossierChange,
  updateDossierRecord,
} from '../../../src/workflow/dossiers.js';
import type { TestWorkspace } from './workspace.js';

/**
 * Seed helpers. They go through the dossier use cases, not the store, so every record fires its events
 * and the tests see exactly what a real change would stamp.
 */
let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

async function create<K extends RecordKind>(
  ws: TestWorkspace,
  group: K,
  input: CreateDossierInput<K>,
  actor?: User,
): Promise<DossierChange> {
  return createDossierRecord(ws.deps, actor ?? ws.users.admin, { group, input });
}

export async function seedCourseType(
  ws: TestWorkspace,
  key: string,
  fields: Partial<CreateDossierInput<'course-type'>> = {},
): Promise<VersionedDossier> {
  const change = await create(ws, 'course-type', { key, name: `Course type ${key}`, ...fields });
  return change.record;
}

/** A course starting Monday 16 November 2026 09:00 and ending the next day, in Amsterdam. */
export const COURSE_START = '2026-11-16T09:00:00+01:00';
export const COURSE_END = '2026-11-17T17:00:00+01:00';

export function seedCourse(
  ws: TestWorkspace,
  courseTypeId: string,
  fields: Partial<CreateDossierInput<'course'>> = {},
  actor?: User,
): Promise<DossierChange> {
  const n = next();
  return create(
    ws,
    'course',
    {
      code: `C-${n}`,
      name: `Workshop ${n}`,
      courseTypeId,
      startDate: COURSE_START,
      endDate: COURSE_END,
      ...fields,
    },
    actor,
  );
}

export async function seedPerson(
  ws: TestWorkspace,
  fields: Partial<CreateDossierInput<'person'>> = {},
): Promise<VersionedDossier> {
  const n = next();
  const change = await create(ws, 'person', {
    firstName: `Anna${n}`,
    lastName: 'Berg',
    emails: { business: `anna${n}@acme.test` },
    ...fields,
  });
  return change.record;
}

/** A participant of `courseId`, with a person of its own unless one is given. */
export async function seedParticipant(
  ws: TestWorkspace,
  courseId: string,
  fields: Partial<CreateDossierInput<'participant'>> = {},
): Promise<DossierChange> {
  const personId = fields.personId ?? (await seedPerson(ws)).id;
  return create(ws, 'participant', { courseId, personId, ...fields });
}

export async function seedCompany(
  ws: TestWorkspace,
  fields: Partial<CreateDossierInput<'company'>> = {},
): Promise<VersionedDossier> {
  const change = await create(ws, 'company', { name: `Acme ${next()} BV`, ...fields });
  return change.record;
}

export async function seedRequest(
  ws: TestWorkspace,
  companyId: string,
  fields: Partial<CreateDossierInput<'request'>> = {},
): Promise<DossierChange> {
  return create(ws, 'request', { number: `R-2026-${String(next()).padStart(3, '0')}`, companyId, ...fields });
}

/** Applies a patch as `actor` (the admin by default) and returns what followed from its events. */
export function patchRecord(
  ws: TestWorkspace,
  id: string,
  patch: Record<string, unknown>,
  actor?: User,
): Promise<DossierChange> {
  return updateDossierRecord(ws.deps, actor ?? ws.users.admin, { id, patch });
}
