import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import {
  blockActionBody,
  buttonAction,
  SLACK_IDS,
  type SlackHarness,
  signedPost,
  startSlack,
  viewSubmissionBody,
} from './support.js';

let slack: SlackHarness;
let courseTypeId: string;
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  slack = await startSlack('slack-interactions');
  courseTypeId = (await seedCourseType(slack.ws, 'bhv')).id;
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
  await slack.link(slack.ws.users.sales, SLACK_IDS.sales);
});
afterAll(() => slack.close());

async function press(action: object, user: string = SLACK_IDS.planner, extra: object = {}) {
  const request = blockActionBody(slack.fake, { user, action, ...extra });
  const response = await signedPost(slack.eventsUrl, request.body, form);
  expect(response.status).toBe(200);
  return request.trigger;
}

async function answerTo(trigger: string) {
  await slack.fake.until(
    () => slack.fake.responses.some((entry) => entry.id === trigger),
    `answer to ${trigger}`,
  );
  return slack.fake.responses.find((entry) => entry.id === trigger)!.body;
}

/** The modal shown for a trigger: the loading view it opened, then the update that replaced it. */
async function modalFor(trigger: string, expected: (view: { [key: string]: unknown }) => boolean) {
  const opened = () => slack.fake.callsOf('views.open').find((call) => call.body.trigger_id === trigger);
  await slack.fake.until(() => opened() !== undefined, `a modal for ${trigger}`);
  const updates = () =>
    slack.fake.callsOf('views.update').filter((call) => call.body.view_id && expected(call.body.view));
  await slack.fake.until(() => updates().length > 0, 'the modal content');
  return updates().at(-1)!.body.view;
}

async function manualAction(name = 'Presentielijst [Opleiding:Naam]') {
  const template = await seedTemplate(slack.ws, {
    name,
    ownerRule: { kind: 'user', userId: slack.ws.users.planner.id },
    writeRoles: ['planning'],
    courseTypeIds: [courseTypeId],
  });
  const course = await seedCourse(slack.ws, courseTypeId, { name: 'BHV basis' });
  return onlyAction(slack.ws, template.id, course.record.id);
}

async function semiAutomaticAction() {
  const template = await seedTemplate(
    slack.ws,
    {
      execution: 'semi-automatic',
      name: 'Publiceer [Opleiding:Naam]',
      process: { type: 'set-field', field: 'portalPublished', value: true },
      writeRoles: ['planning'],
      courseTypeIds: [courseTypeId],
    },
    slack.ws.users.automator,
  );
  const course = await seedCourse(slack.ws, courseTypeId, { name: 'BHV herhaling' });
  return { action: await onlyAction(slack.ws, template.id, course.record.id), course };
}

