import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSweepOptions, runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import { executeAction, runClaimed } from '../../src/workflow/execution/execute-action.js';
import { previewAction } from '../../src/workflow/execution/preview.js';
import { onlyAction } from '../workflow/support/actions.js';
import { patchRecord, seedCourse, seedCourseType, seedParticipant } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import {
  executionPorts,
  recordingChat,
  smtpMailer,
  startSmtpServer,
  startWebhookReceiver,
} from './support.js';

let ws: TestWorkspace;
let courseTypeId: string;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  ws = await openWorkspace('processes');
  courseTypeId = (await seedCourseType(ws, 'first-aid')).id;
  smtp = await startSmtpServer();
  await ws.stores.senders.insert({
    id: 'snd-1',
    address: 'planning@institute.test',
    displayName: 'Planning',
    approved: true,
    createdAt: ws.clock.read(),
    updatedAt: ws.clock.read(),
  });
});

afterAll(async () => {
  await smtp.stop();
  await ws.close();
});

/** A semi-automatic participant template on 'participant-added', linked to the course type. */
async function participantAction(process: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const template = await seedTemplate(
    ws,
    {
      execution: 'semi-automatic',
      dataGroup: 'participant',
      name: 'Welcome [Person:FirstName]',
      event: { type: 'participant-added', group: 'participant' },
      process: process as never,
      courseTypeIds: [courseTypeId],
      ownerRule: { kind: 'course-contact' },
      ...extra,
    },
    ws.users.automator,
  );
  const course = await seedCourse(ws, courseTypeId, {
    name: 'Workshop basics',
    contactUserId: ws.users.planner.id,
  });
  const participant = await seedParticipant(ws, course.record.id, { status: 'planned', active: true });
  return { template, course, participant, action: await onlyAction(ws, template.id, participant.record.id) };
}

describe('e-mail', () => {
  it('delivers the rendered e-mail to a real SMTP server and marks the action executed', async () => {
    const { action, participant } = await participantAction({
      type: 'email',
      sender: 'planning@institute.test',
      documentTemplate: {
        subject: 'Welcome to [Course:Name]',
        body: 'Dear [Person:FirstName], see you at [Course:Name].',
      },
      to: [{ kind: 'symbolic', role: 'participant' }],
      cc: [{ kind: 'symbolic', role: 'course-contact' }],
    });
    const ports = executionPorts({ mailer: smtpMailer(smtp.url) });
    const before = smtp.received.length;

    const result = await executeAction(ws.deps, ports, ws.users.planner, action.id);

    expect(result.outcome).toBe('executed');
    expect(smtp.received).toHaveLength(before + 1);
    const mail = smtp.received.at(-1)!;
    const person = await ws.stores.dossiers.get((participant.record as { personId: string }).personId);
    const address = (person as { emails: { business: string } }).emails.business;
    expect(mail.from?.text).toBe('planning@institute.test');
    expect(mail.subject).toBe('Welcome to Workshop basics');
    expect(mail.text?.trim()).toMatch(/^Dear Anna\d+, see you at Workshop basics\.$/);
    expect(smtp.envelopes.at(-1)).toEqual([address, 'planner@institute.test']);
    expect(mail.messageId).toBe(`<${action.id}@stempel>`);
    const stored = await ws.stores.actions.get(action.id);
    expect(stored?.state).toBe('executed');
    expect(stored?.lease).toBeUndefined();
  });

  it('rejects an e-mail whose sender is not approved and tells the owner why', async () => {
    const { action } = await participantAction({
      type: 'email',
      sender: 'planning@institute.test',
      documentTemplate: { subject: 'Hi', body: 'Hello' },
      to: [{ kind: 'symbolic', role: 'participant' }],
    });
    await ws.stores.senders.replace({
      ...(await ws.stores.senders.get('snd-1'))!,
      approved: false,
    });
    const chat = recordingChat();
    try {
      const result = await executeAction(
        ws.deps,
        executionPorts({ mailer: smtpMailer(smtp.url), chat }),
        ws.users.planner,
        action.id,
      );
      expect(result).toMatchObject({ outcome: 'rejected', code: 'email.sender-not-approved' });
      const stored = await ws.stores.actions.get(action.id);
      expect(stored?.state).toBe('rejected');
      expect(stored?.stateReason).toBe('planning@institute.test is not an approved sender address');
      expect(chat.sent).toEqual([
        expect.objectContaining({
          target: { kind: 'user', userId: ws.users.planner.id },
          message: expect.objectContaining({ purpose: 'rejection', actionId: action.id }),
        }),
      ]);
      expect(chat.sent[0]?.message.text).toContain('is not an approved sender address');
    } finally {
      await ws.stores.senders.replace({ ...(await ws.stores.senders.get('snd-1'))!, approved: true });
    }
  });

  it('previews the exact e-mail with resolved recipients without sending it', async () => {
    const { action } = await participantAction({
      type: 'email',
      sender: 'planning@institute.test',
      documentTemplate: { subject: 'About [Course:Name]', body: 'Body' },
      to: [
        { kind: 'symbolic', role: 'participant' },
        { kind: 'address', address: 'archive@institute.test' },
      ],
    });
    const before = smtp.received.length;
    const preview = await previewAction(
      ws.deps,
      executionPorts({ mailer: smtpMailer(smtp.url) }),
      ws.users.planner,
      action.number,
    );
    expect(preview.preview).toMatchObject({
      type: 'email',
      from: 'planning@institute.test',
      to: [expect.stringMatching(/^anna\d+@acme\.test$/), 'archive@institute.test'],
      subject: 'About Workshop basics',
    });
    expect(smtp.received).toHaveLength(before);
    expect((await ws.stores.actions.get(action.id))?.state).toBe('open');
  });
});

