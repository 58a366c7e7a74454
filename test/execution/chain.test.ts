import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { actionsOn } from '../workflow/support/actions.js';
import { patchRecord, seedCompany, seedCourseType, seedRequest } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import { executionPorts, smtpMailer, startSmtpServer } from './support.js';

/**
 * docs/domain.md §5's chain: request (order) created → draft invoice → finalised → e-mailed to the debtor →
 * payment reminder stamped, waiting for its moment; paying first keeps the reminder from going out.
 */
let ws: TestWorkspace;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let ports: ExecutionPorts;
let courseTypeId: string;

const now0 = { amount: 0, unit: 'minutes', direction: 'after', anchor: 'event' } as const;

beforeAll(async () => {
  ws = await openWorkspace('chain');
  smtp = await startSmtpServer();
  ports = executionPorts({ mailer: smtpMailer(smtp.url) });
  courseTypeId = (await seedCourseType(ws, 'vca')).id;
  const at = ws.clock.read();
  await ws.stores.senders.insert({
    id: 's',
    address: 'billing@institute.test',
    displayName: 'Billing',
    approved: true,
    createdAt: at,
    updatedAt: at,
  });
  const automator = ws.users.automator;
  const linked = { courseTypeIds: [courseTypeId] };
  await seedTemplate(
    ws,
    {
      key: 'bill-order',
      name: 'Invoice [Request:Number]',
      execution: 'automatic',
      dataGroup: 'request',
      event: { type: 'created', group: 'request' },
      conditions: { all: [{ field: 'request.stage', op: 'eq', value: 'order' }], any: [] },
      process: { type: 'create-invoice' },
      timing: { start: now0, end: now0 },
      ...linked,
    },
    automator,
  );
  await seedTemplate(
    ws,
    {
      key: 'finalise-invoice',
      name: 'Finalise invoice',
      execution: 'automatic',
      dataGroup: 'invoice',
      event: { type: 'created', group: 'invoice' },
      process: { type: 'set-status', status: 'final' },
      timing: { start: now0, end: now0 },
      ...linked,
    },
    automator,
  );
  await seedTemplate(
    ws,
    {
      key: 'send-invoice',
      name: 'Send invoice',
      execution: 'automatic',
      dataGroup: 'invoice',
      event: { type: 'invoice-finalised', group: 'invoice' },
      process: {
        type: 'email',
        sender: 'billing@institute.test',
        documentTemplate: { subject: 'Invoice for [Request:Number]', body: 'Amount due: [Invoice:Amount]' },
        to: [{ kind: 'symbolic', role: 'debtor' }],
      },
      timing: { start: now0, end: now0 },
      ...linked,
    },
    automator,
  );
  await seedTemplate(
    ws,
    {
      key: 'payment-reminder',
      name: 'Payment reminder [Request:Number]',
      execution: 'automatic',
      dataGroup: 'invoice',
      event: { type: 'invoice-finalised', group: 'invoice' },
      conditions: { all: [{ field: 'invoice.paid', op: 'eq', value: false }], any: [] },
      process: {
        type: 'email',
        sender: 'billing@institute.test',
        documentTemplate: { subject: 'Reminder: [Request:Number]', body: 'Please pay.' },
        to: [{ kind: 'symbolic', role: 'debtor' }],
      },
      timing: {
        start: { amount: 1, unit: 'days', direction: 'after', anchor: 'invoice.dueDate' },
        end: { amount: 14, unit: 'days', direction: 'after', anchor: 'invoice.dueDate' },
      },
      ...linked,
    },
    automator,
  );
}, 60_000);

afterAll(async () => {
  await smtp.stop();
  await ws.close();
});

async function orderToInvoice(number: string) {
  const company = await seedCompany(ws, { email: `debtor-${number}@client.test` });
  const request = await seedRequest(ws, company.id, {
    number,
    stage: 'order',
    salesStatus: 'won',
    status: 'open',
    courseTypeId,
    amount: 1250,
    paymentTermDays: 14,
  });
  // Three sweeps: create the invoice, finalise it, send it (each step's action is stamped by the last).
  for (let step = 0; step < 3; step += 1) await runDueSweep(ws.deps, ports);
  const invoiceId = `inv-${(await actionsOn(ws, { group: 'request', id: request.record.id }))[0]!.id}`;
  return { company, request, invoiceId };
}

describe('request → invoice → payment reminder', () => {
  it('creates, finalises and sends the invoice, then reminds the debtor after the due date', async () => {
    const { invoiceId } = await orderToInvoice('R-100');
    const invoice = await ws.stores.dossiers.get(invoiceId);
    expect(invoice).toMatchObject({ group: 'invoice', state: 'final', amount: 1250, paid: false });
    const sent = smtp.received.filter((mail) => mail.subject === 'Invoice for R-100');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toMatchObject({ text: 'debtor-R-100@client.test' });

    const actions = await actionsOn(ws, { group: 'invoice', id: invoiceId });
    const reminder = actions.find((action) => action.templateKey === 'payment-reminder')!;
    expect(reminder).toMatchObject({ state: 'open', name: 'Payment reminder R-100' });
    // Due in 14 days (15 October 09:00); the reminder starts a day later.
    expect(reminder.start.toISOString()).toBe('2026-10-16T07:00:00.000Z');

    ws.clock.set('2026-10-16T09:30:00+02:00');
    await runDueSweep(ws.deps, ports);
    expect(smtp.received.filter((mail) => mail.subject === 'Reminder: R-100')).toHaveLength(1);
    expect((await ws.stores.actions.get(reminder.id))?.state).toBe('executed');
  });

  it('does not remind a debtor who paid, and says why', async () => {
    ws.clock.set('2026-10-01T10:00:00+02:00');
    const { invoiceId } = await orderToInvoice('R-200');
    await patchRecord(ws, invoiceId, { paid: true });
    const reminder = (await actionsOn(ws, { group: 'invoice', id: invoiceId })).find(
      (a) => a.templateKey === 'payment-reminder',
    )!;
    expect(reminder.state).toBe('waiting');
    expect(reminder.stateReason).toContain('invoice.paid');

    ws.clock.set('2026-10-16T09:30:00+02:00');
    await runDueSweep(ws.deps, ports);
    expect(smtp.received.filter((mail) => mail.subject === 'Reminder: R-200')).toHaveLength(0);

    // Once its window has passed without the conditions holding, it is cancelled with that reason.
    ws.clock.set('2026-10-30T10:00:00+01:00');
    await runDueSweep(ws.deps, ports);
    expect(await ws.stores.actions.get(reminder.id)).toMatchObject({
      state: 'cancelled',
      stateReason: 'conditions-never-held',
    });
  });
});
