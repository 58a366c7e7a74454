import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../../src/domain/dossiers/index.js';
import { eventsForCreated } from '../../../src/domain/events/index.js';
import { repairPendingChanges } from '../../../src/workflow/dossiers.js';
import { processPendingEvents } from '../../../src/workflow/events/process-events.js';
import { eventsToStore, recordEvents } from '../../../src/workflow/events/record-events.js';
import { actionsOf } from '../support/actions.js';
import { COURSE_START, seedCourseType } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_crash_repair');
});
afterAll(() => ws.close());

describe('processPendingEvents (outbox crash repair)', () => {
  it('stamps what an event left pending by a crash would have stamped, once', async () => {
    const type = await seedCourseType(ws, 'crash-repair');
    const template = await seedTemplate(ws, { courseTypeIds: [type.id] });
    // The record is written and its event recorded, then the process "dies" before processing it.
    const course = createDossier(
      'course',
      { code: 'CR-1', name: 'Crashed', courseTypeId: type.id, startDate: COURSE_START },
      { id: 'crs_crashed', now: ws.clock.read() },
    );
    await ws.stores.dossiers.insert(course);
    const [event] = await recordEvents(ws.deps, eventsForCreated(course), ws.users.planner.id);
    const eventAt = ws.clock.read();

    expect(await processPendingEvents(ws.deps, 60_000)).toBe(0);
    expect(await actionsOf(ws, template.id)).toEqual([]);

    ws.clock.advance(2 * 60_000);
    expect(await processPendingEvents(ws.deps, 60_000)).toBe(1);

    const actions = await actionsOf(ws, template.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      record: { group: 'course', id: 'crs_crashed' },
      eventId: event!.id,
      eventAt,
      stampedBy: ws.users.planner.id,
      stampedAt: ws.clock.read(),
      state: 'open',
    });
    // The window hangs on the event's moment, not on the repair's.
    expect(actions[0]!.start.toISOString()).toBe('2026-10-01T07:00:00.000Z');
    const [stored] = await ws.stores.events.forRecord('crs_crashed');
    expect(stored).toMatchObject({ status: 'processed', processedAt: ws.clock.read() });

    ws.clock.advance(2 * 60_000);
    expect(await processPendingEvents(ws.deps, 60_000)).toBe(0);
    expect(await actionsOf(ws, template.id)).toHaveLength(1);
  });

  it('gives up on an event whose processing keeps failing, and keeps it with its error', async () => {
    const type = await seedCourseType(ws, 'broken-template');
    const template = await seedTemplate(ws, { courseTypeIds: [type.id] });
    // A template stored behind the use case's back with a unit no timing knows makes stamping throw.
    const broken = {
      ...template,
      timing: { ...template.timing, start: { ...template.timing.start, unit: 'fortnights' } },
    };
    await ws.stores.templates.replaceIfVersion(
      { ...broken, version: template.version + 1 } as never,
      template.version,
    );
    const course = createDossier(
      'course',
      { code: 'CR-2', name: 'Broken', courseTypeId: type.id, startDate: COURSE_START },
      { id: 'crs_broken', now: ws.clock.read() },
    );
    await ws.stores.dossiers.insert(course);
    await recordEvents(ws.deps, eventsForCreated(course), ws.users.planner.id);

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      ws.clock.advance(2 * 60_000);
      expect(await processPendingEvents(ws.deps, 60_000)).toBe(1);
    }
    ws.clock.advance(2 * 60_000);
    expect(await processPendingEvents(ws.deps, 60_000)).toBe(0);
    const [event] = await ws.stores.events.forRecord('crs_broken');
    expect(event).toMatchObject({ status: 'failed', attempts: 5, lastError: expect.any(String) });
  });
});

describe('repairPendingChanges (a change written, its consequences cut off by a crash)', () => {
  it('finishes the change: writes its audit entry and events, and stamps', async () => {
    const type = await seedCourseType(ws, 'pending-change');
    const template = await seedTemplate(ws, { courseTypeIds: [type.id] });
    const at = ws.clock.read();
    const course = createDossier(
      'course',
      { code: 'CR-3', name: 'Cut off', courseTypeId: type.id, startDate: COURSE_START },
      { id: 'crs_cut_off', now: at },
    );
    // The record and its pending block are written in one insert; then the process "dies".
    const events = eventsToStore(eventsForCreated(course), at, ws.users.planner.id);
    await ws.stores.dossiers.insert(course, {
      token: 'tok-cut-off',
      at,
      audit: {
        id: 'aud_tok-cut-off',
        at,
        actor: ws.users.planner.id,
        kind: 'dossier.created',
        entity: { type: 'dossier', id: 'crs_cut_off' },
        after: course,
      },
      events,
    });
    expect(await ws.stores.events.forRecord('crs_cut_off')).toEqual([]);

    ws.clock.advance(2 * 60_000);
    expect(await repairPendingChanges(ws.deps, 60_000)).toBe(1);
    expect(await repairPendingChanges(ws.deps, 60_000)).toBe(0);
    expect(
      await ws.stores.audit.list({ entityType: 'dossier', entityId: 'crs_cut_off', limit: 10 }),
    ).toHaveLength(1);
    expect(await ws.stores.dossiers.pendingBefore(ws.clock.read(), 10)).toEqual([]);

    expect(await actionsOf(ws, template.id)).toEqual([
      expect.objectContaining({ record: { group: 'course', id: 'crs_cut_off' } }),
    ]);
    // Its events were processed with it: the event repair finds nothing left to do.
    expect(await processPendingEvents(ws.deps, 60_000)).toBe(0);
    expect((await ws.stores.events.forRecord('crs_cut_off')).map((event) => event.status)).toEqual([
      'processed',
    ]);
  });

  it('leaves nothing pending after a normal change', async () => {
    const type = await seedCourseType(ws, 'normal-change');
    await seedTemplate(ws, { courseTypeIds: [type.id] });
    ws.clock.advance(60_000);
    expect(await ws.stores.dossiers.pendingBefore(new Date(ws.clock.read().getTime() + 1), 10)).toEqual([]);
  });
});
