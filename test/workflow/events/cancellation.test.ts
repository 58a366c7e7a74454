import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDossierRecord } from '../../../src/workflow/dossiers.js';
import { actionsOf, onlyAction } from '../support/actions.js';
import {
  patchRecord,
  seedCompany,
  seedCourse,
  seedCourseType,
  seedParticipant,
  seedRequest,
} from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_cancellation');
});
afterAll(() => ws.close());

/** A course template, a participant template and a follow-up on cancellation, all on one course type. */
async function cancellableCourse(key: string) {
  const type = await seedCourseType(ws, key);
  const onCourse = await seedTemplate(ws, { courseTypeIds: [type.id] });
  const onParticipant = await seedTemplate(ws, {
    dataGroup: 'participant',
    event: { type: 'participant-added', group: 'participant' },
    courseTypeIds: [type.id],
  });
  const followUp = await seedTemplate(ws, {
    name: 'Tell everyone [Course:Name] is off',
    event: { type: 'status-changed', group: 'course', to: 'cancelled' },
    courseTypeIds: [type.id],
  });
  const { record: course } = await seedCourse(ws, type.id);
  const first = (await seedParticipant(ws, course.id)).record;
  const second = (await seedParticipant(ws, course.id)).record;
  return { type, course, first, second, onCourse, onParticipant, followUp };
}

describe('cancelling with the record (docs/domain.md §6)', () => {
  it("a cancelled course cancels its own and its participants' open actions; a template on the cancellation still stamps", async () => {
    const setup = await cancellableCourse('cancel-course');
    ws.clock.advance(60_000);

    const { outcome } = await patchRecord(ws, setup.course.id, { status: 'cancelled' });

    expect(outcome.reconciled.cancelled).toBe(3);
    const courseAction = await onlyAction(ws, setup.onCourse.id, setup.course.id);
    expect(courseAction.state).toBe('cancelled');
    expect(courseAction.stateReason).toBe('record-closed');
    expect(courseAction.history.at(-1)).toEqual({
      at: ws.clock.read(),
      actorUserId: ws.users.admin.id,
      kind: 'cancelled',
      before: 'open',
      after: 'cancelled',
      codes: ['record-closed'],
      note: 'record-closed',
    });
    const participantStates = (await actionsOf(ws, setup.onParticipant.id)).map((action) => action.state);
    expect(participantStates).toEqual(['cancelled', 'cancelled']);
    expect(outcome.stamped.map((action) => action.templateId)).toEqual([setup.followUp.id]);
    expect((await onlyAction(ws, setup.followUp.id, setup.course.id)).state).toBe('open');
  });

  it('the follow-up of a cancellation stays open when the cancelled course is edited afterwards', async () => {
    const setup = await cancellableCourse('cancel-then-edit');
    await patchRecord(ws, setup.course.id, { status: 'cancelled' });

    const { outcome } = await patchRecord(ws, setup.course.id, { name: 'Workshop (called off)' });

    expect(outcome.reconciled.cancelled).toBe(0);
    expect((await onlyAction(ws, setup.followUp.id, setup.course.id)).state).toBe('open');
  });

  it("a cancelled course leaves the actions of a request for it alone: the request's own status decides", async () => {
    const setup = await cancellableCourse('cancel-course-request');
    const company = await seedCompany(ws);
    const callBack = await seedTemplate(ws, {
      dataGroup: 'request',
      name: 'Call back [Request:Number]',
      event: { type: 'created', group: 'request' },
      courseTypeIds: [setup.type.id],
    });
    const { record: request } = await seedRequest(ws, company.id, { courseId: setup.course.id });
    expect((await onlyAction(ws, callBack.id, request.id)).linkedRecords).toContainEqual({
      group: 'course',
      id: setup.course.id,
    });

    await patchRecord(ws, setup.course.id, { status: 'cancelled' });
    expect((await onlyAction(ws, callBack.id, request.id)).state).toBe('open');

    await patchRecord(ws, request.id, { status: 'cancelled' });
    expect((await onlyAction(ws, callBack.id, request.id)).state).toBe('cancelled');
  });

  it("a participant set to cancelled cancels that participant's actions only", async () => {
    const setup = await cancellableCourse('cancel-participant');

    const { outcome } = await patchRecord(ws, setup.first.id, { status: 'cancelled' });

    expect(outcome.reconciled.cancelled).toBe(1);
    expect((await onlyAction(ws, setup.onParticipant.id, setup.first.id)).state).toBe('cancelled');
    expect((await onlyAction(ws, setup.onParticipant.id, setup.second.id)).state).toBe('open');
    expect((await onlyAction(ws, setup.onCourse.id, setup.course.id)).state).toBe('open');
  });

  it("a deleted participant's actions are cancelled with reason 'record-deleted'; the others stay", async () => {
    const setup = await cancellableCourse('delete-participant');

    const outcome = await deleteDossierRecord(ws.deps, ws.users.admin, { id: setup.second.id });

    expect(outcome.reconciled.cancelled).toBe(1);
    const deleted = await onlyAction(ws, setup.onParticipant.id, setup.second.id);
    expect(deleted).toMatchObject({ state: 'cancelled', stateReason: 'record-deleted' });
    expect((await onlyAction(ws, setup.onParticipant.id, setup.first.id)).state).toBe('open');
    expect((await onlyAction(ws, setup.onCourse.id, setup.course.id)).state).toBe('open');
    expect(await ws.stores.dossiers.get(setup.second.id)).toBeUndefined();
  });

  it('a course that participants still refer to cannot be deleted', async () => {
    const setup = await cancellableCourse('delete-course-in-use');

    await expect(deleteDossierRecord(ws.deps, ws.users.admin, { id: setup.course.id })).rejects.toMatchObject(
      {
        category: 'conflict',
        code: 'dossier.in-use',
        details: { count: 2 },
      },
    );
    expect((await onlyAction(ws, setup.onCourse.id, setup.course.id)).state).toBe('open');
  });
});
