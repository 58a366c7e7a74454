import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampByHand } from '../../src/workflow/actions/stamp-by-hand.js';
import { runDigest } from '../../src/workflow/digests/run.js';
import {
  blockActionBody,
  buttonAction,
  commandBody,
  SLACK_IDS,
  type SlackHarness,
  signedPost,
  startSlack,
} from '../slack/support.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';

let slack: SlackHarness;
const form = 'application/x-www-form-urlencoded';
const CHANNEL = 'CDIGEST';

beforeAll(async () => {
  slack = await startSlack('digest-slack');
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
  const courseTypeId = (await seedCourseType(slack.ws, 'digest')).id;
  const template = await seedTemplate(slack.ws, {
    key: 'late-todo',
    name: 'Late [Opleiding:Naam]',
    event: undefined,
    timing: {
      start: { amount: 0, unit: 'days', direction: 'after', anchor: 'created' },
      end: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
    },
  });
  for (const name of ['Eén', 'Twee']) {
    const course = await seedCourse(slack.ws, courseTypeId, { name });
    await stampByHand(slack.ws.deps, slack.ws.users.admin, {
      template: template.id,
      recordId: course.record.id,
      ownerUserId: slack.ws.users.planner.id,
    });
  }
  // Two days later both are overdue.
  slack.ws.clock.advance(2 * 86_400_000);
});
afterAll(() => slack.close());

const posts = () => slack.fake.callsOf('chat.postMessage').filter((call) => call.body.channel === CHANNEL);
const updates = () => slack.fake.callsOf('chat.update').filter((call) => call.body.channel === CHANNEL);

