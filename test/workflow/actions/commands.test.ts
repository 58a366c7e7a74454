import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../src/domain/actions/index.js';
import type { TemplateInput } from '../../../src/domain/templates/index.js';
import {
  assignAction,
  cancelAction,
  completeAction,
  editActionDates,
  editActionDetails,
  snoozeAction,
} from '../../../src/workflow/actions/commands.js';
import { onlyAction } from '../support/actions.js';
import { seedCourse, seedCourseType } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, START, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
let courseTypeId: string;
beforeAll(async () => {
  ws = await openWorkspace('workflow_commands');
  courseTypeId = (await seedCourseType(ws, 'commands')).id;
});
afterAll(() => ws.close());

/** A fresh course with one action from a new template, stamped at START (window: 1 Oct 09:00 – 3 Oct 09:00). */
async function stampedAction(fields: Partial<TemplateInput> = {}, actor = ws.users.admin): Promise<Action> {
  ws.clock.set(START);
  const template = await seedTemplate(ws, { courseTypeIds: [courseTypeId], ...fields }, actor);
  const { record } = await seedCourse(ws, courseTypeId);
  return onlyAction(ws, template.id, record.id);
}

const iso = (date: Date) => date.toISOString();

describe('completeAction', () => {
  it('marks a manual action done, with who and why in its history', async () => {
    const action = await stampedAction();
    const done = await completeAction(ws.deps, ws.users.planner, { ref: action.number, note: 'sent' });
    expect(done).toMatchObject({ state: 'done', stateReason: 'sent', version: 2 });
    expect(done.history.at(-1)).toMatchObject({
      kind: 'completed',
      actorUserId: ws.users.planner.id,
      before: 'open',
      after: 'done',
      note: 'sent',
    });
  });

  it('refuses an automatic action: it is executed or cancelled, never marked done', async () => {
    // docs/domain.md §8 example 3.
    const action = await stampedAction(
      { execution: 'automatic', process: { type: 'set-field', field: 'portalPublished', value: true } },
      ws.users.automator,
    );
    await expect(completeAction(ws.deps, ws.users.admin, { ref: action.id })).rejects.toMatchObject({
      category: 'conflict',
      code: 'action.automatic-cannot-complete',
    });
    expect((await ws.stores.actions.get(action.id))?.state).toBe('open');
  });

  it('refuses a waiting action', async () => {
    const action = await stampedAction({
      conditions: { all: [{ field: 'course.full', op: 'eq', value: true }], any: [] },
    });
    expect(action.state).toBe('waiting');
    await expect(completeAction(ws.deps, ws.users.admin, { ref: action.id })).rejects.toMatchObject({
      code: 'action.not-open',
      details: { state: 'waiting' },
    });
  });
});

describe('cancelAction', () => {
  it('cancels for good: a later completion is refused', async () => {
    const action = await stampedAction();
    const cancelled = await cancelAction(ws.deps, ws.users.admin, { ref: action.id, reason: 'duplicate' });
    expect(cancelled).toMatchObject({ state: 'cancelled', stateReason: 'duplicate' });
    expect(cancelled.history.at(-1)).toMatchObject({ kind: 'cancelled', codes: ['cancelled-by-user'] });
    await expect(completeAction(ws.deps, ws.users.admin, { ref: action.id })).rejects.toMatchObject({
      code: 'action.already-final',
    });
  });
});

describe('assignAction', () => {
  it('refuses an unknown user, naming ownerUserId', async () => {
    const action = await stampedAction();
    await expect(
      assignAction(ws.deps, ws.users.admin, { ref: action.id, ownerUserId: 'u-nobody' }),
    ).rejects.toMatchObject({
      category: 'not-found',
      code: 'user.not-found',
      field: 'ownerUserId',
      details: { id: 'u-nobody' },
    });
    expect((await ws.stores.actions.get(action.id))?.version).toBe(1);
  });

  it('assigns and unassigns, recording both', async () => {
    const action = await stampedAction();
    const assigned = await assignAction(ws.deps, ws.users.admin, {
      ref: action.id,
      ownerUserId: ws.users.planner.id,
    });
    expect(assigned.ownerUserId).toBe(ws.users.planner.id);
    const unassigned = await assignAction(ws.deps, ws.users.admin, { ref: action.id, ownerUserId: null });
    expect(unassigned.ownerUserId).toBeNull();
    expect(unassigned.history.slice(1)).toMatchObject([
      { kind: 'owner-changed', before: null, after: ws.users.planner.id },
      { kind: 'owner-changed', before: ws.users.planner.id, after: null },
    ]);
  });
});

