import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossierRecord } from '../../../src/workflow/dossiers.js';
import { actionsOf } from '../support/actions.js';
import { patchRecord, seedCompany, seedCourse, seedCourseType, seedRequest } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
let firstAid: string;
let safety: string;
let templateId: string;

beforeAll(async () => {
  ws = await openWorkspace('web-requests');
  firstAid = (await seedCourseType(ws, 'first-aid')).id;
  safety = (await seedCourseType(ws, 'safety')).id;
  templateId = (
    await seedTemplate(ws, {
      name: 'Answer the web request',
      dataGroup: 'web-request',
      event: { type: 'created', group: 'web-request' },
      courseTypeIds: [firstAid],
    })
  ).id;
});
afterAll(() => ws.close());

const webRequest = (input: Record<string, unknown>) =>
  createDossierRecord(ws.deps, ws.users.admin, {
    group: 'web-request',
    input: { payload: { name: 'Anna' }, ...input },
  });

describe('web requests belong to a course type (DOMAIN.md §2, §4)', () => {
  it('stamp linked templates only for their course types: the course’s, or the one named', async () => {
    const firstAidCourse = await seedCourse(ws, firstAid);
    const safetyCourse = await seedCourse(ws, safety);
    const forFirstAid = await webRequest({ courseId: firstAidCourse.record.id });
    const forSafety = await webRequest({ courseId: safetyCourse.record.id });
    const named = await webRequest({ courseTypeId: firstAid });
    const general = await webRequest({});
    const stamped = (await actionsOf(ws, templateId)).map((action) => action.record.id);
    expect(stamped.sort()).toEqual([forFirstAid.record.id, named.record.id].sort());
    expect(stamped).not.toContain(forSafety.record.id);
    expect(stamped).not.toContain(general.record.id);
    expect(forFirstAid.record).toMatchObject({ courseId: firstAidCourse.record.id });
  });

  it('refuses a course that does not exist and a course type that is not the course’s', async () => {
    await expect(webRequest({ courseId: 'crs_none' })).rejects.toMatchObject({
      code: 'dossier.unknown-relation',
      field: 'courseId',
    });
    const course = await seedCourse(ws, firstAid);
    await expect(webRequest({ courseId: course.record.id, courseTypeId: safety })).rejects.toMatchObject({
      code: 'web-request.course-type-mismatch',
      field: 'courseTypeId',
    });
  });

  it('keeps the link when it is processed into dossiers, into a request of the same course type', async () => {
    const course = await seedCourse(ws, firstAid);
    const received = await webRequest({ courseId: course.record.id });
    const company = await seedCompany(ws);
    const wrong = await seedRequest(ws, company.id, { courseTypeId: safety });
    await expect(
      patchRecord(ws, received.record.id, { status: 'processed', requestId: wrong.record.id }),
    ).rejects.toMatchObject({ code: 'web-request.course-type-mismatch', field: 'requestId' });
    const right = await seedRequest(ws, company.id, { courseTypeId: firstAid, courseId: course.record.id });
    const processed = await patchRecord(ws, received.record.id, {
      status: 'processed',
      requestId: right.record.id,
      companyId: company.id,
    });
    expect(processed.record).toMatchObject({ status: 'processed', courseId: course.record.id });
  });
});
