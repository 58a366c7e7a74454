import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateTemplate } from '../../src/workflow/templates/save.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { ConsoleClient, type ConsoleHarness, startConsole } from './support.js';

let consoleApp: ConsoleHarness;
let client: ConsoleClient;

beforeAll(async () => {
  consoleApp = await startConsole('console_repair');
  client = new ConsoleClient(consoleApp.url);
  await client.actAs(consoleApp.ws.users.automator.id);
});
afterAll(() => consoleApp.close());

describe('repairing a rejected action in the console', () => {
  it('runs Execute again with the template’s fixed settings', async () => {
    const { ws } = consoleApp;
    const courseTypeId = (await seedCourseType(ws, 'console-repair')).id;
    const template = await seedTemplate(
      ws,
      {
        execution: 'semi-automatic',
        process: { type: 'set-status', status: 'closed' },
        courseTypeIds: [courseTypeId],
      },
      ws.users.automator,
    );
    const course = await seedCourse(ws, courseTypeId);
    const action = await onlyAction(ws, template.id, course.record.id);
    const rejected = await client.fetchPost('/interact', { payload: `confirm-execute:${action.id}` });
    expect(rejected.text).toContain('state-rejected');

    await updateTemplate(ws.deps, ws.users.automator, {
      ref: template.id,
      patch: { process: { type: 'set-status', status: 'definitive' } },
    });
    const preview = await client.fetchPost('/interact', { payload: `execute:${action.id}` });
    expect(preview.text).toContain('the template’s current ones');
    const executed = await client.fetchPost('/interact', { payload: `confirm-execute:${action.id}` });
    expect(executed.text).toContain(`Action ${action.number} was executed`);
    expect((await ws.stores.actions.get(action.id))?.state).toBe('executed');
  });
});
