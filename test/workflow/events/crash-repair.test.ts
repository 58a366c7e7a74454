import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../../src/domain/dossiers/index.js';
import { eventsForCreated } from '../../../src/domain/events/index.js';
import { processPendingEvents } from '../../../src/workflow/events/process-events.js';
import { recordEvents } from '../../../src/workflow/events/record-events.js';
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
});
