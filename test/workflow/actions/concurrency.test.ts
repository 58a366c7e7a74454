import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../src/domain/actions/index.js';
import { completeAction } from '../../../src/workflow/actions/commands.js';
import type { WorkflowDeps } from '../../../src/workflow/deps.js';
import { onlyAction } from '../support/actions.js';
import { seedCourse, seedCourseType } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
let templateId: string;
let courseTypeId: string;
beforeAll(async () => {
  ws = await openWorkspace('workflow_concurrency');
  courseTypeId = (await seedCourseType(ws, 'concurrency')).id;
  templateId = (await seedTemplate(ws, { courseTypeIds: [courseTypeId] })).id;
});
afterAll(() => ws.close());

async function openAction(): Promise<Action> {
  const { record } = await seedCourse(ws, courseTypeId);
  return onlyAction(ws, templateId, record.id);
}

/** Two people complete the action at once (one by id, one by number); exactly one transition may happen. */
async function completeTwiceAtOnce(action: Action, first: WorkflowDeps, second: WorkflowDeps) {
  const results = await Promise.allSettled([
    completeAction(first, ws.users.admin, { ref: action.id, note: 'first' }),
    completeAction(second, ws.users.planner, { ref: action.number, note: 'second' }),
  ]);
  const fulfilled = results.filter((result) => result.status === 'fulfilled');
  const rejected = results.filter((result) => result.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected).toHaveLength(1);
  expect(rejected[0]!.reason).toMatchObject({ category: 'conflict', code: 'action.already-final' });

  const stored = await onlyAction(ws, templateId, action.record.id);
  expect(stored.state).toBe('done');
  expect(stored.version).toBe(2);
  expect(stored.history.filter((entry) => entry.kind === 'completed')).toHaveLength(1);
  const audit = await ws.stores.audit.list({ entityType: 'action', entityId: action.id, limit: 10 });
  expect(audit.map((entry) => entry.kind)).toEqual(['action.completed']);
}

describe('two concurrent completions of one action (docs/domain.md §6)', () => {
  it('through one instance: one resolves, the other is refused, one transition', async () => {
    for (let round = 0; round < 5; round += 1) {
      await completeTwiceAtOnce(await openAction(), ws.deps, ws.deps);
    }
  });

  it('through two instances with their own database connections: still one transition', async () => {
    const second = await ws.secondInstance();
    try {
      for (let round = 0; round < 5; round += 1) {
        await completeTwiceAtOnce(await openAction(), ws.deps, second.deps);
      }
    } finally {
      await second.close();
    }
  });

  it('a completion retried after it succeeded is refused and changes nothing', async () => {
    const action = await openAction();
    await completeAction(ws.deps, ws.users.admin, { ref: action.id });

    await expect(completeAction(ws.deps, ws.users.admin, { ref: action.id })).rejects.toMatchObject({
      category: 'conflict',
      code: 'action.already-final',
      details: { state: 'done', by: ws.users.admin.id },
    });
    expect((await onlyAction(ws, templateId, action.record.id)).version).toBe(2);
  });
});
