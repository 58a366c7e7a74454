import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import type { FakeSlackUser } from './fake-slack.js';
import { commandBody, SLACK_IDS, type SlackHarness, signedPost, startSlack } from './support.js';

let slack: SlackHarness;
let courseTypeId: string;

beforeAll(async () => {
  slack = await startSlack('slack-commands');
  courseTypeId = (await seedCourseType(slack.ws, 'ehbo')).id;
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
});
afterAll(() => slack.close());

const form = 'application/x-www-form-urlencoded';

async function command(text: string, user: string = SLACK_IDS.planner) {
  const request = commandBody(slack.fake, { text, user });
  const response = await signedPost(slack.eventsUrl, request.body, form);
  return { ...request, response };
}

async function answerTo(trigger: string) {
  await slack.fake.until(
    () => slack.fake.responses.some((entry) => entry.id === trigger),
    `the answer to ${trigger}`,
  );
  return slack.fake.responses.find((entry) => entry.id === trigger)!.body;
}

async function plannerAction() {
  const template = await seedTemplate(slack.ws, {
    name: 'Presentielijst [Opleiding:Naam]',
    ownerRule: { kind: 'user', userId: slack.ws.users.planner.id },
    courseTypeIds: [courseTypeId],
  });
  const course = await seedCourse(slack.ws, courseTypeId, { name: 'EHBO basis' });
  return onlyAction(slack.ws, template.id, course.record.id);
}

