import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { ConsoleInbox } from '../../adapters/console/inbox.js';
import { createSlackAdapter, type SlackRuntime } from '../../adapters/slack/index.js';
import { type ChatDeliveryStack, createChatDelivery } from '../../src/chat-delivery.js';
import type { SlackMode } from '../../src/config/config.js';
import type { User } from '../../src/domain/rights/user.js';
import { IdempotencyStore } from '../../src/http/api/idempotency.js';
import { Metrics } from '../../src/observability/metrics.js';
import { buildApp } from '../../src/service.js';
import { ConsoleInboxStore } from '../../src/store/console-inbox.js';
import { IdempotencyKeyStore } from '../../src/store/idempotency-keys.js';
import { InboundRequestStore } from '../../src/store/inbound-requests.js';
import { SlackInstallationStore } from '../../src/store/slack-installations.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { executionPorts } from '../execution/support.js';
import { testDigestPorts } from '../support/digests.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import { FakeSlack } from './fake-slack.js';

export const SIGNING_SECRET = 'slack-test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-bot-token';

// biome-ignore lint/suspicious/noExplicitAny: Slack payloads are loose JSON; assertions check their shape.
type Json = any;

/** The Slack identity of each test user (planner, sales, admin, automator) in the fake workspace. */
export const SLACK_IDS = {
  planner: 'UPLANNER',
  sales: 'USALES',
  admin: 'UADMIN',
  automator: 'UAUTO',
} as const;

