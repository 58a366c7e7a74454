import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierRecord,
  deleteDossierRecord,
  updateDossierRecord,
} from '../../src/workflow/dossiers.js';
import { seedCourse, seedCourseType, seedParticipant } from './support/records.js';
import { openWorkspace, type TestWorkspace } from './support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_dossiers');
});
afterAll(() => ws.close());

describe('dossier records', () => {
  it('keeps an outside id, refuses it twice, and records the creation', async () => {
    const type = await seedCourseType(ws, 'dossiers-ids');
    const input = { code: 'EXT-1', name: 'Mirrored', courseTypeId: type.id };
    const { record } = await createDossierRecord(ws.deps, ws.users.admin, {
      group: 'course',
      input,
      id: 'AFAS:1042',
    });
    expect(record).toMatchObject({ id: 'AFAS:1042', version: 1, status: 'to-start' });
    await expect(
      createDossierRecord(ws.deps, ws.users.admin, { group: 'course', input, id: 'AFAS:1042' }),
    ).rejects.toMatchObject({ category: 'conflict', code: 'dossier.exists', field: 'id' });
    await expect(
      createDossierRecord(ws.deps, ws.users.admin, { group: 'course', input, id: '-bad id' }),
    ).rejects.toMatchObject({ code: 'dossier.invalid-id', field: 'id' });
    const audit = await ws.stores.audit.list({ entityType: 'dossier', entityId: 'AFAS:1042', limit: 5 });
    expect(audit.map((entry) => entry.kind)).toEqual(['dossier.created']);
  });

  it('refuses relations to missing records or records of the wrong kind, naming the field', async () => {
    const type = await seedCourseType(ws, 'dossiers-relations');
    await expect(
      createDossierRecord(ws.deps, ws.users.admin, {
        group: 'course',
        input: { code: 'X', name: 'X', courseTypeId: 'ctp_missing' },
      }),
    ).rejects.toMatchObject({ code: 'dossier.unknown-relation', field: 'courseTypeId' });
    const { record: course } = await seedCourse(ws, type.id);
    await expect(
      createDossierRecord(ws.deps, ws.users.admin, {
        group: 'participant',
        input: { courseId: course.id, personId: type.id },
      }),
    ).rejects.toMatchObject({
      code: 'dossier.unknown-relation',
      field: 'personId',
      details: { kind: 'person' },
    });
  });

  it('records the events of a change: status, participant removal and every changed field', async () => {
    const type = await seedCourseType(ws, 'dossiers-events');
    const { record: course } = await seedCourse(ws, type.id);
    const { record: participant } = await seedParticipant(ws, course.id);

    ws.clock.advance(60_000);
    await updateDossierRecord(ws.deps, ws.users.planner, {
      id: participant.id,
      patch: { status: 'cancelled' },
    });

    // Events of one change share their moment, so they are compared as a set.
    const events = (await ws.stores.events.forRecord(participant.id)).filter(
      (event) => event.at.getTime() === ws.clock.read().getTime(),
    );
    const byType = (a: { type: string }, b: { type: string }) => a.type.localeCompare(b.type);
    expect(events.sort(byType).map((event) => [event.type, event.data, event.status])).toEqual([
      ['field-changed', { field: 'status' }, 'processed'],
      ['participant-removed', { participantId: participant.id }, 'processed'],
      ['status-changed', { from: 'planned', to: 'cancelled' }, 'processed'],
    ]);
    const onCourse = await ws.stores.events.forRecord(course.id);
    expect(onCourse[0]).toMatchObject({
      type: 'participant-removed',
      data: { participantId: participant.id },
    });
    expect(events[0]?.actorUserId).toBe(ws.users.planner.id);
  });

  it('a stale expected version is refused and writes nothing', async () => {
    const type = await seedCourseType(ws, 'dossiers-versions');
    const { record: course } = await seedCourse(ws, type.id);
    const renamed = await updateDossierRecord(ws.deps, ws.users.admin, {
      id: course.id,
      patch: { name: 'First' },
      expectedVersion: 1,
    });
    expect(renamed.record.version).toBe(2);

    await expect(
      updateDossierRecord(ws.deps, ws.users.admin, {
        id: course.id,
        patch: { name: 'Second' },
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ category: 'conflict', code: 'dossier.changed-concurrently' });
    await expect(
      deleteDossierRecord(ws.deps, ws.users.admin, { id: course.id, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'dossier.changed-concurrently' });
    expect(await ws.stores.dossiers.get(course.id)).toMatchObject({ name: 'First', version: 2 });
  });
});