describe('webhook', () => {
  it('signs the call, retries after a 500 with backoff, and executes once on the 200', async () => {
    const receiver = await startWebhookReceiver({ secret: 'topsecret', statuses: [500, 200] });
    try {
      const { action } = await participantAction({
        type: 'webhook',
        url: receiver.url,
        secretRef: 'WEBHOOK_SECRET_CRM',
      });
      const ports = executionPorts({ secrets: { WEBHOOK_SECRET_CRM: 'topsecret' } });

      const first = await executeAction(ws.deps, ports, ws.users.planner, action.id);
      expect(first).toMatchObject({ outcome: 'failed', error: `${receiver.url} answered 500` });
      const waiting = await ws.stores.actions.get(action.id);
      expect(waiting).toMatchObject({ state: 'open', retry: { attempt: 1 } });
      expect(waiting?.retry?.at.getTime()).toBe(ws.clock.read().getTime() + 1_000);

      // Not yet due: the sweep leaves it alone.
      await runDueSweep(ws.deps, ports, defaultSweepOptions);
      expect(receiver.received).toHaveLength(1);

      ws.clock.advance(1_001);
      const stats = await runDueSweep(ws.deps, ports, defaultSweepOptions);
      expect(stats.executed).toBe(1);
      await runDueSweep(ws.deps, ports, defaultSweepOptions);

      expect(receiver.received).toHaveLength(2);
      expect(receiver.received.every((hook) => hook.signatureValid)).toBe(true);
      expect(receiver.received.map((hook) => hook.headers['idempotency-key'])).toEqual([
        action.id,
        action.id,
      ]);
      expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({
        event: 'action.executed',
        attempt: 2,
        action: { id: action.id },
      });
      const stored = await ws.stores.actions.get(action.id);
      expect(stored?.state).toBe('executed');
      expect(stored?.history.filter((entry) => entry.kind === 'executed')).toHaveLength(1);
      expect(stored?.history.filter((entry) => entry.kind === 'retry-scheduled')).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });

  it('fails for good on a 4xx and does not retry', async () => {
    const receiver = await startWebhookReceiver({ statuses: [422] });
    try {
      const { action } = await participantAction({ type: 'webhook', url: receiver.url });
      const ports = executionPorts();
      const result = await executeAction(ws.deps, ports, ws.users.planner, action.id);
      expect(result).toMatchObject({ outcome: 'failed', error: `${receiver.url} answered 422` });
      expect('retryAt' in result && result.retryAt).toBeFalsy();
      ws.clock.advance(60_000);
      await runDueSweep(ws.deps, ports, defaultSweepOptions);
      expect(receiver.received).toHaveLength(1);
      expect((await ws.stores.actions.get(action.id))?.state).toBe('failed');
    } finally {
      await receiver.stop();
    }
  });

  it('rejects when the named secret is not configured, and previews with e-mail addresses redacted', async () => {
    const { action } = await participantAction({
      type: 'webhook',
      url: 'http://127.0.0.1:9/none',
      secretRef: 'WEBHOOK_SECRET_X',
    });
    const preview = await previewAction(
      ws.deps,
      executionPorts({ secrets: { WEBHOOK_SECRET_X: 's' } }),
      ws.users.planner,
      action.id,
    );
    expect(preview.preview).toMatchObject({ type: 'webhook', url: 'http://127.0.0.1:9/none', signed: true });
    expect(JSON.stringify(preview.preview)).not.toMatch(/@acme\.test/);
    expect(JSON.stringify(preview.preview)).toContain('[redacted e-mail]');
    const result = await executeAction(ws.deps, executionPorts(), ws.users.planner, action.id);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'webhook.secret-missing' });
  });

  it('runs the process once when Execute is pressed twice at the same moment', async () => {
    const receiver = await startWebhookReceiver({ delayMs: 50 });
    try {
      const { action } = await participantAction({ type: 'webhook', url: receiver.url });
      const ports = executionPorts();
      const results = await Promise.allSettled([
        executeAction(ws.deps, ports, ws.users.planner, action.id),
        executeAction(ws.deps, ports, ws.users.planner, action.id),
      ]);
      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      const rejectedResults = results.filter((result) => result.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejectedResults).toHaveLength(1);
      expect((rejectedResults[0] as PromiseRejectedResult).reason).toMatchObject({ category: 'conflict' });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });
});

