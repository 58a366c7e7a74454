import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { ConsoleInbox } from '../../adapters/console/inbox.js';
import { type TeamsSettings, TeamsSurface } from '../../adapters/teams/index.js';
import { type ChatDeliveryStack, createChatDelivery } from '../../src/chat-delivery.js';
import { ConsoleInboxStore } from '../../src/store/console-inbox.js';
import { TeamsConversationStore } from '../../src/store/teams-conversations.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { executionPorts } from '../execution/support.js';
import { testDigestPorts } from '../support/digests.js';
import {
  openWorkspace,
  type TestClock,
  type TestWorkspace,
  testClock,
} from '../workflow/support/workspace.js';
import { FAKE_TENANT, FakeConnector } from './fake-connector.js';

/** A Teams user as activities show them: their Teams id, Entra object id and name. */
export interface TeamsPerson {
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsPerson(name: string): TeamsPerson {
  return { id: `29:${name}-${randomUUID().slice(0, 8)}`, aadObjectId: randomUUID(), name };
}

export const BOT = { id: '28:stempel-bot', name: 'Stempel' };

export interface TeamsHarness {
  /** `…/api/messages`. */
  readonly url: string;
  readonly ws: TestWorkspace;
  readonly connector: FakeConnector;
  readonly delivery: ChatDeliveryStack;
  /**
   * The delivery's clock, moved by hand through pacing and Retry-After. It starts at the real now: what the
   * delivery stores expires by the database's real-time TTL, which the workspace's 2026 clock would trip.
   */
  readonly deliveryClock: TestClock;
  readonly conversations: TeamsConversationStore;
  readonly execution: ExecutionPorts;
  /** POSTs an activity (with a bearer token when given); the body is parsed when there is one. */
  post(activity: object, token?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Links a Teams user to a Stempel user, as an admin would. */
  link(userId: string, person: TeamsPerson): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real Teams surface — CloudAdapter, bot, platform — on a real test database, behind an Express app on
 * loopback, with the fake connector as every activity's service URL and (for authenticated settings) as
 * Entra ID. The chat delivery sends through Teams with the console inbox as fallback; tests drive its
 * worker with `runOnce` and the workspace clock.
 */
export async function startTeams(
  name: string,
  settingsFor: (connector: FakeConnector) => TeamsSettings = () => ({ mode: 'anonymous' }),
): Promise<TeamsHarness> {
  const connector = await new FakeConnector().start();
  const ws = await openWorkspace(name);
  const logger = pino({ level: 'silent' });
  const conversations = new TeamsConversationStore(ws.database.db);
  await conversations.ensureIndexes();
  const inbox = new ConsoleInbox(new ConsoleInboxStore(ws.database.db));
  await inbox.ensureIndexes();
  const surface = new TeamsSurface(settingsFor(connector), conversations, logger, ws.clock.read);
  const deliveryClock = testClock(new Date().toISOString());
  const delivery = createChatDelivery(ws.deps, {
    platforms: [inbox, surface.platform],
    clock: deliveryClock.read,
  });
  const execution = {
    ...executionPorts({ chat: delivery.outbox }),
    digests: testDigestPorts(ws.database.db, delivery).ports,
  };
  const app = express();
  app.use(surface.router({ deps: ws.deps, execution, live: delivery.live }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    url,
    ws,
    connector,
    delivery,
    deliveryClock,
    conversations,
    execution,
    post: async (activity, token) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    link: async (userId, person) => {
      await ws.stores.users.addChatIdentity(
        userId,
        { platform: 'teams', aadObjectId: person.aadObjectId, tenantId: FAKE_TENANT },
        ws.clock.read(),
      );
    },
    close: async () => {
      await delivery.worker.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
      await ws.close();
    },
  };
}

let sequence = 0;

export interface ConversationSpec {
  id: string;
  conversationType: 'personal' | 'channel' | 'groupChat';
  isGroup?: boolean;
  name?: string;
}

export function personalChat(person: TeamsPerson): ConversationSpec {
  return { id: `a:personal-${person.aadObjectId}`, conversationType: 'personal' };
}

export const CHANNEL: ConversationSpec = {
  id: '19:planning-channel@thread.tacv2',
  conversationType: 'channel',
  isGroup: true,
  name: 'Planning',
};

interface ActivityOptions {
  conversation?: ConversationSpec;
  locale?: string;
  /** Where replies go; undefined leaves it out (with expectReplies, no connector is needed). */
  serviceUrl?: string | null;
  deliveryMode?: 'expectReplies';
}

function envelope(harness: Pick<TeamsHarness, 'connector'>, person: TeamsPerson, options: ActivityOptions) {
  sequence += 1;
  const conversation = options.conversation ?? personalChat(person);
  return {
    id: `activity-${sequence}`,
    channelId: 'msteams',
    timestamp: new Date().toISOString(),
    ...(options.serviceUrl === null ? {} : { serviceUrl: options.serviceUrl ?? harness.connector.url }),
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { ...conversation, tenantId: FAKE_TENANT },
    channelData: {
      tenant: { id: FAKE_TENANT },
      ...(conversation.conversationType === 'channel'
        ? {
            team: { id: '19:team@thread.tacv2', name: 'Opleidingen' },
            channel: { id: conversation.id, name: conversation.name },
          }
        : {}),
    },
    locale: options.locale ?? 'en-US',
    ...(options.deliveryMode ? { deliveryMode: options.deliveryMode } : {}),
  };
}

/** A message; in a channel the bot is @mentioned in front, as Teams sends it. */
export function messageActivity(
  harness: Pick<TeamsHarness, 'connector'>,
  person: TeamsPerson,
  text: string,
  options: ActivityOptions = {},
) {
  const group = options.conversation && options.conversation.conversationType !== 'personal';
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...envelope(harness, person, options),
    type: 'message',
    text: group ? `${mention} ${text}` : text,
    ...(group ? { entities: [{ type: 'mention', text: mention, mentioned: BOT }] } : {}),
  };
}

/** An `adaptiveCard/action` invoke: what Teams sends when a button of one of our cards is pressed. */
export function invokeActivity(
  harness: Pick<TeamsHarness, 'connector'>,
  person: TeamsPerson,
  data: Record<string, unknown>,
  options: ActivityOptions & {
    inputs?: Record<string, string>;
    verb?: string;
    trigger?: 'manual' | 'automatic';
  } = {},
) {
  return {
    ...envelope(harness, person, options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: { type: 'Action.Execute', verb: options.verb ?? 'press', data: { ...data, ...options.inputs } },
      trigger: options.trigger ?? 'manual',
    },
  };
}
