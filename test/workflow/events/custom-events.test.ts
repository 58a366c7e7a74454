import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postCustomEvent } from '../../../src/workflow/events/custom-event.js';
import { actionsOf } from '../support/actions.js';
import { seedCourse, seedCourseType } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await openWorkspace('custom-events');
});
afterAll(() => ws.close());

describe('custom events with an externalId', () => {
  it('are recorded and stamped once when two posts race', async () => {
    const type = await seedCourseType(ws, 'race');
    const template = await seedTemplate(ws, {
      courseTypeIds: [type.id],
      occurrence: 'per-event',
      event: { type: 'custom', group: 'course', name: 'payment-received' },
    });
    const course = await seedCourse(ws, type.id);
    const post = () =>
      postCustomEvent(ws.deps, ws.users.admin, {
        group: 'course',
        recordId: course.record.id,
        name: 'payment-received',
        externalId: 'psp-1',
      });
    const results = await Promise.all([post(), post(), post()]);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(new Set(results.map((result) => result.event.id)).size).toBe(1);
    expect(
      (await ws.stores.events.forRecord(course.record.id)).filter((e) => e.type === 'custom'),
    ).toHaveLength(1);
    // A per-event template would stamp once per recorded event: one event, one action.
    expect(await actionsOf(ws, template.id)).toHaveLength(1);
  });
});