export interface SlackHarness {
  readonly ws: TestWorkspace;
  readonly fake: FakeSlack;
  readonly delivery: ChatDeliveryStack;
  readonly execution: ExecutionPorts;
  readonly runtime: SlackRuntime;
  /** Where Slack would send requests: the shared HTTP server's /slack/events. */
  readonly eventsUrl: string;
  readonly url: string;
  /** Links a test user to their Slack identity (as an admin would). */
  link(user: User, slackId: string): Promise<void>;
  /** A REST API call on the same server, as `user` with every scope. */
  api(user: User, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  timestamp?: number;
  secret?: string;
  retryNum?: number;
  signature?: string;
}

/** POSTs `body` to `url` signed like Slack signs its requests (X-Slack-Signature, v0 HMAC-SHA256). */
export async function signedPost(
  url: string,
  body: string,
  contentType: string,
  options: SignedPostOptions = {},
) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
      ...(options.retryNum
        ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    },
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

let sequence = 0;
export function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${Date.now().toString(36)}${sequence}`;
}

export function commandBody(
  fake: FakeSlack,
  fields: {
    text: string;
    user: string;
    channel?: string;
    command?: string;
    team?: string;
    enterprise?: string;
  },
) {
  const trigger = nextId('trigger-');
  return {
    trigger,
    responseId: trigger,
    body: new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: fields.team ?? fake.teamId,
      ...(fields.enterprise ? { enterprise_id: fields.enterprise, is_enterprise_install: 'true' } : {}),
      team_domain: 'test',
      channel_id: fields.channel ?? 'CPLANNING',
      channel_name: 'planning',
      user_id: fields.user,
      user_name: fields.user.toLowerCase(),
      command: fields.command ?? '/actie',
      text: fields.text,
      api_app_id: 'A0TEST',
      response_url: fake.responseUrl(trigger),
      trigger_id: trigger,
    }).toString(),
  };
}

/** A `block_actions` payload as Slack sends it when a button on a message is pressed. */
export function blockActionBody(
  fake: FakeSlack,
  fields: {
    user: string;
    action: Json;
    container?: Json;
    channel?: string;
    message?: Json;
    view?: Json;
  },
) {
  const trigger = nextId('trigger-');
  const payload: Json = {
    type: 'block_actions',
    user: { id: fields.user, team_id: fake.teamId, username: fields.user.toLowerCase() },
    api_app_id: 'A0TEST',
    token: 'legacy-verification-token',
    team: { id: fake.teamId, domain: 'test' },
    trigger_id: trigger,
    actions: [{ block_id: 'b1', action_ts: '1700000000.1', ...fields.action }],
    ...(fields.view
      ? { container: { type: 'view', view_id: fields.view.id }, view: fields.view }
      : {
          container: fields.container ?? {
            type: 'message',
            message_ts: '1700000000.000100',
            is_ephemeral: true,
          },
          channel: { id: fields.channel ?? 'CPLANNING', name: 'planning' },
          message: fields.message ?? { ts: '1700000000.000100', text: 'card' },
          response_url: fake.responseUrl(trigger),
        }),
  };
  return { trigger, body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
}

export function buttonAction(payload: string): Json {
  return { type: 'button', action_id: payload, value: payload, text: { type: 'plain_text', text: 'x' } };
}

/** A `view_submission` of a modal Stempel opened: its blocks and metadata, with the state the user entered. */
export function viewSubmissionBody(fake: FakeSlack, user: string, view: Json, values: Json) {
  const payload = {
    type: 'view_submission',
    team: { id: fake.teamId, domain: 'test' },
    user: { id: user, team_id: fake.teamId },
    api_app_id: 'A0TEST',
    trigger_id: nextId('trigger-'),
    view: { ...view, id: view.id ?? 'VSUBMIT', hash: view.hash ?? nextId('hash-'), state: { values } },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The real Bolt app of the Slack adapter on a loopback HTTP server, talking to a fake Slack Web API. */
export async function startSlack(
  name: string,
  options: {
    mode?: Exclude<SlackMode, 'off'>;
    fake?: FakeSlack;
    databaseUri?: string;
    allowedTeams?: string[];
  } = {},
): Promise<SlackHarness> {
  const ws = await openWorkspace(name, options.databaseUri ? { uri: options.databaseUri } : {});
  const fake = options.fake ?? (await new FakeSlack().start());
  const db = ws.database.db;
  const inbox = new ConsoleInbox(new ConsoleInboxStore(db));
  await inbox.ensureIndexes();
  const inbound = new InboundRequestStore(db);
  await inbound.ensureIndexes();
  const mode = options.mode ?? 'single-workspace';
  const adapter = createSlackAdapter({
    mode,
    signingSecret: SIGNING_SECRET,
    ...(mode === 'oauth'
      ? {
          clientId: '111.222',
          clientSecret: 'slack-test-client-secret',
          stateSecret: 'slack-test-state-secret-0123456789abcdef',
          ...(options.allowedTeams ? { allowedTeams: options.allowedTeams } : {}),
        }
      : { botToken: BOT_TOKEN }),
    ...(mode === 'socket' ? { appToken: 'xapp-test-app-token' } : {}),
    apiUrl: fake.apiUrl,
    timeoutMs: 5_000,
    installations: new SlackInstallationStore(db),
    logger: pino({ level: 'silent' }),
  });
  const delivery = createChatDelivery(ws.deps, { platforms: [inbox, adapter.platform], coalesceMs: 100 });
  const execution = {
    ...executionPorts({ chat: delivery.outbox }),
    digests: testDigestPorts(ws.database.db, delivery).ports,
  };
  const runtime = adapter.attach({ deps: ws.deps, execution, delivery, inbound });
  await runtime.start();
  const idempotencyKeys = new IdempotencyKeyStore(db);
  await idempotencyKeys.ensureIndexes();
  const idempotency = new IdempotencyStore(idempotencyKeys);
  const app = buildApp(
    { workflow: ws.deps, idempotency, execution, metrics: new Metrics() },
    undefined,
    undefined,
    runtime.router ? [runtime.router] : [],
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  delivery.worker.start();
  return {
    ws,
    fake,
    delivery,
    execution,
    runtime,
    url,
    eventsUrl: `${url}/slack/events`,
    link: async (user, slackId) => {
      await ws.stores.users.addChatIdentity(
        user.id,
        { platform: 'slack', teamId: fake.teamId, userId: slackId },
        new Date(),
      );
    },
    api: async (user, method, path, body) => {
      const { token } = await ws.stores.apiTokens.create({
        name: 'slack test',
        userId: user.id,
        scopes: ['admin'],
        now: new Date(),
      });
      const response = await fetch(`${url}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    close: async () => {
      await delivery.worker.stop();
      await runtime.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.stop();
      await ws.close();
    },
  };
}
