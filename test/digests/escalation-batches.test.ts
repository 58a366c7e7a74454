import { afterAll, beforeAll, expect, it } from 'vitest';
import { stampByHand } from '../../src/workflow/actions/stamp-by-hand.js';
import { updateSettings } from '../../src/workflow/admin/settings.js';
import { runEscalations } from '../../src/workflow/notices/escalations.js';
import { type ConsoleHarness, startConsole } from '../console/support.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';

let consoleApp: ConsoleHarness;
const byHand = {
  start: { amount: 0, unit: 'days', direction: 'after', anchor: 'created' },
  end: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
} as const;

beforeAll(async () => {
  consoleApp = await startConsole('digest_escalation_batches');
  await updateSettings(consoleApp.ws.deps, consoleApp.ws.users.admin, {
    patch: { escalation: { afterWorkingDays: 3, channel: { platform: 'console', channel: 'escalaties' } } },
  });
});
afterAll(() => consoleApp.close());

it('escalates a quick template’s due action even when a full batch of a slow one’s is older and not due yet', async () => {
  const ws = consoleApp.ws;
  const courseTypeId = (await seedCourseType(ws, 'batch')).id;
  const slow = await seedTemplate(ws, {
    key: 'slow',
    name: 'Traag [Opleiding:Naam]',
    event: undefined,
    timing: byHand,
    escalation: { afterWorkingDays: 20 },
  });
  const quick = await seedTemplate(ws, {
    key: 'quick',
    name: 'Snel [Opleiding:Naam]',
    event: undefined,
    timing: byHand,
    escalation: { afterWorkingDays: 1 },
  });
  const stamp = async (name: string, template: string, end: string) => {
    const course = await seedCourse(ws, courseTypeId, { name });
    return stampByHand(ws.deps, ws.users.admin, {
      template,
      recordId: course.record.id,
      ownerUserId: ws.users.planner.id,
      start: new Date('2026-09-01T09:00:00+02:00'),
      end: new Date(end),
    });
  };
  // Monday 5 and Tuesday 6 October: 8 and 7 working days overdue, far from the slow template's 20.
  await stamp('slow-1', slow.id, '2026-10-05T09:00:00+02:00');
  await stamp('slow-2', slow.id, '2026-10-06T09:00:00+02:00');
  const quickAction = await stamp('quick', quick.id, '2026-10-13T09:00:00+02:00');
  ws.clock.set('2026-10-15T10:00:00+02:00');
  const chat = consoleApp.execution.processes.chat;
  expect(await runEscalations(ws.deps, chat, { batchSize: 2 })).toBe(1);
  expect((await ws.stores.actions.get(quickAction.id))?.notified?.escalated).toBeDefined();
});
