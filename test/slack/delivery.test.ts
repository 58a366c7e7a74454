import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/delivery/worker.js';
import { stampByHand } from '../../src/workflow/actions/stamp-by-hand.js';
import { runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import { executeAction } from '../../src/workflow/execution/execute-action.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { SLACK_IDS, type SlackHarness, startSlack } from './support.js';

let slack: SlackHarness;
let courseTypeId: string;

beforeAll(async () => {
  slack = await startSlack('slack-delivery');
  courseTypeId = (await seedCourseType(slack.ws, 'vca')).id;
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
});
afterAll(() => slack.close());

async function plannerAction(fields: Parameters<typeof seedTemplate>[1] = {}) {
  const template = await seedTemplate(
    slack.ws,
    {
      name: 'Presentielijst [Opleiding:Naam]',
      ownerRule: { kind: 'user', userId: slack.ws.users.planner.id },
      courseTypeIds: [courseTypeId],
      ...fields,
    },
    slack.ws.users.automator,
  );
  const course = await seedCourse(slack.ws, courseTypeId, { name: 'VCA basis' });
  return onlyAction(slack.ws, template.id, course.record.id);
}

const posts = (channel: string) =>
  slack.fake.callsOf('chat.postMessage').filter((call) => call.body.channel === channel);
const updates = (channel: string) =>
  slack.fake.callsOf('chat.update').filter((call) => call.body.channel === channel);

describe('Slack through the chat delivery', () => {
  it('DMs the owner at the start moment, with the card, and keeps that card current', async () => {
    const action = await plannerAction();
    // Stamped with the planner as owner: they are told at once.
    await slack.fake.until(
      () =>
        posts(SLACK_IDS.planner).some((call) =>
          String(call.body.text).includes(`New action for you: ${action.number}`),
        ),
      'the opened DM',
    );
    slack.ws.clock.set(new Date(action.start.getTime() + 60_000).toISOString());
    await runDueSweep(slack.ws.deps, slack.execution);
    const reminder = () =>
      posts(SLACK_IDS.planner).find((call) => String(call.body.text).includes('starts now'));
    await slack.fake.until(() => reminder() !== undefined, 'the reminder DM');
    const dm = reminder()!;
    expect(dm.token).toBe('xoxb-test-bot-token');
    expect(dm.body.text).toContain(`Action ${action.number} "Presentielijst VCA basis" starts now`);
    expect(JSON.stringify(dm.body.blocks)).toContain(`done:${action.id}`);
    expect(dm.body.metadata).toMatchObject({ event_type: 'stempel_delivery' });

    // Completed through the REST API: the DM's card follows, its spent buttons gone.
    const done = await slack.api(slack.ws.users.planner, 'POST', `/actions/${action.id}/complete`, {});
    expect(done.status).toBe(200);
    const dmChannel = `D${SLACK_IDS.planner.slice(1)}`;
    await slack.fake.until(() => updates(dmChannel).length > 0, 'the DM card update');
    const edit = updates(dmChannel).at(-1)!;
    expect(edit.body.ts).toBeDefined();
    expect(JSON.stringify(edit.body.blocks)).not.toContain(`done:${action.id}`);
    expect(edit.body.text).toContain('Done');
  });

  it('tells the owner once about several actions opened for them at once, and nobody about their own', async () => {
    const owner = { kind: 'user' as const, userId: slack.ws.users.planner.id };
    for (const name of ['Zaal [Opleiding:Naam]', 'Koffie [Opleiding:Naam]']) {
      await seedTemplate(
        slack.ws,
        { name, ownerRule: owner, courseTypeIds: [courseTypeId] },
        slack.ws.users.automator,
      );
    }
    const many = () =>
      posts(SLACK_IDS.planner).filter((call) => String(call.body.text).includes('new actions for you'));
    const before = many().length;
    await seedCourse(slack.ws, courseTypeId, { name: 'Dubbel' });
    await slack.fake.until(() => many().length === before + 1, 'one message for the batch');
    expect(many().at(-1)!.body.text).toMatch(/\d new actions for you: .*Zaal Dubbel.*Koffie Dubbel/);

    // Stamped by the owner themselves: no message about it.
    const template = await seedTemplate(slack.ws, {
      name: 'Zelf [Opleiding:Naam]',
      event: undefined,
      timing: {
        start: { amount: 0, unit: 'days', direction: 'after', anchor: 'created' },
        end: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
      },
    });
    const course = await seedCourse(slack.ws, courseTypeId, { name: 'Eigen' });
    const own = await stampByHand(slack.ws.deps, slack.ws.users.planner, {
      template: template.id,
      recordId: course.record.id,
      ownerUserId: slack.ws.users.planner.id,
    });
    await slack.delivery.worker.runOnce();
    expect(
      posts(SLACK_IDS.planner).some((call) => String(call.body.text).includes(`${own.number} "Zelf Eigen"`)),
    ).toBe(false);
  });

  it('updates every posted copy of a card, in every channel, after one change', async () => {
    const action = await plannerAction();
    const channels = ['CCOPY1', 'CCOPY2', 'CCOPY3'];
    for (const channel of channels) {
      const address = await slack.delivery.platforms.get('slack')!.channelAddress(channel);
      await slack.delivery.outbox.post(
        address!,
        { locale: 'en' },
        { type: 'card', actionId: action.id },
        'post',
        `post:${channel}:${action.id}`,
      );
    }
    await slack.fake.until(
      () => channels.every((channel) => posts(channel).length === 1),
      'three posted copies',
    );
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.copiesOf(action.id)).length === 3,
      'three live copies',
    );
    const copies = await slack.ws.stores.deliveries.copiesOf(action.id);
    expect(copies).toHaveLength(3);

    const snoozed = await slack.api(slack.ws.users.planner, 'POST', `/actions/${action.id}/snooze`, {
      by: { amount: 2, unit: 'days' },
    });
    expect(snoozed.status).toBe(200);
    await slack.fake.until(
      () => channels.every((channel) => updates(channel).length >= 1),
      'every copy updated',
    );
    for (const channel of channels) expect(updates(channel)).toHaveLength(1);
  });

  it('repairs a copy whose action changed without the copies being told (a crash after the write)', async () => {
    const action = await plannerAction();
    const address = await slack.delivery.platforms.get('slack')!.channelAddress('CREPAIR');
    await slack.delivery.outbox.post(
      address!,
      { locale: 'en' },
      { type: 'card', actionId: action.id },
      'post',
      `repair:${action.id}`,
    );
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.copiesOf(action.id)).length === 1,
      'the copy',
    );
    // Another instance's store, with nobody listening: as if that instance died right after the write.
    const other = await slack.ws.secondInstance();
    try {
      const current = (await other.deps.stores.actions.get(action.id))!;
      expect(
        await other.deps.stores.actions.replaceIfVersion(
          { ...current, remarks: 'changed elsewhere', version: current.version + 1 },
          current.version,
        ),
      ).toBe(true);
    } finally {
      await other.close();
    }
    await slack.delivery.worker.runOnce();
    expect(updates('CREPAIR')).toHaveLength(0);
    expect(await slack.delivery.live.reconcile()).toBe(1);
    await slack.fake.until(() => updates('CREPAIR').length === 1, 'the repaired copy');
    expect(JSON.stringify(updates('CREPAIR')[0]!.body.blocks)).toContain('changed elsewhere');
    const version = (await slack.ws.stores.actions.get(action.id))!.version;
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.copiesOf(action.id))[0]?.versions[action.id] === version,
      'the copy recorded as current',
    );
    expect(await slack.delivery.live.reconcile()).toBe(0);
  });

  it('honours Retry-After on 429: the message goes out once, after the wait', async () => {
    const action = await plannerAction();
    slack.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
      when: (body) => body.channel === 'CLIMITED',
    });
    const address = await slack.delivery.platforms.get('slack')!.channelAddress('CLIMITED');
    const queued = await slack.delivery.outbox.post(
      address!,
      { locale: 'en' },
      { type: 'card', actionId: action.id },
      'post',
      'limited-1',
    );
    expect(queued.ok).toBe(true);
    const id = (queued as { ref: string }).ref;
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.get(id))?.status === 'sent',
      'the retry after the wait',
    );
    expect(posts('CLIMITED')).toHaveLength(2);
    const record = await slack.ws.stores.deliveries.get(id);
    expect(record).toMatchObject({ status: 'sent', attempts: 2 });
    expect(record?.lastError).toBeUndefined();
    const target = await slack.ws.stores.deliveries.target(address!.key);
    expect(target?.lastError?.reason).toBe('rate limited');
    // The conversation was held for Slack's Retry-After before the next send was allowed.
    expect(target!.nextSendAt.getTime()).toBeGreaterThanOrEqual(target!.lastError!.at.getTime() + 1_000);
  });

  it('marks a channel broken on channel_not_found and sends nothing more to it; the process says why', async () => {
    slack.fake.script('chat.postMessage', {
      body: { ok: false, error: 'channel_not_found' },
      when: (body) => body.channel === 'CGONE',
    });
    const template = await seedTemplate(
      slack.ws,
      {
        execution: 'semi-automatic',
        name: 'Meld [Opleiding:Naam]',
        process: {
          type: 'chat-message',
          target: { kind: 'channel', platform: 'slack', channel: 'CGONE' },
          text: 'Nieuw: [Opleiding:Naam]',
        },
        courseTypeIds: [courseTypeId],
      },
      slack.ws.users.automator,
    );
    const first = await seedCourse(slack.ws, courseTypeId, { name: 'VCA vol' });
    const action = await onlyAction(slack.ws, template.id, first.record.id);
    expect(
      (await executeAction(slack.ws.deps, slack.execution, slack.ws.users.admin, action.id)).outcome,
    ).toBe('executed');
    await slack.fake.until(() => posts('CGONE').length === 1, 'the one attempt');
    const key = `slack:${slack.fake.teamId}:CGONE`;
    await slack.fake.until(
      async () => Boolean((await slack.ws.stores.deliveries.target(key))?.broken),
      'the broken mark',
    );
    expect((await slack.ws.stores.deliveries.target(key))?.broken?.reason).toBe('channel_not_found');

    const second = await seedCourse(slack.ws, courseTypeId, { name: 'VCA twee' });
    const next = await onlyAction(slack.ws, template.id, second.record.id);
    const result = await executeAction(slack.ws.deps, slack.execution, slack.ws.users.admin, next.id);
    expect(result).toMatchObject({ outcome: 'failed' });
    expect((result as { error: string }).error).toContain('channel_not_found');
    await slack.delivery.worker.runOnce();
    expect(posts('CGONE')).toHaveLength(1);
  });

  it('fails a message on a revoked token without marking its conversation broken', async () => {
    slack.fake.script('chat.postMessage', {
      body: { ok: false, error: 'token_revoked' },
      when: (body) => body.channel === 'CREVOKED',
    });
    const address = await slack.delivery.platforms.get('slack')!.channelAddress('CREVOKED');
    const queued = await slack.delivery.outbox.post(
      address!,
      { locale: 'en' },
      { type: 'notice', text: 'Na het intrekken' },
      'process',
      'revoked-1',
    );
    const id = (queued as { ref: string }).ref;
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.get(id))?.status === 'failed',
      'the failure',
    );
    expect((await slack.ws.stores.deliveries.get(id))?.lastError).toContain('token_revoked');
    expect((await slack.ws.stores.deliveries.target(address!.key))?.broken).toBeUndefined();
  });

  it('sends a message claimed by a worker that crashed before sending exactly once, after its lease', async () => {
    // Nobody owns it, so nothing else is queued for it: the worker's queue holds only this message.
    const action = await plannerAction({ ownerRule: { kind: 'none' } });
    await slack.delivery.worker.stop();
    try {
      const address = await slack.delivery.platforms.get('slack')!.channelAddress('CCRASH');
      const queued = await slack.delivery.outbox.post(
        address!,
        { locale: 'en' },
        { type: 'card', actionId: action.id },
        'post',
        'crash-1',
      );
      const id = (queued as { ref: string }).ref;
      // A worker claims it and dies before the send: the claim is all that is left of it.
      const deliveries = slack.ws.database.db.collection('deliveries');
      await deliveries.updateOne(
        { _id: id as never },
        { $set: { status: 'sending', leaseUntil: new Date(Date.now() + 30_000) } },
      );
      // The instance that comes back up has its own worker.
      const restarted = new DeliveryWorker({
        store: slack.ws.stores.deliveries,
        platforms: slack.delivery.platforms,
        views: slack.delivery.views,
        clock: () => new Date(),
        logger: slack.ws.deps.logger,
      });
      await restarted.runOnce();
      expect(posts('CCRASH')).toHaveLength(0);
      // After the restart the claim has lapsed: the message goes out, once.
      await deliveries.updateOne(
        { _id: id as never },
        { $set: { leaseUntil: new Date(Date.now() - 1_000) } },
      );
      await restarted.runOnce();
      await restarted.runOnce();
      expect(posts('CCRASH')).toHaveLength(1);
      expect(await slack.ws.stores.deliveries.get(id)).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      slack.delivery.worker.start();
    }
  });

  it('DMs the owner when an automatic action is rejected, with the reason and a button to try again', async () => {
    const before = posts(SLACK_IDS.planner).length;
    const action = await plannerAction({
      execution: 'automatic',
      name: 'Mail [Opleiding:Naam]',
      process: {
        type: 'email',
        documentTemplate: { subject: 'Welkom', body: 'Hallo' },
        to: [{ kind: 'address', address: 'someone@example.test' }],
      },
    });
    slack.ws.clock.set(new Date(action.start.getTime() + 60_000).toISOString());
    await runDueSweep(slack.ws.deps, slack.execution);
    await slack.fake.until(
      () =>
        posts(SLACK_IDS.planner)
          .slice(before)
          .some((call) => String(call.body.text).includes('cannot be executed')),
      'the rejection DM',
    );
    const dm = posts(SLACK_IDS.planner)
      .slice(before)
      .find((call) => String(call.body.text).includes('cannot be executed'))!;
    expect(JSON.stringify(dm.body.blocks)).toContain(`execute:${action.id}`);
    expect(JSON.stringify(dm.body.blocks)).toContain('Execute again');
  });
});