describe('/actie in Slack', () => {
  it('acknowledges at once and answers only the asker, with blocks and a text fallback', async () => {
    const action = await plannerAction();
    const { trigger, response } = await command('mijn');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const answer = await answerTo(trigger);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toContain(`#${action.number} Presentielijst EHBO basis`);
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).toContain('My actions');
    expect(blocks).toContain(`done:${action.id}`);
    expect(answer.blocks.length).toBeLessThanOrEqual(50);
  });

  it('answers in the language of the user, whichever words they typed', async () => {
    await slack.ws.stores.users.replace({
      ...(await slack.ws.stores.users.get(slack.ws.users.planner.id))!,
      locale: 'nl',
    });
    const { trigger } = await command('help');
    const answer = await answerTo(trigger);
    expect(answer.text).toContain('Stempel-commando’s');
    expect(answer.text).toContain('/actie mijn');
  });

  it('gives an unknown Slack user an explanation of how to get linked, and no data', async () => {
    await plannerAction();
    slack.fake.users.set('USTRANGER', { id: 'USTRANGER', email: 'stranger@elsewhere.test', locale: 'en-GB' });
    const { trigger } = await command('list', 'USTRANGER');
    const answer = await answerTo(trigger);
    expect(answer.text).toContain('I do not know you yet');
    expect(JSON.stringify(answer)).not.toContain('Presentielijst');
  });

  it('does not link a guest or a Slack Connect stranger by the e-mail address their workspace gives', async () => {
    const admin = slack.ws.users.admin.email!;
    const cases: Array<[string, Partial<FakeSlackUser>]> = [
      ['UGUEST', { flags: { is_restricted: true } }],
      ['USTRANGER2', { flags: { is_stranger: true }, teamId: 'T0ELSEWHERE' }],
      ['UOTHERTEAM', { teamId: 'T0ELSEWHERE' }],
    ];
    for (const [id, fields] of cases) {
      slack.fake.users.set(id, { id, email: admin, ...fields });
      const { trigger } = await command('mijn', id);
      expect((await answerTo(trigger)).text, id).toMatch(/I do not know you yet|Ik ken je nog niet/);
    }
    // A Slack Connect partner typing in a shared channel: the request names their own workspace, but the
    // app is installed in ours, and they are no member of it.
    slack.fake.users.set('UPARTNER', { id: 'UPARTNER', email: admin, teamId: 'T0PARTNER' });
    const shared = commandBody(slack.fake, { text: 'mijn', user: 'UPARTNER', team: 'T0PARTNER' });
    await signedPost(slack.eventsUrl, shared.body, form);
    expect((await answerTo(shared.trigger)).text).toMatch(/I do not know you yet|Ik ken je nog niet/);
    const stored = await slack.ws.stores.users.get(slack.ws.users.admin.id);
    expect(stored?.chatIdentities ?? []).toEqual([]);
  });

  it('links a Slack user by the e-mail address Slack reveals', async () => {
    slack.fake.users.set(SLACK_IDS.sales, {
      id: SLACK_IDS.sales,
      email: slack.ws.users.sales.email!,
      locale: 'en-US',
    });
    const { trigger } = await command('help', SLACK_IDS.sales);
    expect((await answerTo(trigger)).text).toContain('Stempel commands');
    const sales = await slack.ws.stores.users.get(slack.ws.users.sales.id);
    expect(sales?.chatIdentities).toEqual([
      { platform: 'slack', teamId: slack.fake.teamId, userId: SLACK_IDS.sales },
    ]);
  });

  it('marks an action done by command, once, even when Slack retries the request', async () => {
    const action = await plannerAction();
    const request = commandBody(slack.fake, { text: `klaar ${action.number}`, user: SLACK_IDS.planner });
    const first = await signedPost(slack.eventsUrl, request.body, form);
    const retried = await signedPost(slack.eventsUrl, request.body, form, { retryNum: 1 });
    expect([first.status, retried.status]).toEqual([200, 200]);
    const answer = await answerTo(request.trigger);
    expect(answer.text).toContain(`Actie ${action.number} is gedaan.`);
    const stored = await slack.ws.stores.actions.get(action.id);
    expect(stored?.history.filter((entry) => entry.kind === 'completed')).toHaveLength(1);
    expect(slack.fake.responses.filter((entry) => entry.id === request.trigger)).toHaveLength(1);
  });

  it('posts a card into the channel for everyone, and that copy follows the action', async () => {
    const action = await plannerAction();
    const request = commandBody(slack.fake, {
      text: `toon ${action.number} plaats`,
      user: SLACK_IDS.planner,
      channel: 'CPOSTED',
    });
    await signedPost(slack.eventsUrl, request.body, form);
    expect((await answerTo(request.trigger)).text).toMatch(
      /^(Posted in this channel|Geplaatst in dit kanaal)\.$/,
    );
    const inChannel = (method: string) =>
      slack.fake.callsOf(method).filter((call) => call.body.channel === 'CPOSTED');
    expect(inChannel('chat.postMessage')).toHaveLength(1);
    expect(JSON.stringify(inChannel('chat.postMessage')[0]!.body.blocks)).toContain(`done:${action.id}`);

    const done = await slack.api(slack.ws.users.planner, 'POST', `/actions/${action.id}/complete`, {});
    expect(done.status).toBe(200);
    await slack.fake.until(() => inChannel('chat.update').length > 0, 'the posted copy updated');
    const edit = inChannel('chat.update').at(-1)!;
    expect(edit.body.ts).toBeDefined();
    expect(JSON.stringify(edit.body.blocks)).not.toContain(`done:${action.id}`);
  });

  it('refuses to post a card that not everyone in the channel may see, and posts nothing', async () => {
    const template = await seedTemplate(slack.ws, {
      ownerRule: { kind: 'user', userId: slack.ws.users.planner.id },
      courseTypeIds: [courseTypeId],
      readRoles: ['planning'],
      writeRoles: ['planning'],
    });
    const course = await seedCourse(slack.ws, courseTypeId, { name: 'Besloten' });
    const action = await onlyAction(slack.ws, template.id, course.record.id);
    const request = commandBody(slack.fake, {
      text: `toon ${action.number} plaats`,
      user: SLACK_IDS.planner,
      channel: 'CPRIVATE',
    });
    await signedPost(slack.eventsUrl, request.body, form);
    expect((await answerTo(request.trigger)).text).toMatch(
      new RegExp(`^(Action|Actie) ${action.number} (is not posted|is niet geplaatst)`),
    );
    const posted = slack.fake.callsOf('chat.postMessage').filter((call) => call.body.channel === 'CPRIVATE');
    expect(posted).toHaveLength(0);
  });

  it('serves every subcommand, in either language, with its effect and an answer', async () => {
    const action = await plannerAction();
    const other = await plannerAction();
    const template = (await slack.ws.stores.templates.get(action.templateId))!;
    const stored = async () => (await slack.ws.stores.actions.get(action.id))!;
    const run = async (text: string) => (await answerTo((await command(text)).trigger)).text as string;
    const modal = async (text: string) => {
      const opened = slack.fake.callsOf('views.open').length;
      await command(text);
      await slack.fake.until(
        () => slack.fake.callsOf('views.open').length === opened + 1,
        `${text}: a modal`,
      );
      return JSON.stringify(slack.fake.callsOf('views.open').at(-1)!.body.view);
    };
    const unknown = /Onbekend commando|Unknown command|Gebruik:|Usage:/;

    for (const text of ['mine', 'mijn vandaag', 'list today', 'lijst status:open', `show ${action.number}`]) {
      const answer = await run(text);
      expect(answer, text).not.toMatch(unknown);
      expect(answer, text).toContain(`#${action.number}`);
    }
    // A preview is shown in a modal; a manual action has nothing to send or change.
    expect(await modal(`voorbeeld ${action.number}`)).toMatch(
      new RegExp(`(Execute action|Actie) ${action.number}( uitvoeren)?\\?`),
    );
    expect(await run(`templates`)).toContain(template.key);
    expect(await run(`sjabloon ${template.key}`)).toContain(template.key);
    expect(await run('digest toon')).not.toMatch(unknown);

    const start = (await stored()).start.getTime();
    await run(`uitstellen ${action.number} 1d`);
    expect((await stored()).start.getTime()).toBe(start + 86_400_000);
    await run(`assign ${action.number} none`);
    expect((await stored()).ownerUserId).toBeNull();
    await run(`toewijzen ${action.number} ik`);
    expect((await stored()).ownerUserId).toBe(slack.ws.users.planner.id);
    await run(`done ${action.number} checked`);
    expect((await stored()).state).toBe('done');
    await run(`annuleren ${other.number} dubbel`);
    expect((await slack.ws.stores.actions.get(other.id))!.state).toBe('cancelled');
    // Execute from a command shows the preview first; this done, manual action has nothing to run.
    expect(await modal(`uitvoeren ${action.number}`)).toContain('stempel-confirm');
    expect((await stored()).state).toBe('done');
    // `new` opens a loading modal at once and puts the form in it.
    const updates = slack.fake.callsOf('views.update').length;
    await modal('nieuw');
    await slack.fake.until(
      () => slack.fake.callsOf('views.update').length > updates,
      'the new-action form in the modal',
    );
    expect(JSON.stringify(slack.fake.callsOf('views.update').at(-1)!.body.view)).toContain('stempel-form');
  });

  it('says in the asker’s language why a card could not be posted, not in Slack’s error code', async () => {
    const action = await plannerAction();
    slack.fake.script('chat.postMessage', {
      body: { ok: false, error: 'restricted_action' },
      when: (body) => body.channel === 'CRESTRICTED',
    });
    const request = commandBody(slack.fake, {
      text: `show ${action.number} post`,
      user: SLACK_IDS.planner,
      channel: 'CRESTRICTED',
    });
    await signedPost(slack.eventsUrl, request.body, form);
    const answer = await answerTo(request.trigger);
    expect(answer.text).toMatch(
      /Het chatbericht kon niet worden bezorgd|The chat message could not be delivered/,
    );
    expect(answer.text).not.toContain('restricted_action');
  });

  it('refuses requests with a bad signature or an old timestamp (401), before anything runs', async () => {
    const before = slack.fake.calls.length;
    const request = commandBody(slack.fake, { text: 'mijn', user: SLACK_IDS.planner });
    const forged = await signedPost(slack.eventsUrl, request.body, form, {
      secret: 'not-the-signing-secret-at-all',
    });
    const stale = await signedPost(slack.eventsUrl, request.body, form, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    const unsigned = await signedPost(slack.eventsUrl, request.body, form, { signature: '' });
    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(slack.fake.calls.length).toBe(before);
    expect(slack.fake.responses.some((entry) => entry.id === request.trigger)).toBe(false);
  });

  it('answers unknown input with the help, never a stack trace', async () => {
    const { trigger } = await command('vlieg naar de maan');
    const answer = await answerTo(trigger);
    expect(answer.text).toContain('Onbekend commando "vlieg"');
    expect(answer.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
