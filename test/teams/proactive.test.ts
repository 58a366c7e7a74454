import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_LIMITS } from '../../adapters/teams/render/index.js';
import type { DeliveryResult } from '../../src/delivery/port.js';
import { completeAction } from '../../src/workflow/actions/commands.js';
import { type ConsoleRecords, seedConsoleRecords } from '../console/fixtures.js';
import { cardIn, cardProblems, cardText } from './cards.js';
import {
  CHANNEL,
  messageActivity,
  personalChat,
  startTeams,
  type TeamsHarness,
  type TeamsPerson,
  teamsPerson,
} from './support.js';

let teams: TeamsHarness;
let records: ConsoleRecords;

beforeAll(async () => {
  teams = await startTeams('teams-proactive');
  records = await seedConsoleRecords(teams.ws);
});
afterAll(() => teams.close());

let sequence = 0;

/** A Teams person linked to the planner who has said hello to the bot, so their chat is known. */
async function plannerInTeams(): Promise<TeamsPerson> {
  sequence += 1;
  const person = teamsPerson(`planner-${sequence}`);
  // One Stempel user, one Teams identity: each test gets the planner back on a fresh chat.
  const planner = (await teams.ws.stores.users.get(teams.ws.users.planner.id))!;
  for (const identity of planner.chatIdentities) {
    await teams.ws.stores.users.removeChatIdentity(planner.id, identity, new Date());
  }
  await teams.link(planner.id, person);
  await teams.post(messageActivity(teams, person, 'help'));
  return person;
}

async function remind(text: string): Promise<DeliveryResult> {
  sequence += 1;
  return teams.delivery.outbox.send(
    { kind: 'user', userId: teams.ws.users.planner.id },
    { purpose: 'reminder', text, actionId: records.attendance.id, dedupeKey: `reminder-${sequence}` },
  );
}

/** Moves the test clock past any pacing or hold and lets the worker do what is due. */
async function deliverAfter(ms: number): Promise<void> {
  teams.deliveryClock.advance(ms);
  await teams.delivery.worker.runOnce();
}

function postsInto(conversationId: string) {
  return teams.connector.calls.filter(
    (call) => call.method === 'POST' && call.conversationId === conversationId,
  );
}

describe('proactive messages through the delivery outbox', () => {
  it('posts an owner notice into the person’s chat and edits it when the action changes', async () => {
    const person = await plannerInTeams();
    const chat = personalChat(person).id;
    expect(await remind('Reminder: the attendance list')).toMatchObject({ ok: true });
    await deliverAfter(1_000);
    const [post] = postsInto(chat).filter((call) => call.activityId === undefined);
    expect(post, 'a new message, not a reply').toBeDefined();
    const card = cardIn(post!.body);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Reminder: the attendance list');
    expect(cardText(card)).toContain('Attendance list Workshop basics');
    expect(card.refresh).toMatchObject({ userIds: [person.id] });
    expect(Buffer.byteLength(JSON.stringify(post!.body))).toBeLessThanOrEqual(TEAMS_LIMITS.activityBytes);

    await completeAction(teams.ws.deps, teams.ws.users.planner, { ref: records.attendance.id });
    await deliverAfter(1_000);
    const edit = teams.connector.calls.find((call) => call.method === 'PUT' && call.conversationId === chat);
    expect(edit?.activityId).toBe(post!.responseId);
    expect(cardText(cardIn(edit!.body))).toContain('Done');
  });

  it('posts into a channel the bot is in, refreshable by whoever looks', async () => {
    const person = teamsPerson('channel-member');
    await teams.post(messageActivity(teams, person, 'help', { conversation: CHANNEL }));
    const result = await teams.delivery.outbox.send(
      { kind: 'channel', platform: 'teams', channel: CHANNEL.id },
      { purpose: 'process', text: 'Course Workshop basics is definitive', dedupeKey: 'channel-1' },
    );
    expect(result).toMatchObject({ ok: true });
    await deliverAfter(1_000);
    const [post] = postsInto(CHANNEL.id).filter((call) => call.activityId === undefined);
    expect(cardText(cardIn(post!.body))).toContain('Course Workshop basics is definitive');
  });

  it('waits for Retry-After when Teams answers 429, then sends', async () => {
    const person = await plannerInTeams();
    const chat = personalChat(person).id;
    teams.connector.failNext('POST', { status: 429, headers: { 'retry-after': '30' } });
    await remind('Reminder after a throttle');
    await deliverAfter(1_000);
    expect(postsInto(chat).map((call) => call.status)).toEqual([201, 429]);

    await deliverAfter(29_000);
    expect(
      postsInto(chat).map((call) => call.status),
      'not before Retry-After',
    ).toEqual([201, 429]);
    await deliverAfter(1_000);
    expect(postsInto(chat).map((call) => call.status)).toEqual([201, 429, 201]);
    expect(cardText(cardIn(postsInto(chat).at(-1)!.body))).toContain('Reminder after a throttle');
  });

  it('marks the chat broken on 403, for admins to see, and reaches the person elsewhere', async () => {
    const person = await plannerInTeams();
    const chat = personalChat(person).id;
    teams.connector.failNext('POST', { status: 403, body: { error: { code: 'BotDisabledByAdmin' } } });
    await remind('Reminder into a blocked chat');
    await deliverAfter(1_000);
    const target = await teams.ws.stores.deliveries.target(`teams:${chat}`);
    expect(target?.broken?.reason).toContain('403');
    const [failed] = await teams.ws.stores.deliveries.list({ status: 'failed', limit: 10 });
    expect(failed?.lastError).toContain('403');

    // The router skips the broken chat: the next reminder lands in the console inbox instead.
    const attempts = postsInto(chat).length;
    await remind('Reminder after the block');
    await deliverAfter(1_000);
    expect(postsInto(chat).length).toBe(attempts);
  });

  it('marks a conversation that no longer exists broken', async () => {
    const person = await plannerInTeams();
    const chat = personalChat(person).id;
    teams.connector.failNext('POST', { status: 404, body: { error: { code: 'ConversationNotFound' } } });
    await remind('Reminder into a deleted chat');
    await deliverAfter(1_000);
    expect((await teams.ws.stores.deliveries.target(`teams:${chat}`))?.broken?.reason).toContain(
      'conversation not found',
    );
  });
});
