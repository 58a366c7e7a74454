import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActions } from '../../../src/workflow/actions/queries.js';
import { processEvents } from '../../../src/workflow/events/process-events.js';
import { actionsOf, actionsOn, onlyAction } from '../support/actions.js';
import { patchRecord, seedCourse, seedCourseType, seedParticipant } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_stamping');
});
afterAll(() => ws.close());

// Each test uses its own course type, so templates linked in one test never stamp in another.

describe('stamping when records change', () => {
  it('stamps a linked "created" template exactly once when a course is created', async () => {
    const type = await seedCourseType(ws, 'stamp-created');
    const template = await seedTemplate(ws, {
      name: 'Welcome pack [Course:Name]',
      courseTypeIds: [type.id],
    });
    const { record, outcome } = await seedCourse(ws, type.id, { name: 'Workshop basics' });

    expect(outcome.stamped.map((action) => action.templateId)).toEqual([template.id]);
    const actions = await actionsOn(ws, { group: 'course', id: record.id });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      templateKey: template.key,
      identityKey: `${template.id}:course:${record.id}`,
      name: 'Welcome pack Workshop basics',
      state: 'open',
      ownerUserId: null,
      stampedBy: ws.users.admin.id,
      linkedRecords: [{ group: 'course-type', id: type.id }],
      history: [{ kind: 'stamped', after: 'open', actorUserId: ws.users.admin.id }],
      version: 1,
    });
    // 0 days after the event (Thursday 1 October, 10:00) lands on that day's 09:00; the end 2 days later.
    expect(actions[0]!.start.toISOString()).toBe('2026-10-01T07:00:00.000Z');
    expect(actions[0]!.end.toISOString()).toBe('2026-10-03T07:00:00.000Z');
  });

  it('stamps nothing on a course whose course type the template is not linked to', async () => {
    const linked = await seedCourseType(ws, 'stamp-linked');
    const unlinked = await seedCourseType(ws, 'stamp-unlinked');
    const template = await seedTemplate(ws, { courseTypeIds: [linked.id] });
    const { record, outcome } = await seedCourse(ws, unlinked.id);

    expect(outcome.stamped).toEqual([]);
    expect(await actionsOn(ws, { group: 'course', id: record.id })).toEqual([]);
    expect(await actionsOf(ws, template.id)).toEqual([]);
  });

  it('processing the same stored events again stamps nothing new', async () => {
    const type = await seedCourseType(ws, 'stamp-twice');
    const template = await seedTemplate(ws, { courseTypeIds: [type.id] });
    const { record } = await seedCourse(ws, type.id);
    const events = await ws.stores.events.forRecord(record.id);
    expect(events.map((event) => [event.type, event.status])).toEqual([['created', 'processed']]);

    const again = await processEvents(ws.deps, events, 'system');

    expect(again.stamped).toEqual([]);
    expect(await actionsOf(ws, template.id)).toHaveLength(1);
  });

  it('fans a participant template on a course event out to every current participant', async () => {
    const type = await seedCourseType(ws, 'stamp-fan-out');
    const template = await seedTemplate(ws, {
      dataGroup: 'participant',
      name: 'Certificate for [Person:Name] – [Course:Name]',
      event: { type: 'status-changed', group: 'course', to: 'definitive' },
      courseTypeIds: [type.id],
    });
    const { record: course } = await seedCourse(ws, type.id, { name: 'First aid' });
    const planned = (await seedParticipant(ws, course.id)).record;
    const waiting = (await seedParticipant(ws, course.id, { status: 'waiting-list' })).record;
    const leaving = (await seedParticipant(ws, course.id)).record;
    await patchRecord(ws, leaving.id, { status: 'cancelled' });
    await seedParticipant(ws, course.id, { status: 'cancelled' });
    await seedParticipant(ws, course.id, { active: false });

    const { outcome } = await patchRecord(ws, course.id, { status: 'definitive' });

    expect(outcome.stamped.map((action) => action.record.id).sort()).toEqual([planned.id, waiting.id].sort());
    const actions = await actionsOf(ws, template.id);
    expect(actions.map((action) => action.record.id).sort()).toEqual([planned.id, waiting.id].sort());
    expect(actions.every((action) => action.state === 'open')).toBe(true);
    const person = await ws.stores.dossiers.get((planned as { personId: string }).personId);
    const first = actions.find((action) => action.record.id === planned.id)!;
    expect(first.name).toBe(
      `Certificate for ${(person as { firstName: string }).firstName} Berg – First aid`,
    );
    expect(first.linkedRecords).toContainEqual({ group: 'course', id: course.id });
  });

  it("a participant template on the course's participant-added stamps for the newcomer only", async () => {
    const type = await seedCourseType(ws, 'stamp-newcomer');
    const template = await seedTemplate(ws, {
      dataGroup: 'participant',
      event: { type: 'participant-added', group: 'course' },
      courseTypeIds: [type.id],
    });
    const { record: course } = await seedCourse(ws, type.id);
    const first = (await seedParticipant(ws, course.id)).record;
    const second = await seedParticipant(ws, course.id);

    expect(second.outcome.stamped.map((action) => action.record.id)).toEqual([second.record.id]);
    const stamped = (await actionsOf(ws, template.id)).map((action) => action.record.id);
    expect(stamped.sort()).toEqual([first.id, second.record.id].sort());
  });
});

