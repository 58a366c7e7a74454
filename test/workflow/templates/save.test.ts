import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplate, deleteTemplate, updateTemplate } from '../../../src/workflow/templates/save.js';
import { seedCourse, seedCourseType } from '../support/records.js';
import { seedTemplate, templateInput } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_template_save');
});
afterAll(() => ws.close());

describe('saving templates', () => {
  it('refuses an unknown merge code and lists the valid ones for the data group', async () => {
    const input = templateInput({ name: 'Call [Course:Nonsense] about [Opleiding:Naam]' });
    await expect(createTemplate(ws.deps, ws.users.admin, input)).rejects.toMatchObject({
      category: 'invalid-input',
      code: 'template.unknown-merge-code',
      field: 'name',
      details: {
        unknown: ['[Course:Nonsense]'],
        valid: expect.arrayContaining(['[Course:Name]', '[Course:StartDate]', '[CourseType:Name]']),
        validNl: expect.arrayContaining(['[Opleiding:Naam]']),
      },
    });
    expect(await ws.stores.templates.getByKey(input.key)).toBeUndefined();
  });

  it('refuses an automatic template from a user without the automatic-workflow right', async () => {
    const input = templateInput({
      execution: 'automatic',
      process: { type: 'set-field', field: 'portalPublished', value: true },
    });
    await expect(createTemplate(ws.deps, ws.users.planner, input)).rejects.toMatchObject({
      category: 'forbidden',
      code: 'template.automatic-workflow-required',
      field: 'execution',
    });
    const saved = await createTemplate(ws.deps, ws.users.automator, input);
    expect(saved).toMatchObject({ key: input.key, execution: 'automatic', version: 1 });
  });

  it('refuses a key that is taken', async () => {
    const first = await seedTemplate(ws);
    await expect(
      createTemplate(ws.deps, ws.users.admin, templateInput({ key: first.key })),
    ).rejects.toMatchObject({ category: 'conflict', code: 'template.key-taken', field: 'key' });
  });

  it('refuses links to course types that do not exist, naming the position', async () => {
    const type = await seedCourseType(ws, 'save-known');
    await expect(
      createTemplate(ws.deps, ws.users.admin, templateInput({ courseTypeIds: [type.id, 'ctp_missing'] })),
    ).rejects.toMatchObject({ code: 'template.unknown-course-type', field: 'courseTypeIds.1' });
  });

  it('updates with optimistic concurrency and keeps the data group fixed', async () => {
    const template = await seedTemplate(ws);
    const renamed = await updateTemplate(ws.deps, ws.users.admin, {
      ref: template.key,
      patch: { name: 'Renamed [Course:Code]' },
      expectedVersion: 1,
    });
    expect(renamed).toMatchObject({ name: 'Renamed [Course:Code]', version: 2 });
    await expect(
      updateTemplate(ws.deps, ws.users.admin, {
        ref: template.id,
        patch: { priority: 'high' },
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ category: 'conflict', code: 'template.changed-concurrently' });
    await expect(
      updateTemplate(ws.deps, ws.users.admin, { ref: template.id, patch: { dataGroup: 'participant' } }),
    ).rejects.toMatchObject({ code: 'template.data-group-immutable', field: 'dataGroup' });
  });

  it('archives a template that stamped actions instead of deleting it, and deletes an unused one', async () => {
    const type = await seedCourseType(ws, 'save-delete');
    const used = await seedTemplate(ws, { courseTypeIds: [type.id] });
    const unused = await seedTemplate(ws, { courseTypeIds: [type.id], enabled: false });
    await seedCourse(ws, type.id);

    expect(await deleteTemplate(ws.deps, ws.users.admin, used.key)).toEqual({ archived: true });
    expect(await ws.stores.templates.get(used.id)).toMatchObject({ archived: true, version: 2 });
    expect(await deleteTemplate(ws.deps, ws.users.admin, unused.id)).toEqual({ archived: false });
    expect(await ws.stores.templates.get(unused.id)).toBeUndefined();

    // An archived template stamps no more.
    const { outcome } = await seedCourse(ws, type.id);
    expect(outcome.stamped).toEqual([]);
  });
});