describe('snoozeAction', () => {
  it('by 1 working day on a Friday lands on Monday 09:00 in Amsterdam, the linked end moving along', async () => {
    const action = await stampedAction();
    ws.clock.set('2026-10-02T14:00:00+02:00');

    const snoozed = await snoozeAction(ws.deps, ws.users.admin, {
      ref: action.id,
      by: { amount: 1, unit: 'working-days' },
    });

    expect(iso(snoozed.start)).toBe('2026-10-05T07:00:00.000Z');
    // The window was two days long (Thursday to Saturday 09:00), and stays so.
    expect(iso(snoozed.end)).toBe('2026-10-07T07:00:00.000Z');
    expect(snoozed.datesEditedByHand).toBe(true);
    expect(snoozed.history.at(-1)).toMatchObject({ kind: 'dates-edited', codes: ['snoozed'] });
  });

  it('refuses a moment in the past', async () => {
    const action = await stampedAction();
    await expect(
      snoozeAction(ws.deps, ws.users.admin, { ref: action.id, until: new Date('2026-09-30T08:00:00Z') }),
    ).rejects.toMatchObject({ category: 'invalid-input', code: 'action.snooze-in-past', field: 'until' });
  });
});

describe('editActionDates', () => {
  it('with linked dates, a new start moves the end by the same interval', async () => {
    const action = await stampedAction();
    const edited = await editActionDates(ws.deps, ws.users.admin, {
      ref: action.id,
      start: new Date('2026-10-12T07:00:00Z'),
    });
    expect([iso(edited.start), iso(edited.end)]).toEqual([
      '2026-10-12T07:00:00.000Z',
      '2026-10-14T07:00:00.000Z',
    ]);
    expect(edited.history.at(-1)).toMatchObject({
      kind: 'dates-edited',
      codes: ['edited'],
      before: { start: new Date('2026-10-01T07:00:00Z'), end: new Date('2026-10-03T07:00:00Z') },
    });
  });

  it('with linked dates, a new end moves the start', async () => {
    const action = await stampedAction();
    const edited = await editActionDates(ws.deps, ws.users.admin, {
      ref: action.id,
      end: new Date('2026-10-09T13:00:00Z'),
    });
    expect([iso(edited.start), iso(edited.end)]).toEqual([
      '2026-10-07T13:00:00.000Z',
      '2026-10-09T13:00:00.000Z',
    ]);
  });

  it('without linked dates, the other date stays; an end before the start is refused', async () => {
    const action = await stampedAction({
      timing: {
        start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
        end: { amount: 2, unit: 'days', direction: 'after', anchor: 'event' },
        linkStartEnd: false,
      },
    });
    const edited = await editActionDates(ws.deps, ws.users.admin, {
      ref: action.id,
      start: new Date('2026-10-02T07:00:00Z'),
    });
    expect([iso(edited.start), iso(edited.end)]).toEqual([
      '2026-10-02T07:00:00.000Z',
      '2026-10-03T07:00:00.000Z',
    ]);
    await expect(
      editActionDates(ws.deps, ws.users.admin, { ref: action.id, start: new Date('2026-10-04T07:00:00Z') }),
    ).rejects.toMatchObject({ category: 'invalid-input', code: 'action.end-before-start', field: 'end' });
  });
});

describe('editActionDetails', () => {
  it('records remarks and priority changes, and nothing for unchanged values', async () => {
    const action = await stampedAction();
    const edited = await editActionDetails(ws.deps, ws.users.admin, {
      ref: action.id,
      remarks: 'Room booked',
      priority: 'high',
    });
    expect(edited).toMatchObject({ remarks: 'Room booked', priority: 'high' });
    expect(edited.history.slice(1)).toMatchObject([
      { kind: 'remarks-edited', before: '', after: 'Room booked' },
      { kind: 'priority-changed', before: 'normal', after: 'high' },
    ]);
    const again = await editActionDetails(ws.deps, ws.users.admin, { ref: action.id, priority: 'high' });
    expect(again.history).toHaveLength(3);
  });
});
