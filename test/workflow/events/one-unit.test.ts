import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../../src/domain/dossiers/index.js';
import { toDocument } from '../../../src/store/documents.js';
import {
  createDossierRecord,
  repairPendingChanges,
  updateDossierRecord,
} from '../../../src/workflow/dossiers.js';
import { eventsToStore } from '../../../src/workflow/events/record-events.js';
import { seedCourseType, seedPerson } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

/**
 * A change whose consequences cannot be worked out must leave nothing behind. Validated input cannot
 * cause that any more, so the test uses data from before the date range was checked: a course stored
 * with a start in the year 1, on which timing arithmetic fails.
 */
let ws: TestWorkspace;
let courseId: string;
let templateId: string;
let typeId: string;
const beforeStart = {
  start: { amount: 2, unit: 'working-days', direction: 'before', anchor: 'course.startDate' },
  end: { amount: 0, unit: 'days', direction: 'before', anchor: 'course.startDate' },
} as const;

beforeAll(async () => {
  ws = await openWorkspace('one-unit');
  const type = await seedCourseType(ws, 'legacy');
  typeId = type.id;
  const legacy = createDossier(
    'course',
    { code: 'OLD', name: 'Legacy', courseTypeId: type.id },
    { id: 'crs_legacy', now: ws.clock.read() },
  );
  await ws.stores.db
    .collection('dossiers')
    .insertOne(toDocument({ ...legacy, startDate: new Date('0001-01-01T00:00:00Z'), version: 1 }) as never);
  courseId = legacy.id;
  templateId = (
    await seedTemplate(ws, {
      dataGroup: 'participant',
      event: { type: 'participant-added', group: 'participant' },
      courseTypeIds: [type.id],
      timing: beforeStart,
    })
  ).id;
});
afterAll(() => ws.close());

const trace = async (recordId: string) => ({
  record: await ws.stores.dossiers.get(recordId),
  events: await ws.stores.events.forRecord(recordId),
  audit: await ws.stores.audit.list({ entityType: 'dossier', entityId: recordId, limit: 10 }),
  actions: (await ws.stores.actions.find({ templateId }, { limit: 10, skip: 0 })).total,
});

describe('a record change and its consequences are one unit', () => {
  it('writes nothing when the consequences of a new record fail to compute', async () => {
    const person = await seedPerson(ws);
    const attempt = () =>
      createDossierRecord(ws.deps, ws.users.admin, {
        group: 'participant',
        id: 'prt_doomed',
        input: { courseId, personId: person.id },
      });
    await expect(attempt()).rejects.toThrow();
    expect(await trace('prt_doomed')).toEqual({ record: undefined, events: [], audit: [], actions: 0 });
    // A retry starts clean: it fails the same way instead of finding a half-written record.
    await expect(attempt()).rejects.toThrow();
    expect((await trace('prt_doomed')).record).toBeUndefined();
  });

  it('restores a changed record when the consequences of the change fail to compute', async () => {
    const person = await seedPerson(ws);
    const stored = createDossier(
      'participant',
      { courseId, personId: person.id, status: 'waiting-list' },
      { id: 'prt_waiting', now: ws.clock.read() },
    );
    await ws.stores.db.collection('dossiers').insertOne(toDocument({ ...stored, version: 1 }) as never);
    await seedTemplate(ws, {
      key: 'on-status',
      dataGroup: 'participant',
      event: { type: 'status-changed', group: 'participant' },
      courseTypeIds: [typeId],
      timing: beforeStart,
    });
    const before = await trace('prt_waiting');
    // Off the waiting list fires status-changed, whose template cannot be timed on the legacy course.
    await expect(
      updateDossierRecord(ws.deps, ws.users.admin, { id: 'prt_waiting', patch: { status: 'planned' } }),
    ).rejects.toThrow();
    expect(await trace('prt_waiting')).toEqual(before);
  });

  it('takes back a change cut off by a crash whose consequences fail to compute', async () => {
    const person = await seedPerson(ws);
    const at = ws.clock.read();
    const record = createDossier(
      'participant',
      { courseId, personId: person.id },
      { id: 'prt_cut', now: at },
    );
    await ws.stores.dossiers.insert(record, {
      token: 'tok-cut',
      at,
      audit: {
        id: 'aud_tok-cut',
        at,
        actor: ws.users.admin.id,
        kind: 'dossier.created',
        entity: { type: 'dossier', id: 'prt_cut' },
        after: record,
      },
      events: eventsToStore(
        [{ type: 'participant-added', group: 'participant', recordId: 'prt_cut', data: {} }],
        at,
        ws.users.admin.id,
      ),
    });
    ws.clock.advance(2 * 60_000);
    expect(await repairPendingChanges(ws.deps, 60_000)).toBe(1);
    expect(await trace('prt_cut')).toEqual({ record: undefined, events: [], audit: [], actions: 0 });
  });
});
