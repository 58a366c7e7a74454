import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody, nextId, SLACK_IDS, type SlackHarness, signedPost, startSlack } from './support.js';

let slack: SlackHarness;

beforeAll(async () => {
  // The institute's own workspace and its Enterprise Grid organisation may install; nobody else.
  slack = await startSlack('slack-oauth', { mode: 'oauth', allowedTeams: ['T0TEST', 'E0ORG'] });
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
});
afterAll(() => slack.close());

const form = 'application/x-www-form-urlencoded';

async function install(code: string) {
  const start = await fetch(`${slack.url}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin).toBe('https://slack.com');
  expect(authorize.searchParams.get('scope')).toBe('commands,chat:write,users:read,users:read.email');
  const state = authorize.searchParams.get('state')!;
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
  return fetch(`${slack.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

function event(type: string, extra: object = {}) {
  return JSON.stringify({
    token: 'legacy',
    team_id: slack.fake.teamId,
    api_app_id: 'A0TEST',
    type: 'event_callback',
    event_id: nextId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: slack.fake.teamId, user_id: 'UBOT', is_bot: true }],
    event: { type, event_ts: '1700000000.1', ...extra },
  });
}

describe('multi-workspace OAuth', () => {
  it('installs through /slack/install and /slack/oauth_redirect and stores the installation', async () => {
    const callback = await install('good-code');
    expect(callback.status).toBe(200);
    expect(slack.fake.callsOf('oauth.v2.access')).toHaveLength(1);
    const stored = await slack.ws.database.db
      .collection('slackInstallations')
      .findOne({ _id: `T:${slack.fake.teamId}` as never });
    expect(stored).toMatchObject({ teamId: slack.fake.teamId, isEnterpriseInstall: false });
  });

  it('refuses an install from a workspace that is not allowed, and stores nothing of it', async () => {
    const callback = await install('other-team');
    expect(callback.status).toBeGreaterThanOrEqual(400);
    expect(
      await slack.ws.database.db.collection('slackInstallations').findOne({ _id: 'T:T0OTHER' as never }),
    ).toBeNull();
  });

  it('serves no stored installation of a workspace that is not allowed (installed before the list)', async () => {
    await slack.ws.database.db.collection('slackInstallations').insertOne({
      _id: 'T:T0OLD' as never,
      teamId: 'T0OLD',
      isEnterpriseInstall: false,
      installation: { team: { id: 'T0OLD' }, bot: { token: 'xoxb-old-token' } },
      installedAt: new Date(),
    });
    const queued = await slack.delivery.outbox.post(
      (await slack.delivery.platforms.get('slack')!.channelAddress('T0OLD/COLD'))!,
      { locale: 'en' },
      { type: 'notice', text: 'Oud' },
      'process',
      'oauth-old-1',
    );
    const id = (queued as { ref: string }).ref;
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.get(id))?.status === 'failed',
      'the refusal',
    );
    expect(slack.fake.callsOf('chat.postMessage').some((call) => call.token === 'xoxb-old-token')).toBe(
      false,
    );
    await slack.ws.database.db.collection('slackInstallations').deleteOne({ _id: 'T:T0OLD' as never });
  });

  it('refuses a callback without a valid state', async () => {
    const forged = await fetch(`${slack.url}/slack/oauth_redirect?code=x&state=forged`, {
      redirect: 'manual',
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(slack.fake.callsOf('oauth.v2.access')).toHaveLength(2);
  });

  it("answers commands with the workspace's own token", async () => {
    const request = commandBody(slack.fake, { text: 'help', user: SLACK_IDS.planner });
    expect((await signedPost(slack.eventsUrl, request.body, form)).status).toBe(200);
    await slack.fake.until(
      () => slack.fake.responses.some((entry) => entry.id === request.trigger),
      'the answer',
    );
    const address = await slack.delivery.platforms.get('slack')!.channelAddress('CWORK');
    await slack.delivery.outbox.post(
      address!,
      { locale: 'en' },
      { type: 'notice', text: 'Hallo team' },
      'process',
      'oauth-1',
    );
    await slack.fake.until(
      () => slack.fake.callsOf('chat.postMessage').some((call) => call.body.channel === 'CWORK'),
      'the post',
    );
    expect(slack.fake.callsOf('chat.postMessage').find((call) => call.body.channel === 'CWORK')?.token).toBe(
      'xoxb-installed-token',
    );
  });

  it('uses an org-wide install for a workspace of the organisation once a request came from there', async () => {
    expect((await install('org-wide')).status).toBe(200);
    const installs = slack.ws.database.db.collection('slackInstallations');
    expect(await installs.findOne({ _id: 'E:E0ORG' as never })).toMatchObject({ isEnterpriseInstall: true });
    const platform = slack.delivery.platforms.get('slack')!;
    const post = async (channel: string, key: string) => {
      const queued = await slack.delivery.outbox.post(
        (await platform.channelAddress(`T0GRID/${channel}`))!,
        { locale: 'en' },
        { type: 'notice', text: 'Hallo organisatie' },
        'process',
        key,
      );
      return (queued as { ref: string }).ref;
    };
    // Before any request from workspace T0GRID, Stempel cannot know the org-wide install serves it.
    const early = await post('CEARLY', 'oauth-grid-0');
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.get(early))?.status === 'failed',
      'the refusal',
    );

    // A Slack Connect partner's request names their own workspace, which the organisation does not have.
    const partner = commandBody(slack.fake, {
      text: 'help',
      user: 'UPARTNER',
      team: 'T0PARTNER',
      enterprise: 'E0ORG',
    });
    await signedPost(slack.eventsUrl, partner.body, form);
    await slack.fake.until(() => slack.fake.callsOf('auth.teams.list').length === 1, 'the check');

    const request = commandBody(slack.fake, {
      text: 'help',
      user: SLACK_IDS.planner,
      team: 'T0GRID',
      enterprise: 'E0ORG',
    });
    expect((await signedPost(slack.eventsUrl, request.body, form)).status).toBe(200);
    await slack.fake.until(
      () => slack.fake.responses.some((entry) => entry.id === request.trigger),
      'the answer',
    );
    await slack.fake.until(
      async () => ((await installs.findOne({ _id: 'E:E0ORG' as never }))?.teamIds ?? []).includes('T0GRID'),
      'the workspace remembered',
    );
    expect((await installs.findOne({ _id: 'E:E0ORG' as never }))?.teamIds).toEqual(['T0GRID']);
    await post('CGRID', 'oauth-grid-1');
    await slack.fake.until(
      () => slack.fake.callsOf('chat.postMessage').some((call) => call.body.channel === 'CGRID'),
      'the post',
    );
    expect(slack.fake.callsOf('chat.postMessage').find((call) => call.body.channel === 'CGRID')?.token).toBe(
      'xoxb-org-token',
    );
    // The conversation refused before was not marked broken: it works now, with nobody clearing a mark.
    await post('CEARLY', 'oauth-grid-2');
    await slack.fake.until(
      () => slack.fake.callsOf('chat.postMessage').some((call) => call.body.channel === 'CEARLY'),
      'the post into the workspace refused before',
    );
    await installs.deleteOne({ _id: 'E:E0ORG' as never });
  });

  it('forgets the workspace on app_uninstalled: nothing more is sent there', async () => {
    expect((await signedPost(slack.eventsUrl, event('app_uninstalled'), 'application/json')).status).toBe(
      200,
    );
    await slack.fake.until(
      async () => (await slack.ws.database.db.collection('slackInstallations').countDocuments()) === 0,
      'the installation removed',
    );
    const address = await slack.delivery.platforms
      .get('slack')!
      .channelAddress(`${slack.fake.teamId}/CAFTER`);
    const queued = await slack.delivery.outbox.post(
      address!,
      { locale: 'en' },
      { type: 'notice', text: 'Na' },
      'process',
      'oauth-2',
    );
    const id = (queued as { ref: string }).ref;
    await slack.fake.until(
      async () => (await slack.ws.stores.deliveries.get(id))?.status === 'failed',
      'the refusal',
    );
    expect((await slack.ws.stores.deliveries.get(id))?.lastError).toContain('not installed');
    expect(slack.fake.callsOf('chat.postMessage').some((call) => call.body.channel === 'CAFTER')).toBe(false);
  });
});
