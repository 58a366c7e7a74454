import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossierRecord } from '../../../src/workflow/dossiers.js';
import { onlyAction } from '../support/actions.js';
import { patchRecord, seedCourse, seedCourseType, seedParticipant, seedPerson } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
let courseTypeId: string;

beforeAll(async () => {
  ws = await openWorkspace('derived-facts');
  courseTypeId = (await seedCourseType(ws, 'facts')).id;
});
afterAll(() => ws.close());

async function seed(group: 'teacher' | 'location') {
  if (group === 'location')
    return (await createDossierRecord(ws.deps, ws.users.admin, { group, input: { name: 'Room 1' } })).record;
  const person = await seedPerson(ws);
  return (await createDossierRecord(ws.deps, ws.users.admin, { group, input: { personId: person.id } }))
    .record;
}

describe('changes that alter derived facts re-check the actions that read them', () => {
  it('reveals a waiting action once the last teacher and location agreed', async () => {
    const template = await seedTemplate(ws, {
      courseTypeIds: [courseTypeId],
      conditions: {
        all: [
          { field: 'course.teachersAgreed', op: 'eq', value: true },
          { field: 'course.locationsAgreed', op: 'eq', value: true },
        ],
        any: [],
      },
    });
    const [teacher, location] = [await seed('teacher'), await seed('location')];
    const course = await seedCourse(ws, courseTypeId, {
      teachers: [{ teacherId: teacher.id, planningStatus: 'requested' }],
      locations: [{ locationId: location.id, planningStatus: 'agreed' }],
    });
    expect((await onlyAction(ws, template.id, course.record.id)).state).toBe('waiting');

    await patchRecord(ws, course.record.id, {
      teachers: [{ teacherId: teacher.id, planningStatus: 'agreed' }],
    });
    expect(await onlyAction(ws, template.id, course.record.id)).toMatchObject({ state: 'open' });

    await patchRecord(ws, course.record.id, {
      locations: [{ locationId: location.id, planningStatus: 'declined' }],
    });
    expect((await onlyAction(ws, template.id, course.record.id)).state).toBe('waiting');
  });

  it('re-checks the course a participant leaves when it moves to another course', async () => {
    const template = await seedTemplate(ws, {
      courseTypeIds: [courseTypeId],
      conditions: { all: [{ field: 'course.minimumReached', op: 'eq', value: true }], any: [] },
    });
    const from = await seedCourse(ws, courseTypeId, { minParticipants: 1 });
    const to = await seedCourse(ws, courseTypeId, { minParticipants: 1 });
    const participant = await seedParticipant(ws, from.record.id);
    expect((await onlyAction(ws, template.id, from.record.id)).state).toBe('open');
    expect((await onlyAction(ws, template.id, to.record.id)).state).toBe('waiting');

    await patchRecord(ws, participant.record.id, { courseId: to.record.id });
    expect((await onlyAction(ws, template.id, from.record.id)).state).toBe('waiting');
    expect((await onlyAction(ws, template.id, to.record.id)).state).toBe('open');
  });
});