describe('card buttons in Slack', () => {
  it('Done on an ephemeral card replaces it with the result and a card without spent buttons', async () => {
    const action = await manualAction();
    const trigger = await press(buttonAction(`done:${action.id}`));
    const answer = await answerTo(trigger);
    expect(answer.replace_original).toBe(true);
    expect(answer.text).toContain(`Action ${action.number} is done.`);
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).not.toContain(`done:${action.id}`);
    expect(blocks).toContain(`details:${action.id}`);
    expect((await slack.ws.stores.actions.get(action.id))?.state).toBe('done');
  });

  it('Execute opens the preview in a modal; Confirm executes, once for 20 concurrent confirms', async () => {
    const { action, course } = await semiAutomaticAction();
    const trigger = await press(buttonAction(`execute:${action.id}`));
    const preview = await modalFor(trigger, (view) => view.callback_id === 'stempel-confirm');
    expect(JSON.stringify(preview.blocks)).toContain('On the portal');
    expect(preview.submit.text).toBe('Yes, execute');
    // Closing the modal is the preview's "No": Slack shows the label the view gives it.
    expect(preview.close.text).toBe('No');
    expect(await slack.ws.stores.dossiers.get(course.record.id)).toMatchObject({ portalPublished: false });

    const submissions = Array.from({ length: 20 }, (_, index) =>
      signedPost(
        slack.eventsUrl,
        viewSubmissionBody(
          slack.fake,
          SLACK_IDS.planner,
          { ...preview, id: `VCONFIRM${index}`, hash: `h-${index}` },
          {},
        ),
        form,
      ),
    );
    const acks = await Promise.all(submissions);
    expect(acks.map((ack) => ack.status)).toEqual(Array(20).fill(200));
    expect(JSON.parse(acks[0]!.text)).toMatchObject({ response_action: 'update' });
    await slack.fake.until(
      () =>
        slack.fake.callsOf('views.update').filter((call) => String(call.body.view_id).startsWith('VCONFIRM'))
          .length === 20,
      'every confirm answered',
    );
    const stored = await slack.ws.stores.actions.get(action.id);
    expect(stored?.state).toBe('executed');
    expect(stored?.history.filter((entry) => entry.kind === 'executed')).toHaveLength(1);
    const results = slack.fake
      .callsOf('views.update')
      .filter((call) => String(call.body.view_id).startsWith('VCONFIRM'));
    expect(results.filter((call) => JSON.stringify(call.body.view).includes('was executed'))).toHaveLength(1);
    expect(await slack.ws.stores.dossiers.get(course.record.id)).toMatchObject({ portalPublished: true });
  });

  it('Snooze from its menu moves the action by the chosen time', async () => {
    const action = await manualAction();
    const trigger = await press({
      type: 'static_select',
      action_id: `menu:snooze:${action.id}`,
      selected_option: { text: { type: 'plain_text', text: '3 days' }, value: `snooze:${action.id}:3d` },
    });
    const answer = await answerTo(trigger);
    expect(answer.text).toContain(`Action ${action.number} now starts`);
    const stored = await slack.ws.stores.actions.get(action.id);
    expect(stored!.start.getTime() - action.start.getTime()).toBe(3 * 86_400_000);
  });

  it('"Pick a date" opens a modal whose submit snoozes to that moment', async () => {
    const action = await manualAction();
    const trigger = await press({
      type: 'static_select',
      action_id: `menu:snooze:${action.id}`,
      selected_option: { text: { type: 'plain_text', text: 'Pick' }, value: `snooze-pick:${action.id}` },
    });
    const modal = await modalFor(trigger, (view) => view.callback_id === 'stempel-form');
    expect(JSON.stringify(modal.blocks)).toContain('datetimepicker');
    const until = Date.parse('2026-10-20T07:30:00Z') / 1000;
    const ack = await signedPost(
      slack.eventsUrl,
      viewSubmissionBody(
        slack.fake,
        SLACK_IDS.planner,
        { ...modal, id: 'VSNOOZE' },
        {
          until: { 'field:until': { type: 'datetimepicker', selected_date_time: until } },
        },
      ),
      form,
    );
    expect(JSON.parse(ack.text)).toMatchObject({ response_action: 'update' });
    await slack.fake.until(
      () =>
        slack.fake
          .callsOf('views.update')
          .some(
            (call) =>
              call.body.view_id === 'VSNOOZE' && JSON.stringify(call.body.view).includes('now starts'),
          ),
      'the snooze result',
    );
    expect((await slack.ws.stores.actions.get(action.id))?.start.toISOString()).toBe(
      '2026-10-20T07:30:00.000Z',
    );
  });

  it('Assign picks a person in Slack and gives the action to the Stempel user behind them', async () => {
    const action = await manualAction();
    const trigger = await press({
      type: 'users_select',
      action_id: `assign-pick:${action.id}`,
      selected_user: SLACK_IDS.sales,
    });
    const answer = await answerTo(trigger);
    expect(answer.text).toContain('is now owned by Sales');
    expect((await slack.ws.stores.actions.get(action.id))?.ownerUserId).toBe(slack.ws.users.sales.id);

    const refused = await press({
      type: 'users_select',
      action_id: `assign-pick:${action.id}`,
      selected_user: 'UNOBODY',
    });
    expect((await answerTo(refused)).text).toContain('not linked to a Stempel user');

    // A guest carrying a Stempel user's address is no one to give an action to, and is not linked.
    slack.fake.users.set('UGUESTPICK', {
      id: 'UGUESTPICK',
      email: slack.ws.users.automator.email!,
      flags: { is_restricted: true },
    });
    const guest = await press({
      type: 'users_select',
      action_id: `assign-pick:${action.id}`,
      selected_user: 'UGUESTPICK',
    });
    expect((await answerTo(guest)).text).toContain('not linked to a Stempel user');
    expect((await slack.ws.stores.users.get(slack.ws.users.automator.id))?.chatIdentities).toEqual([]);
  });

  it('Details shows the history in a modal', async () => {
    const action = await manualAction();
    const trigger = await press(buttonAction(`details:${action.id}`));
    const modal = await modalFor(trigger, (view) => JSON.stringify(view).includes('History'));
    expect(JSON.stringify(modal.blocks)).toContain('stamped');
  });

  it('refuses a press by someone without the rights, in their language, and changes nothing', async () => {
    const action = await manualAction();
    await slack.ws.stores.users.replace({
      ...(await slack.ws.stores.users.get(slack.ws.users.sales.id))!,
      locale: 'nl',
    });
    const trigger = await press(buttonAction(`done:${action.id}`), SLACK_IDS.sales);
    const answer = await answerTo(trigger);
    expect(answer.text).toMatch(/Dat lukte niet/);
    expect((await slack.ws.stores.actions.get(action.id))?.state).toBe('open');
  });

  it('works on a press in the queue after its acknowledgement, which a shutdown waits for', async () => {
    const action = await manualAction();
    const trigger = await press(buttonAction(`done:${action.id}`));
    // Stopping the (HTTP) runtime only waits for acknowledged work; a press not in the queue is left out.
    await slack.runtime.stop();
    expect(slack.fake.responses.some((entry) => entry.id === trigger)).toBe(true);
    expect((await slack.ws.stores.actions.get(action.id))?.state).toBe('done');
  });
});
