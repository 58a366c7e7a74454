import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf } from '../../adapters/teams/conversations.js';
import { editActionDetails } from '../../src/workflow/actions/commands.js';
import { type ConsoleRecords, seedConsoleRecords } from '../console/fixtures.js';
import { buttonData, cardIn, cardProblems, cardText, executeActions } from './cards.js';
import {
  BOT,
  CHANNEL,
  type ConversationSpec,
  invokeActivity,
  messageActivity,
  personalChat,
  startTeams,
  type TeamsHarness,
  type TeamsPerson,
  teamsPerson,
} from './support.js';

let teams: TeamsHarness;
let records: ConsoleRecords;
const planner = teamsPerson('planner');
const sales = teamsPerson('sales');
const stranger = teamsPerson('stranger');

beforeAll(async () => {
  teams = await startTeams('teams-messages');
  records = await seedConsoleRecords(teams.ws);
  await teams.link(teams.ws.users.planner.id, planner);
  await teams.link(teams.ws.users.sales.id, sales);
});
afterAll(() => teams.close());

/** Sends a message and returns the card of the reply the bot posted to the connector for it. */
async function reply(person: TeamsPerson, text: string, options: Parameters<typeof messageActivity>[3] = {}) {
  const activity = messageActivity(teams, person, text, options);
  const before = teams.connector.calls.length;
  const response = await teams.post(activity);
  expect(response.status).toBe(200);
  const [call] = teams.connector.calls.slice(before);
  expect(call).toMatchObject({ method: 'POST', activityId: activity.id });
  return cardIn(call!.body);
}

