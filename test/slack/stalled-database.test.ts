import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StallProxy } from '../support/stall-proxy.js';
import {
  blockActionBody,
  buttonAction,
  commandBody,
  SLACK_IDS,
  type SlackHarness,
  signedPost,
  startSlack,
} from './support.js';

let slack: SlackHarness;
let proxy: StallProxy;
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  proxy = await StallProxy.forUri(inject('mongoUri')).start();
  slack = await startSlack('slack-stalled', { databaseUri: proxy.uriFor(inject('mongoUri')) });
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
});
afterAll(async () => {
  proxy.resume();
  await slack.close();
  await proxy.stop();
});

describe('a stalled database', () => {
  it('still gets every acknowledgement out; the answers follow once it is back', async () => {
    proxy.stall();
    const command = commandBody(slack.fake, { text: 'mijn', user: SLACK_IDS.planner });
    const click = blockActionBody(slack.fake, {
      user: SLACK_IDS.planner,
      action: buttonAction('done:act_0123456789abcdef'),
    });
    // Both are answered while the database holds every byte: nothing before the acknowledgement waits for it.
    const [commandAck, clickAck] = await Promise.all([
      signedPost(slack.eventsUrl, command.body, form),
      signedPost(slack.eventsUrl, click.body, form),
    ]);
    expect([commandAck.status, clickAck.status]).toEqual([200, 200]);
    expect(slack.fake.responses.some((entry) => entry.id === command.trigger)).toBe(false);

    proxy.resume();
    await slack.fake.until(
      () => slack.fake.responses.some((entry) => entry.id === command.trigger),
      'the command answer',
    );
    await slack.fake.until(
      () => slack.fake.responses.some((entry) => entry.id === click.trigger),
      'the click answer',
    );
    expect(slack.fake.responses.find((entry) => entry.id === click.trigger)?.body.text).toContain(
      'There is no action',
    );
  });
});
