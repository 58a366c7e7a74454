import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommand } from '../../../src/chat/handle.js';
import { listDossierRecords } from '../../../src/workflow/dossier-queries.js';
import { createDossierRecord } from '../../../src/workflow/dossiers.js';
import { listTemplates, readableTemplate } from '../../../src/workflow/templates/queries.js';
import { executionPorts } from '../../execution/support.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await openWorkspace('template-reads');
  await seedTemplate(ws, {
    key: 'sales-only',
    name: 'Call back',
    readRoles: ['sales'],
    writeRoles: ['sales'],
  });
  await seedTemplate(ws, { key: 'for-everyone', name: 'Attendance list' });
});
afterAll(() => ws.close());

const keys = (templates: Array<{ key: string }>) => templates.map((template) => template.key).sort();

describe('one query layer applies the rights for every surface', () => {
  it('shows a template to those who may see its actions or design workflows, and hides it from others', async () => {
    expect(keys(await listTemplates(ws.deps, ws.users.sales))).toEqual(['for-everyone', 'sales-only']);
    expect(keys(await listTemplates(ws.deps, ws.users.automator))).toEqual(['for-everyone', 'sales-only']);
    expect(keys(await listTemplates(ws.deps, ws.users.planner))).toEqual(['for-everyone']);
    await expect(readableTemplate(ws.deps, ws.users.planner, 'sales-only')).rejects.toMatchObject({
      code: 'template.not-found',
    });
  });

  it('gives chat the same answer', async () => {
    const context = { deps: ws.deps, execution: executionPorts(), actor: ws.users.planner };
    const [list] = await handleCommand(context, '/action templates');
    expect((list as { items: Array<{ key: string }> }).items.map((item) => item.key)).toEqual([
      'for-everyone',
    ]);
    const [shown] = await handleCommand(context, '/action template sales-only');
    expect(shown).toMatchObject({ kind: 'error', code: 'template.not-found' });
  });

  it('reads dossiers for active users only', async () => {
    await createDossierRecord(ws.deps, ws.users.admin, { group: 'company', input: { name: 'Acme' } });
    const query = { group: 'company' as const, limit: 10, skip: 0 };
    expect((await listDossierRecords(ws.deps, ws.users.planner, query)).total).toBe(1);
    await expect(
      listDossierRecords(ws.deps, { ...ws.users.planner, active: false }, query),
    ).rejects.toMatchObject({
      category: 'forbidden',
    });
  });
});