describe('messages to the bot', () => {
  it('answers a command in a personal chat with the user’s cards, refreshed for them', async () => {
    const card = await reply(planner, '/actie mine');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Attendance list Workshop basics');
    expect(cardText(card)).toContain('My actions');
    expect(card.refresh).toMatchObject({ userIds: [planner.id], action: { verb: 'refresh' } });
    expect(executeActions(card).map((action) => action.title)).toContain('Done');
  });

  it('stores the conversation reference of every conversation it hears from', async () => {
    await reply(planner, 'help');
    const stored = await teams.conversations.get(personalChat(planner).id);
    expect(stored).toMatchObject({
      serviceUrl: teams.connector.url,
      kind: 'personal',
      installed: true,
      user: { id: planner.id, aadObjectId: planner.aadObjectId },
      bot: { id: '28:stempel-bot' },
    });
  });

  it('takes the leading /actie as optional and answers unknown input with the help', async () => {
    const card = await reply(planner, 'frobnicate');
    expect(cardText(card)).toContain('Unknown command "frobnicate"');
    expect(cardText(card).split('Stempel commands')).toHaveLength(2);
    expect(cardText(await reply(planner, 'toon 1'))).not.toContain('Unknown command');
  });

  it('answers in the user’s language', async () => {
    await teams.ws.stores.users.replace({
      ...(await teams.ws.stores.users.get(teams.ws.users.sales.id))!,
      locale: 'nl',
    });
    expect(cardText(await reply(sales, 'mijn'))).toContain('Mijn acties');
  });

  it('tells people it does not know how to get linked, in Teams’ language, and shows them nothing', async () => {
    const card = await reply(stranger, 'lijst', { locale: 'nl-NL' });
    expect(cardText(card)).toContain('Ik ken je nog niet');
    expect(cardText(card)).toContain(stranger.aadObjectId);
    expect(cardText(card)).not.toContain('Workshop');
    expect(executeActions(card)).toEqual([]);
  });

  it('links a Teams user by the e-mail address the roster reveals', async () => {
    const automator = teamsPerson('automator');
    teams.connector.members.set(automator.id, {
      id: automator.id,
      aadObjectId: automator.aadObjectId,
      email: 'automator@institute.test',
    });
    expect(cardText(await reply(automator, 'mine'))).toContain('My actions');
    const user = await teams.ws.stores.users.get(teams.ws.users.automator.id);
    expect(user?.chatIdentities).toContainEqual(
      expect.objectContaining({ aadObjectId: automator.aadObjectId }),
    );
  });

  it('answers an @mention in a channel with a card whose content depends on who looks', async () => {
    const card = await reply(planner, 'list', { conversation: CHANNEL });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Planner asked: list');
    expect(cardText(card)).not.toContain('Attendance list');
    expect(card.refresh).toMatchObject({ userIds: [planner.id] });
    const refresh = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;

    const asPlanner = await teams.post(
      invokeActivity(teams, planner, refresh, { conversation: CHANNEL, trigger: 'automatic' }),
    );
    expect(asPlanner.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
    });
    expect(cardText(asPlanner.body.value)).toContain('Attendance list Workshop basics');
    expect(cardText(asPlanner.body.value)).toContain('Planner asked: list');

    // Anyone else asking for their own view gets what their rights show, and a stranger nothing.
    const asStranger = await teams.post(invokeActivity(teams, stranger, refresh, { conversation: CHANNEL }));
    expect(cardText(asStranger.body.value)).not.toContain('Attendance list');
    expect(await teams.conversations.get(CHANNEL.id)).toMatchObject({
      kind: 'channel',
      name: 'Planning',
      teamName: 'Opleidingen',
    });
  });

  it('carries out a changing command in a channel once, showing only its outcome in public', async () => {
    const card = await reply(planner, `done ${records.lateAttendance.number}`, { conversation: CHANNEL });
    expect(cardText(card)).toContain(`Action ${records.lateAttendance.number} is done.`);
    expect(cardText(card)).not.toContain('First aid refresher');
    expect((await teams.ws.stores.actions.get(records.lateAttendance.id))?.state).toBe('done');
    const refresh = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
    expect(refresh).toMatchObject({ stempel: { s: 'refresh', h: { ids: [records.lateAttendance.id] } } });
  });

  it('answers an expectReplies turn in the HTTP response, without a connector', async () => {
    const activity = messageActivity(teams, planner, 'mine', {
      deliveryMode: 'expectReplies',
      serviceUrl: null,
    });
    const before = teams.connector.calls.length;
    const response = await teams.post(activity);
    expect(response.status).toBe(200);
    const activities = response.body.activities as Array<Record<string, unknown>>;
    expect(activities).toHaveLength(1);
    expect(cardText(cardIn(activities[0]!))).toContain('Attendance list Workshop basics');
    expect(teams.connector.calls.length).toBe(before);
  });

  it('greets whoever installs the app in a personal chat', async () => {
    const base = messageActivity(teams, planner, '');
    const before = teams.connector.calls.length;
    const response = await teams.post({
      ...base,
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: BOT.id }],
    });
    expect(response.status).toBe(200);
    expect(cardText(cardIn(teams.connector.calls[before]!.body))).toContain('Welcome to Stempel');
  });

  /** A conversation Stempel has queued a message for (so it has a delivery target), marked broken by a 403. */
  async function markBroken(conversationId: string) {
    const key = `teams:${conversationId}`;
    const conversation = await teams.conversations.get(conversationId);
    const queued = await teams.delivery.outbox.post(
      addressOf(conversation!),
      { locale: 'en' },
      { type: 'notice', text: 'Before the removal' },
      'process',
      `broken-${conversationId}`,
    );
    expect(queued.ok).toBe(true);
    await teams.ws.stores.deliveries.markBroken(key, 'Teams answered 403', teams.ws.clock.read());
    expect((await teams.ws.stores.deliveries.target(key))?.broken).toBeDefined();
  }

  it('stops writing to a conversation the app was removed from, and clears its broken mark when it is back', async () => {
    const person = teamsPerson('leaver');
    const chat = personalChat(person).id;
    await teams.post(messageActivity(teams, person, 'help'));
    await markBroken(chat);
    const installation = (action: string) => ({
      ...messageActivity(teams, person, ''),
      type: 'installationUpdate',
      text: undefined,
      action,
    });

    await teams.post(installation('remove'));
    expect((await teams.conversations.get(chat))?.installed).toBe(false);
    expect(await teams.conversations.personalChatOf(person.aadObjectId)).toBeUndefined();

    await teams.post(installation('add'));
    expect((await teams.conversations.get(chat))?.installed).toBe(true);
    expect((await teams.ws.stores.deliveries.target(`teams:${chat}`))?.broken).toBeUndefined();
  });

  it('clears the broken marks of every channel of a team when the app is added to the team again', async () => {
    const person = teamsPerson('team-owner');
    const general: ConversationSpec = {
      id: '19:team@thread.tacv2',
      conversationType: 'channel',
      isGroup: true,
    };
    const other: ConversationSpec = {
      id: '19:other@thread.tacv2',
      conversationType: 'channel',
      isGroup: true,
    };
    for (const conversation of [general, other]) {
      await teams.post(messageActivity(teams, person, 'help', { conversation }));
      await markBroken(conversation.id);
    }
    await teams.post({
      ...messageActivity(teams, person, '', { conversation: general }),
      type: 'installationUpdate',
      text: undefined,
      action: 'add',
    });
    for (const conversation of [general, other]) {
      expect((await teams.ws.stores.deliveries.target(`teams:${conversation.id}`))?.broken).toBeUndefined();
    }
  });

  it('records a reply showing one action as out of date when the action changed while it was sent', async () => {
    const person = teamsPerson('racer');
    await teams.link(teams.ws.users.planner.id, person);
    const shown = (await teams.ws.stores.actions.get(records.attendance.id))!.version;
    teams.connector.beforeNextAnswer('POST', async () => {
      await editActionDetails(teams.ws.deps, teams.ws.users.planner, {
        ref: records.attendance.id,
        remarks: 'changed in the meantime',
      });
    });
    const card = await reply(person, `show ${records.attendance.number}`);
    expect(cardText(card)).not.toContain('changed in the meantime');
    const copyOf = async () =>
      (await teams.ws.stores.deliveries.copiesOf(records.attendance.id)).find(
        (copy) => copy.address.key === `teams:${personalChat(person).id}`,
      );
    expect((await copyOf())?.versions).toEqual({ [records.attendance.id]: shown });
    await teams.delivery.live.reconcile();
    expect((await copyOf())?.dirty).toBe(true);
    await teams.delivery.worker.runOnce();
    const edit = teams.connector.calls.find(
      (call) => call.method === 'PUT' && call.conversationId === personalChat(person).id,
    );
    expect(cardText(cardIn(edit!.body))).toContain('changed in the meantime');
  });

  it('keeps a reply showing one action current when the action changes', async () => {
    const card = await reply(planner, `show ${records.attendance.number}`);
    expect(buttonData(card, 'Done')).toMatchObject({ stempel: { p: `done:${records.attendance.id}` } });
    const copies = await teams.ws.stores.deliveries.copiesOf(records.attendance.id);
    expect(copies).toContainEqual(
      expect.objectContaining({
        address: expect.objectContaining({ key: `teams:${personalChat(planner).id}` }),
      }),
    );
  });
});
