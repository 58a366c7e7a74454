import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editActionDates } from '../../../src/workflow/actions/commands.js';
import { onlyAction } from '../support/actions.js';
import {
  COURSE_END,
  COURSE_START,
  patchRecord,
  seedCourse,
  seedCourseType,
  seedParticipant,
} from '../support/records.js';
import { BEFORE_COURSE_START, seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_reschedule');
});
afterAll(() => ws.close());

const iso = (date: Date) => date.toISOString();

describe('timing follows the anchor (docs/domain.md §7)', () => {
  it("moving a course's start date moves its anchored actions and says why; hand-edited ones stay", async () => {
    const type = await seedCourseType(ws, 'reschedule');
    const linked = { courseTypeIds: [type.id], timing: BEFORE_COURSE_START };
    const attendance = await seedTemplate(ws, linked);
    const edited = await seedTemplate(ws, linked);
    const waitingForMinimum = await seedTemplate(ws, {
      ...linked,
      conditions: { all: [{ field: 'course.minimumReached', op: 'eq', value: true }], any: [] },
    });
    const perParticipant = await seedTemplate(ws, {
      ...linked,
      dataGroup: 'participant',
      event: { type: 'participant-added', group: 'participant' },
    });
    const { record: course } = await seedCourse(ws, type.id, { minParticipants: 5 });
    const { record: participant } = await seedParticipant(ws, course.id);

    // Monday 16 November 09:00: start two working days earlier (Thursday 12th), end at the start.
    const before = await onlyAction(ws, attendance.id, course.id);
    expect([iso(before.start), iso(before.end)]).toEqual([
      '2026-11-12T08:00:00.000Z',
      '2026-11-16T08:00:00.000Z',
    ]);
    const byHand = await onlyAction(ws, edited.id, course.id);
    await editActionDates(ws.deps, ws.users.admin, {
      ref: byHand.id,
      start: new Date('2026-11-10T08:00:00Z'),
    });
    expect((await onlyAction(ws, waitingForMinimum.id, course.id)).state).toBe('waiting');

    ws.clock.advance(60 * 60 * 1000);
    const { outcome } = await patchRecord(ws, course.id, {
      startDate: '2026-11-23T09:00:00+01:00',
      endDate: '2026-11-24T17:00:00+01:00',
    });

    expect(outcome.reconciled.rescheduled).toBe(3);
    for (const [templateId, recordId, state] of [
      [attendance.id, course.id, 'open'],
      [waitingForMinimum.id, course.id, 'waiting'],
      [perParticipant.id, participant.id, 'open'],
    ] as const) {
      const moved = await onlyAction(ws, templateId, recordId);
      expect(moved.state).toBe(state);
      expect([iso(moved.start), iso(moved.end)]).toEqual([
        '2026-11-19T08:00:00.000Z',
        '2026-11-23T08:00:00.000Z',
      ]);
      expect(moved.anchorDates).toEqual({ 'course.startDate': new Date('2026-11-23T08:00:00Z') });
      expect(moved.history.at(-1)).toEqual({
        at: ws.clock.read(),
        actorUserId: ws.users.admin.id,
        kind: 'rescheduled',
        before: { start: new Date('2026-11-12T08:00:00Z'), end: new Date('2026-11-16T08:00:00Z') },
        after: { start: new Date('2026-11-19T08:00:00Z'), end: new Date('2026-11-23T08:00:00Z') },
        codes: ['anchor-moved'],
        note: 'course.startDate',
      });
    }
    const kept = await onlyAction(ws, edited.id, course.id);
    expect([iso(kept.start), iso(kept.end)]).toEqual([
      '2026-11-10T08:00:00.000Z',
      '2026-11-14T08:00:00.000Z',
    ]);
    expect(kept.history.map((entry) => entry.kind)).toEqual(['stamped', 'dates-edited']);
  });

  it('a change that leaves the anchor where it was moves nothing', async () => {
    const type = await seedCourseType(ws, 'reschedule-same');
    const template = await seedTemplate(ws, { courseTypeIds: [type.id], timing: BEFORE_COURSE_START });
    const { record: course } = await seedCourse(ws, type.id);

    const { outcome } = await patchRecord(ws, course.id, { name: 'Renamed' });

    expect(outcome.reconciled.rescheduled).toBe(0);
    const action = await onlyAction(ws, template.id, course.id);
    expect(action.version).toBe(1);
    expect(iso(action.start)).toBe('2026-11-12T08:00:00.000Z');
  });
});

describe('an automatic action moved into the past', () => {
  it('no longer runs by itself once its new start is past the tolerance, and runs again when moved forward', async () => {
    const type = await seedCourseType(ws, 'reschedule-automatic');
    // docs/domain.md §8 example 5, without its condition: go ahead 10 days before the start, at 09:00.
    const goAhead = await seedTemplate(
      ws,
      {
        execution: 'automatic',
        process: { type: 'set-status', status: 'definitive' },
        courseTypeIds: [type.id],
        timing: {
          start: { amount: 10, unit: 'days', direction: 'before', anchor: 'course.startDate' },
          end: { amount: 0, unit: 'days', direction: 'before', anchor: 'course.startDate' },
          timeOfDay: '09:00',
        },
      },
      ws.users.automator,
    );
    const { record: course } = await seedCourse(ws, type.id);
    expect(await onlyAction(ws, goAhead.id, course.id)).toMatchObject({ autoExecute: true, state: 'open' });

    // The course turns out to have started on Monday 5 October: 10 days before is 25 September, long past.
    await patchRecord(ws, course.id, {
      startDate: '2026-10-05T09:00:00+02:00',
      endDate: '2026-10-06T17:00:00+02:00',
    });
    const late = await onlyAction(ws, goAhead.id, course.id);
    expect(iso(late.start)).toBe('2026-09-25T07:00:00.000Z');
    expect(late.autoExecute).toBe(false);
    expect(late.history.at(-1)).toMatchObject({
      kind: 'rescheduled',
      codes: ['anchor-moved', 'start-in-past'],
    });

    await patchRecord(ws, course.id, { startDate: COURSE_START, endDate: COURSE_END });
    const again = await onlyAction(ws, goAhead.id, course.id);
    expect(iso(again.start)).toBe('2026-11-06T08:00:00.000Z');
    expect(again.autoExecute).toBe(true);
    expect(again.history.at(-1)).toMatchObject({ kind: 'rescheduled', codes: ['anchor-moved'] });
  });
});
