import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionTemplate } from '../../../src/domain/templates/index.js';
import {
  exportTemplates,
  importTemplates,
  type TemplateFile,
} from '../../../src/workflow/templates/files.js';
import { seedCourseType } from '../support/records.js';
import { BEFORE_COURSE_START, seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

// Two installations: `source` exports, `target` imports. Same course type keys and user e-mails, other ids.
let source: TestWorkspace;
let target: TestWorkspace;
let file: TemplateFile;
beforeAll(async () => {
  source = await openWorkspace('workflow_files_source', { userIdPrefix: 'src-' });
  target = await openWorkspace('workflow_files_target', { userIdPrefix: 'dst-' });
  const [firstAid, bhv] = [await seedCourseType(source, 'first-aid'), await seedCourseType(source, 'bhv')];
  await seedCourseType(target, 'bhv');
  await seedCourseType(target, 'first-aid');
  await seedTemplate(source, {
    key: 'attendance-list',
    name: 'Attendance list [Course:Name]',
    event: { type: 'status-changed', group: 'course', to: 'definitive' },
    ownerRule: { kind: 'course-contact' },
    timing: BEFORE_COURSE_START,
    courseTypeIds: [firstAid.id, bhv.id],
  });
  await seedTemplate(source, {
    key: 'welcome-call',
    name: 'Call [Person:Name]',
    dataGroup: 'participant',
    event: { type: 'participant-added', group: 'participant' },
    ownerRule: { kind: 'user', userId: source.users.planner.id },
    conditions: { all: [{ field: 'participant.status', op: 'eq', value: 'planned' }], any: [] },
    courseTypeIds: [firstAid.id],
  });
  await seedTemplate(
    source,
    {
      key: 'tell-sales',
      name: 'Tell sales about [Course:Code]',
      execution: 'semi-automatic',
      process: {
        type: 'chat-message',
        target: { kind: 'user', userId: source.users.sales.id },
        text: '[Course:Name] is planned',
      },
      courseTypeIds: [bhv.id],
    },
    source.users.automator,
  );
  file = await exportTemplates(source.deps, {});
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
});

/** A template as the other installation must see it: ids, versions and timestamps aside. */
function comparable(exported: TemplateFile) {
  return exported.templates.map((template) => ({ ...template })).sort((a, b) => a.key.localeCompare(b.key));
}

describe('template files', () => {
  it('export refers to course types by key and users by e-mail, never by id', () => {
    expect(file.schema).toBe('stempel.templates/v1');
    const byKey = new Map(file.templates.map((template) => [template.key, template]));
    expect(byKey.get('attendance-list')?.courseTypes).toEqual(['first-aid', 'bhv']);
    expect(byKey.get('welcome-call')).toMatchObject({
      ownerRule: { kind: 'user', user: 'planner@institute.test' },
    });
    expect(byKey.get('tell-sales')).toMatchObject({
      process: { target: { kind: 'user', user: 'sales@institute.test' } },
    });
    expect(JSON.stringify(file)).not.toContain('src-');
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const result = await importTemplates(target.deps, target.users.admin, { file, dryRun: true });
    expect(result).toEqual({
      dryRun: true,
      created: ['attendance-list', 'welcome-call', 'tell-sales'].sort(),
      updated: [],
      unchanged: [],
    });
    expect(await target.stores.templates.list({ includeArchived: true })).toEqual([]);
  });

  it('an invalid file writes nothing and names templates.N.field', async () => {
    const broken = structuredClone(file);
    broken.templates[1] = {
      ...broken.templates[1]!,
      timing: { ...BEFORE_COURSE_START, start: { ...BEFORE_COURSE_START.start, anchor: 'course.nonsense' } },
    };
    broken.templates[2] = { ...broken.templates[2]!, courseTypes: ['first-aid', 'unknown-type'] };

    const error = importTemplates(target.deps, target.users.admin, { file: broken, dryRun: false });

    await expect(error).rejects.toMatchObject({
      category: 'invalid-input',
      code: 'template.unknown-anchor',
      field: 'templates.1.timing.start.anchor',
      issues: expect.arrayContaining([
        expect.objectContaining({
          code: 'template-file.unknown-course-type',
          field: 'templates.2.courseTypes.1',
        }),
      ]),
    });
    expect(await target.stores.templates.list({ includeArchived: true })).toEqual([]);
    await expect(
      importTemplates(target.deps, target.users.admin, {
        file: { schema: 'other/v9', templates: [] },
        dryRun: true,
      }),
    ).rejects.toMatchObject({ code: 'template-file.invalid', field: 'schema' });
  });

  it('round trip: importing into another installation gives the same definitions, with its own ids', async () => {
    const result = await importTemplates(target.deps, target.users.admin, { file, dryRun: false });
    expect(result.created.sort()).toEqual(['attendance-list', 'tell-sales', 'welcome-call']);

    const reexported = await exportTemplates(target.deps, {});
    expect(comparable(reexported)).toEqual(comparable(file));
    const welcome = (await target.stores.templates.getByKey('welcome-call')) as ActionTemplate;
    expect(welcome.ownerRule).toEqual({ kind: 'user', userId: target.users.planner.id });
    const firstAid = await target.stores.dossiers.list({
      group: 'course-type',
      where: { key: 'first-aid' },
      limit: 1,
      skip: 0,
    });
    expect(welcome.courseTypeIds).toEqual([firstAid.items[0]!.id]);

    const again = await importTemplates(target.deps, target.users.admin, { file, dryRun: false });
    expect(again).toMatchObject({
      created: [],
      updated: [],
      unchanged: expect.arrayContaining(['welcome-call']),
    });
    expect(again.unchanged).toHaveLength(3);
  });

  it('importing a changed file updates only what changed', async () => {
    const changed = structuredClone(file);
    const index = changed.templates.findIndex((template) => template.key === 'attendance-list');
    changed.templates[index] = { ...changed.templates[index]!, priority: 'high' };

    const result = await importTemplates(target.deps, target.users.admin, { file: changed, dryRun: false });

    expect(result).toMatchObject({ updated: ['attendance-list'], created: [] });
    expect(await target.stores.templates.getByKey('attendance-list')).toMatchObject({
      priority: 'high',
      version: 2,
    });
  });
});