describe('chat-message and conditions', () => {
  it('fails with the reason when no chat platform is configured, instead of doing nothing', async () => {
    const { action } = await participantAction({
      type: 'chat-message',
      target: { kind: 'channel', channel: 'planning' },
      text: '[Person:FirstName] joined [Course:Name]',
    });
    const result = await executeAction(ws.deps, executionPorts(), ws.users.planner, action.id);
    expect(result).toMatchObject({ outcome: 'failed', error: 'No chat platform is configured' });
    expect((await ws.stores.actions.get(action.id))?.stateReason).toBe('No chat platform is configured');
  });

  it('delivers the rendered chat message when a chat surface is there', async () => {
    const { action } = await participantAction({
      type: 'chat-message',
      target: { kind: 'channel', channel: 'planning' },
      text: 'New participant in [Course:Name]',
    });
    const chat = recordingChat();
    const result = await executeAction(ws.deps, executionPorts({ chat }), ws.users.planner, action.id);
    expect(result.outcome).toBe('executed');
    expect(chat.sent).toEqual([
      {
        target: { kind: 'channel', platform: 'console', channel: 'planning' },
        message: expect.objectContaining({ text: 'New participant in Workshop basics', purpose: 'process' }),
      },
    ]);
  });

  it('does not run when the conditions stopped holding, goes back to waiting and says why', async () => {
    const { action, participant } = await participantAction(
      { type: 'set-field', field: 'attendanceMet', value: true },
      { conditions: { all: [{ field: 'participant.status', op: 'eq', value: 'planned' }] } },
    );
    await patchRecord(ws, participant.record.id, { status: 'waiting-list' });
    // The patch itself hides the action already; make it open again to test the check at execution.
    const hidden = await ws.stores.actions.get(action.id);
    expect(hidden?.state).toBe('waiting');
    await ws.stores.actions.replaceIfVersion(
      { ...hidden!, state: 'open', version: hidden!.version + 1 },
      hidden!.version,
    );
    const claimed = {
      ...(await ws.stores.actions.get(action.id))!,
      lease: { token: 't', until: new Date(ws.clock.read().getTime() + 60_000), attempt: 1 },
    };
    await ws.stores.actions.replaceIfVersion({ ...claimed, version: claimed.version + 1 }, claimed.version);

    const result = await runClaimed(
      ws.deps,
      executionPorts(),
      { ...claimed, version: claimed.version + 1 },
      'system',
    );

    expect(result).toMatchObject({
      outcome: 'conditions-not-met',
      reasons: [expect.stringContaining('participant.status')],
    });
    const stored = await ws.stores.actions.get(action.id);
    expect(stored?.state).toBe('waiting');
    expect(
      (await ws.stores.dossiers.get(participant.record.id)) as { attendanceMet?: boolean },
    ).not.toMatchObject({ attendanceMet: true });
  });
});
