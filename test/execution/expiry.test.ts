import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import { onlyAction } from '../workflow/support/actions.js';
import { patchRecord, seedCourse, seedCourseType } from '../workflow/support/records.js';
import { AROUND_EVENT, seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import { executionPorts } from './support.js';

let ws: TestWorkspace;
let courseTypeId: string;

beforeAll(async () => {
  ws = await openWorkspace('expiry');
  courseTypeId = (await seedCourseType(ws, 'expiry')).id;
});
afterAll(() => ws.close());

describe('expiry of waiting actions', () => {
  it('says whether the conditions never held or held once and stopped holding', async () => {
    const template = await seedTemplate(ws, {
      courseTypeIds: [courseTypeId],
      timing: AROUND_EVENT,
      conditions: { all: [{ field: 'course.portalPublished', op: 'eq', value: true }], any: [] },
    });
    const never = await seedCourse(ws, courseTypeId);
    const once = await seedCourse(ws, courseTypeId);
    await patchRecord(ws, once.record.id, { portalPublished: true });
    expect((await onlyAction(ws, template.id, once.record.id)).state).toBe('open');
    await patchRecord(ws, once.record.id, { portalPublished: false });
    expect((await onlyAction(ws, template.id, once.record.id)).state).toBe('waiting');

    ws.clock.advance(3 * 24 * 3_600_000);
    await runDueSweep(ws.deps, executionPorts());

    expect(await onlyAction(ws, template.id, never.record.id)).toMatchObject({
      state: 'cancelled',
      stateReason: 'conditions-never-held',
    });
    const stopped = await onlyAction(ws, template.id, once.record.id);
    expect(stopped).toMatchObject({ state: 'cancelled', stateReason: 'conditions-stopped-holding' });
    expect(stopped.history.at(-1)?.codes).toEqual(['conditions-stopped-holding']);
  });
});