describe('a Slack channel digest', () => {
  it('is switched on from the channel, runs on its schedule, and updates itself after a click in it', async () => {
    const request = commandBody(slack.fake, {
      text: 'digest aan werkdagen 08:30',
      user: SLACK_IDS.planner,
      channel: CHANNEL,
    });
    expect((await signedPost(slack.eventsUrl, request.body, form)).status).toBe(200);
    await slack.fake.until(
      () => slack.fake.responses.some((entry) => entry.id === request.trigger),
      'the answer',
    );
    const answer = slack.fake.responses.find((entry) => entry.id === request.trigger)!.body;
    expect(answer.text).toContain('Digest on');
    expect(answer.text).toMatch(/werkdagen 08:30 \(Europe\/Amsterdam\)/);
    const subscription = await slack.ws.stores.digests.byAddress(`slack:${slack.fake.teamId}:${CHANNEL}`);
    expect(subscription?.schedule).toMatchObject({
      cron: '30 8 * * 1-5',
      timeZone: 'Europe/Amsterdam',
      workingDaysOnly: true,
    });
    const job = await slack.ws.database.db
      .collection('agendaJobs')
      .findOne({ 'data.subscriptionId': subscription!.id });
    expect(job?.repeatInterval).toBe('30 8 * * 1-5');

    // Monday 5 October 2026, 08:30 in Amsterdam: its run sends the digest into the channel.
    const occurrence = new Date('2026-10-05T06:30:00Z');
    const run = await runDigest(slack.ws.deps, slack.execution.digests!, subscription!.id, occurrence);
    expect(run).toMatchObject({ outcome: 'sent', counts: { overdue: 2 } });
    await slack.fake.until(() => posts().length === 1, 'the digest post');
    const blocks = JSON.stringify(posts()[0]!.body.blocks);
    expect(blocks).toContain('Actions digest');
    expect(blocks).toContain('Late Eén');
    const [first] = await slack.ws.stores.actions
      .find({ states: ['open'] }, { limit: 1, skip: 0 })
      .then((page) => page.items);

    // A Done pressed on the digest's card: the digest message is rendered again, without that action.
    const click = blockActionBody(slack.fake, {
      user: SLACK_IDS.planner,
      action: buttonAction(`done:${first!.id}`),
      channel: CHANNEL,
      container: { type: 'message', message_ts: posts()[0]!.body.ts, is_ephemeral: false },
    });
    expect((await signedPost(slack.eventsUrl, click.body, form)).status).toBe(200);
    await slack.fake.until(() => updates().length === 1, 'the digest updated');
    expect(JSON.stringify(updates()[0]!.body.blocks)).not.toContain(`done:${first!.id}`);
    expect((await slack.ws.stores.digests.get(subscription!.id))?.lastRun?.outcome).toBe('sent');
  });

  it('sends one message for one occurrence, whichever instance runs it and however often', async () => {
    const subscription = (await slack.ws.stores.digests.byAddress(`slack:${slack.fake.teamId}:${CHANNEL}`))!;
    const other = await slack.ws.secondInstance();
    const before = posts().length;
    try {
      const occurrence = new Date('2026-10-06T06:30:00Z');
      await Promise.all([
        runDigest(slack.ws.deps, slack.execution.digests!, subscription.id, occurrence),
        runDigest(other.deps, slack.execution.digests!, subscription.id, occurrence),
        runDigest(slack.ws.deps, slack.execution.digests!, subscription.id, occurrence),
      ]);
      await slack.fake.until(() => posts().length - before === 1, 'the digest post');
      const records = await slack.ws.database.db
        .collection('deliveries')
        .countDocuments({ dedupeKey: { $regex: `^digest:${subscription.id}:2026-10-06` } });
      expect(records).toBe(1);
      await slack.delivery.worker.runOnce();
      expect(posts().length - before).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('skips days that are not working days, and an empty digest when asked to', async () => {
    const subscription = (await slack.ws.stores.digests.byAddress(`slack:${slack.fake.teamId}:${CHANNEL}`))!;
    // Christmas Day 2026 is a Friday and a Dutch public holiday.
    expect(
      await runDigest(
        slack.ws.deps,
        slack.execution.digests!,
        subscription.id,
        new Date('2026-12-25T07:30:00Z'),
      ),
    ).toMatchObject({ outcome: 'not-a-working-day' });
    const request = commandBody(slack.fake, {
      text: 'digest on weekdays 08:30 empty:skip template:nope',
      user: SLACK_IDS.planner,
      channel: CHANNEL,
    });
    await signedPost(slack.eventsUrl, request.body, form);
    await slack.fake.until(
      () => slack.fake.responses.some((entry) => entry.id === request.trigger),
      'the refusal',
    );
    expect(slack.fake.responses.find((entry) => entry.id === request.trigger)!.body.text).toMatch(/nope/);
  });

  it('is switched off from the channel', async () => {
    const request = commandBody(slack.fake, {
      text: 'digest uit',
      user: SLACK_IDS.planner,
      channel: CHANNEL,
    });
    await signedPost(slack.eventsUrl, request.body, form);
    await slack.fake.until(
      () => slack.fake.responses.some((entry) => entry.id === request.trigger),
      'the answer',
    );
    expect(slack.fake.responses.find((entry) => entry.id === request.trigger)!.body.text).toContain('is off');
    expect(await slack.ws.stores.digests.byAddress(`slack:${slack.fake.teamId}:${CHANNEL}`)).toBeUndefined();
    expect(
      await slack.ws.database.db.collection('agendaJobs').countDocuments({ name: 'channel-digest' }),
    ).toBe(0);
  });

  it('lets only administrators name another channel than the one they type in', async () => {
    const ask = async (text: string, channel: string) => {
      const request = commandBody(slack.fake, { text, user: SLACK_IDS.planner, channel });
      await signedPost(slack.eventsUrl, request.body, form);
      await slack.fake.until(
        () => slack.fake.responses.some((entry) => entry.id === request.trigger),
        'the answer',
      );
      return slack.fake.responses.find((entry) => entry.id === request.trigger)!.body.text as string;
    };
    expect(await ask('digest aan dagelijks 9:00', CHANNEL)).toContain('Digest on');
    for (const text of [
      `digest toon kanaal:${CHANNEL}`,
      `digest uit kanaal:${CHANNEL}`,
      'digest aan dagelijks 9:00 kanaal:CELSEWHERE',
    ]) {
      expect(await ask(text, 'CPLANNING'), text).toMatch(/Only administrators|Alleen beheerders/);
    }
    expect(await slack.ws.stores.digests.byAddress(`slack:${slack.fake.teamId}:${CHANNEL}`)).toBeDefined();
    expect(await slack.ws.stores.digests.byAddress(`slack:${slack.fake.teamId}:CELSEWHERE`)).toBeUndefined();
    // Naming the channel one is in is fine.
    expect(await ask(`digest toon kanaal:${CHANNEL}`, CHANNEL)).not.toMatch(
      /Only administrators|Alleen beheerders/,
    );
  });
});
