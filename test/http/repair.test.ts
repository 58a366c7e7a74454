import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/store/users.js';
import { executionPorts, recordingChat, smtpMailer, startSmtpServer } from '../execution/support.js';
import { type ApiHarness, startApi } from './support/api.js';
import { course, courseType, created, unique } from './support/fixtures.js';

let api: ApiHarness;
let token: string;
let owner: UserRecord;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const chat = recordingChat();

beforeAll(async () => {
  smtp = await startSmtpServer();
  api = await startApi('http_repair', {
    execution: executionPorts({ mailer: smtpMailer(smtp.url), chat }),
  });
  const admin = await api.user({ admin: true });
  token = await api.token(admin);
  owner = await api.user({ roles: ['planning'] });
  await api.deps.workflow.stores.senders.insert({
    id: 'snd-planning',
    address: 'planning@institute.test',
    displayName: 'Planning',
    approved: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
});
afterAll(async () => {
  await api.close();
  await smtp.stop();
});

/** A semi-automatic e-mail on course creation without a sender (and no default sender configured). */
async function unsentAction(extra: Record<string, unknown> = {}) {
  const key = unique('welcome');
  // A course type of its own, so the new course gets this template's action only.
  const courseTypeId = (await courseType(api, token)).id;
  await created(api, token, '/templates', {
    key,
    name: 'Welcome letter [Course:Name]',
    execution: 'semi-automatic',
    dataGroup: 'course',
    event: { type: 'created' },
    courseTypeIds: [courseTypeId],
    ownerRule: { kind: 'user', userId: owner.id },
    process: {
      type: 'email',
      documentTemplate: { subject: 'Welcome to [Course:Name]', body: 'See you there.' },
      to: [{ kind: 'address', address: 'office@acme.test' }],
    },
    timing: {
      start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
      end: { amount: 5, unit: 'days', direction: 'after', anchor: 'event' },
    },
    ...extra,
  });
  const record = await course(api, token, courseTypeId);
  const list = await api.request('GET', `/actions?recordId=${record.id}`, { token });
  return { key, action: list.body.items[0] as { id: string; number: number } };
}

const historyOf = async (id: string) => (await api.request('GET', `/actions/${id}`, { token })).body.history;

describe('repairing a rejected action (issue: Execute again after fixing the template)', () => {
  it('executes with the template’s current process settings once the cause is fixed', async () => {
    const { key, action } = await unsentAction();
    const first = await api.request('POST', `/actions/${action.id}/execute`, { token });
    expect(first.body).toMatchObject({ outcome: 'rejected', code: 'email.no-sender' });

    const fixed = await api.request('PATCH', `/templates/${key}`, {
      token,
      body: {
        process: {
          type: 'email',
          sender: 'planning@institute.test',
          documentTemplate: { subject: 'Welcome to [Course:Name]', body: 'See you there.' },
          to: [{ kind: 'address', address: 'office@acme.test' }],
        },
      },
    });
    expect(fixed.status).toBe(200);
    const preview = await api.request('GET', `/actions/${action.id}/preview`, { token });
    expect(preview.body).toMatchObject({
      processFromTemplate: true,
      preview: { type: 'email', from: 'planning@institute.test' },
    });
    expect(preview.body.rejection).toBeUndefined();

    const before = smtp.received.length;
    const again = await api.request('POST', `/actions/${action.id}/execute`, { token });
    expect(again.body).toMatchObject({ outcome: 'executed', action: { state: 'executed' } });
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)?.from?.text).toContain('planning@institute.test');
    const history = await historyOf(action.id);
    expect(history.map((entry: { kind: string }) => entry.kind)).toEqual([
      'stamped',
      'rejected',
      'process-updated',
      'executed',
    ]);
  });

  it('shows why a rejected action would be rejected again, with the details', async () => {
    const { action } = await unsentAction({
      process: { type: 'webhook', url: 'https://hooks.example.org/stempel', secretRef: 'MISSING' },
    });
    const preview = await api.request('GET', `/actions/${action.id}/preview`, { token });
    expect(preview.body.rejection).toMatchObject({
      code: 'webhook.secret-missing',
      details: { secretRef: 'MISSING' },
    });
  });
});

describe('a burst of Execute on an action rejected at preparation', () => {
  it('records one rejection and tells the owner once, however often it is pressed', async () => {
    const { action } = await unsentAction();
    const noticesBefore = chat.sent.length;
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => api.request('POST', `/actions/${action.id}/execute`, { token })),
    );
    for (const response of responses) expect([200, 409]).toContain(response.status);
    const accepted = responses.filter((response) => response.status === 200);
    expect(accepted.length).toBeGreaterThan(0);
    for (const response of accepted) expect(response.body).toMatchObject({ outcome: 'rejected' });
    const history = await historyOf(action.id);
    expect(history.filter((entry: { kind: string }) => entry.kind === 'rejected')).toHaveLength(1);
    const notices = chat.sent.slice(noticesBefore).filter((sent) => sent.message.actionId === action.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.target).toEqual({ kind: 'user', userId: owner.id });

    // Pressed again later for the same cause: still one entry, and the answer says it was a repeat.
    const later = await api.request('POST', `/actions/${action.id}/execute`, { token });
    expect(later.body).toMatchObject({ outcome: 'rejected', repeated: true });
    expect((await historyOf(action.id)).filter((e: { kind: string }) => e.kind === 'rejected')).toHaveLength(
      1,
    );
  });
});
