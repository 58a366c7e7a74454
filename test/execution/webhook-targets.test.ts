import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeAction } from '../../src/workflow/execution/execute-action.js';
import { createTemplate } from '../../src/workflow/templates/save.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType, seedParticipant } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import { executionPorts, startWebhookReceiver } from './support.js';

let ws: TestWorkspace;
let courseTypeId: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  ws = await openWorkspace('webhook-targets');
  courseTypeId = (await seedCourseType(ws, 'first-aid')).id;
  receiver = await startWebhookReceiver({ secret: 'topsecret' });
});

afterAll(async () => {
  await receiver.stop();
  await ws.close();
});

let templates = 0;
async function webhookAction(process: Record<string, unknown>) {
  templates += 1;
  const template = await seedTemplate(
    ws,
    {
      key: `hook-${templates}`,
      execution: 'semi-automatic',
      dataGroup: 'participant',
      name: 'Tell the CRM',
      event: { type: 'participant-added', group: 'participant' },
      process: { type: 'webhook', ...process } as never,
      courseTypeIds: [courseTypeId],
    },
    ws.users.automator,
  );
  const course = await seedCourse(ws, courseTypeId, { name: 'Workshop basics' });
  const participant = await seedParticipant(ws, course.record.id, { status: 'planned', active: true });
  return onlyAction(ws, template.id, participant.record.id);
}

describe('webhook targets (SSRF)', () => {
  it('refuses loopback by default, for a literal address and for a name that resolves to one', async () => {
    const ports = executionPorts({ allowedTargets: [] });
    const before = receiver.received.length;
    const literal = await webhookAction({ url: receiver.url });
    expect(await executeAction(ws.deps, ports, ws.users.planner, literal.id)).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('WEBHOOK_ALLOWED_TARGETS'),
    });
    const named = await webhookAction({ url: receiver.url.replace('127.0.0.1', 'localhost') });
    const result = await executeAction(ws.deps, ports, ws.users.planner, named.id);
    expect(result).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/localhost resolves to/),
    });
    // Refused for good: no retry is scheduled, and the receiver never heard of either.
    expect('retryAt' in result && result.retryAt).toBeFalsy();
    expect((await ws.stores.actions.get(named.id))?.history.at(-1)?.codes).toEqual([
      'webhook.address-refused',
    ]);
    expect(receiver.received).toHaveLength(before);
  });

  it('calls an allow-listed on-premise receiver', async () => {
    const action = await webhookAction({ url: receiver.url.replace('127.0.0.1', 'localhost') });
    const result = await executeAction(
      ws.deps,
      executionPorts({ allowedTargets: ['localhost'] }),
      ws.users.planner,
      action.id,
    );
    expect(result.outcome).toBe('executed');
  });

  it('rejects plain http when https is required', async () => {
    const action = await webhookAction({ url: 'http://hooks.example.org/stempel' });
    const ports = executionPorts();
    const strict = {
      ...ports,
      processes: {
        ...ports.processes,
        webhooks: { ...ports.processes.webhooks, refusal: () => 'https only' },
      },
    };
    expect(await executeAction(ws.deps, strict, ws.users.planner, action.id)).toMatchObject({
      outcome: 'rejected',
      code: 'webhook.target-refused',
    });
  });
});

describe('webhook secrets', () => {
  it('signs with the secret named as the README says: CRM for WEBHOOK_SECRET_CRM', async () => {
    const action = await webhookAction({ url: receiver.url, secretRef: 'CRM' });
    const ports = executionPorts({ secrets: { CRM: 'topsecret' } });
    expect((await executeAction(ws.deps, ports, ws.users.planner, action.id)).outcome).toBe('executed');
    expect(receiver.received.at(-1)?.signatureValid).toBe(true);
    expect(receiver.received.at(-1)?.headers['x-stempel-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('accepts the whole variable name too', async () => {
    const action = await webhookAction({ url: receiver.url, secretRef: 'WEBHOOK_SECRET_CRM' });
    const ports = executionPorts({ secrets: { CRM: 'topsecret' } });
    expect((await executeAction(ws.deps, ports, ws.users.planner, action.id)).outcome).toBe('executed');
    expect(receiver.received.at(-1)?.signatureValid).toBe(true);
  });

  it('refuses a template naming a secret that is not configured when it is saved, listing the configured ones', async () => {
    const deps = { ...ws.deps, webhookSecretNames: ['CRM', 'REPORT'] };
    const input = {
      key: 'unknown-secret',
      name: 'Tell the CRM',
      execution: 'semi-automatic',
      dataGroup: 'participant',
      process: { type: 'webhook', url: 'https://hooks.example.org/x', secretRef: 'BILLING' },
      timing: {
        start: { amount: 0, unit: 'days', direction: 'after', anchor: 'created' },
        end: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
      },
    };
    await expect(createTemplate(deps, ws.users.automator, input)).rejects.toMatchObject({
      code: 'template.unknown-secret',
      field: 'process.secretRef',
      details: { valid: ['CRM', 'REPORT'] },
    });
    const saved = await createTemplate(deps, ws.users.automator, {
      ...input,
      process: { ...input.process, secretRef: 'WEBHOOK_SECRET_REPORT' },
    });
    expect(saved.process).toMatchObject({ secretRef: 'WEBHOOK_SECRET_REPORT' });
  });
});