describe('create modes (docs/domain.md §8 example 4)', () => {
  it("'always' waits hidden until the course fills up and hides again when one leaves; 'when-conditions-hold' stamps nothing", async () => {
    const type = await seedCourseType(ws, 'stamp-create-modes');
    const whenFull = { all: [{ field: 'course.full', op: 'eq' as const, value: true }], any: [] };
    const onlyIfFull = await seedTemplate(ws, {
      createMode: 'when-conditions-hold',
      conditions: whenFull,
      courseTypeIds: [type.id],
    });
    const stopPublishing = await seedTemplate(
      ws,
      {
        key: 'stop-publishing-when-full',
        name: 'Stop publishing [Course:Name]',
        execution: 'automatic',
        process: { type: 'set-field', field: 'portalPublished', value: false },
        createMode: 'always',
        conditions: whenFull,
        courseTypeIds: [type.id],
      },
      ws.users.automator,
    );
    const { record: course, outcome } = await seedCourse(ws, type.id, { maxParticipants: 2 });

    expect(outcome.stamped.map((action) => action.templateId)).toEqual([stopPublishing.id]);
    expect(await actionsOf(ws, onlyIfFull.id)).toEqual([]);
    const waiting = await onlyAction(ws, stopPublishing.id, course.id);
    expect(waiting).toMatchObject({ state: 'waiting', stateReason: 'conditions-not-met', autoExecute: true });

    const onCourse = { record: { group: 'course' as const, id: course.id }, limit: 50, skip: 0 };
    expect((await listActions(ws.deps, ws.users.admin, onCourse)).items).toEqual([]);
    const asked = await listActions(ws.deps, ws.users.admin, { ...onCourse, states: ['waiting'] });
    expect(asked.items.map((action) => action.id)).toEqual([waiting.id]);

    await seedParticipant(ws, course.id);
    expect((await onlyAction(ws, stopPublishing.id, course.id)).state).toBe('waiting');
    const second = await seedParticipant(ws, course.id);
    expect(second.outcome.reconciled.revealed).toBe(1);

    const revealed = await onlyAction(ws, stopPublishing.id, course.id);
    expect(revealed.state).toBe('open');
    expect(revealed.history.at(-1)).toMatchObject({ kind: 'revealed', codes: ['conditions-met'] });
    const listed = await listActions(ws.deps, ws.users.admin, onCourse);
    expect(listed.items.map((action) => action.id)).toEqual([waiting.id]);

    const leaving = await patchRecord(ws, second.record.id, { status: 'cancelled' });
    expect(leaving.outcome.reconciled.hidden).toBe(1);
    const hidden = await onlyAction(ws, stopPublishing.id, course.id);
    expect(hidden.state).toBe('waiting');
    expect(hidden.stateReason).toContain('course.full');
    expect(hidden.history.map((entry) => entry.kind)).toEqual(['stamped', 'revealed', 'hidden']);
    expect(await actionsOf(ws, onlyIfFull.id)).toEqual([]);
  });
});
