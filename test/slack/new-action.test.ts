import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf } from '../workflow/support/actions.js';
import { seedCompany, seedRequest } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import {
  commandBody,
  nextId,
  SLACK_IDS,
  type SlackHarness,
  signedPost,
  startSlack,
  viewSubmissionBody,
} from './support.js';

// biome-ignore lint/suspicious/noExplicitAny: Slack views are loose JSON; assertions check their shape.
type Json = any;

let slack: SlackHarness;
let templateId: string;
let requestId: string;
let requestNumber: string;
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  slack = await startSlack('slack-new-action');
  await slack.link(slack.ws.users.sales, SLACK_IDS.sales);
  const template = await seedTemplate(slack.ws, {
    key: 'call-back-quote',
    name: 'Call back quote [Request:Number]',
    dataGroup: 'request',
    event: undefined,
    readRoles: ['sales'],
    writeRoles: ['sales'],
    timing: {
      start: { amount: 10, unit: 'working-days', direction: 'after', anchor: 'created' },
      end: { amount: 10, unit: 'working-days', direction: 'after', anchor: 'created' },
    },
  });
  templateId = template.id;
  const company = await seedCompany(slack.ws);
  const request = await seedRequest(slack.ws, company.id);
  requestId = request.record.id;
  requestNumber = (request.record as { number: string }).number;
});
afterAll(() => slack.close());

function updatesOf(viewId: string): Json[] {
  return slack.fake
    .callsOf('views.update')
    .filter((call) => call.body.view_id === viewId)
    .map((call) => call.body.view);
}

async function nextUpdate(viewId: string, seen: number): Promise<Json> {
  await slack.fake.until(() => updatesOf(viewId).length > seen, `update ${seen + 1} of ${viewId}`);
  return updatesOf(viewId).at(-1);
}

function block(view: Json, id: string): Json {
  return view.blocks.find((entry: Json) => entry.block_id === id);
}

async function dispatch(view: Json, blockId: string, element: Json, state: Json) {
  const payload = {
    type: 'block_actions',
    user: { id: SLACK_IDS.sales, team_id: slack.fake.teamId },
    team: { id: slack.fake.teamId },
    api_app_id: 'A0TEST',
    trigger_id: nextId('trigger-'),
    container: { type: 'view', view_id: view.id },
    view: { ...view, type: 'modal', state: { values: state } },
    actions: [{ block_id: blockId, action_ts: '1', ...element }],
  };
  const response = await signedPost(
    slack.eventsUrl,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    form,
  );
  expect(response.status).toBe(200);
}

describe('/actie nieuw in Slack', () => {
  it('opens a modal at once, fills it, refreshes the dates for the record, and stamps on submit', async () => {
    const request = commandBody(slack.fake, { text: 'nieuw', user: SLACK_IDS.sales });
    const ack = await signedPost(slack.eventsUrl, request.body, form);
    expect(ack.status).toBe(200);
    await slack.fake.until(() =>
      slack.fake.callsOf('views.open').some((call) => call.body.trigger_id === request.trigger),
    );
    const opened = slack.fake.callsOf('views.open').find((call) => call.body.trigger_id === request.trigger)!;
    // The loading view is opened before anything is looked up; the form replaces it.
    const viewId = `V${String(slack.fake.callsOf('views.open').indexOf(opened) + 1).padStart(6, '0')}`;
    let form0 = await nextUpdate(viewId, 0);
    form0 = { ...form0, id: viewId };
    expect(form0.callback_id).toBe('stempel-form');
    const templateSelect = block(form0, 'template').element;
    expect(templateSelect.options.map((option: Json) => option.value)).toEqual([templateId]);
    expect(block(form0, 'template').dispatch_action).toBe(true);

    // Choosing the template makes the record field search requests.
    await dispatch(
      form0,
      'template',
      { type: 'static_select', action_id: 'field:template', selected_option: { value: templateId } },
      {
        template: { 'field:template': { type: 'static_select', selected_option: { value: templateId } } },
      },
    );
    const form1 = { ...(await nextUpdate(viewId, 1)), id: viewId };
    expect(block(form1, 'record').element).toMatchObject({
      type: 'external_select',
      action_id: 'options:records:request',
    });

    // The record search answers with matching requests, as the options request's acknowledgement.
    const suggestion = {
      type: 'block_suggestion',
      user: { id: SLACK_IDS.sales, team_id: slack.fake.teamId },
      team: { id: slack.fake.teamId },
      api_app_id: 'A0TEST',
      action_id: 'options:records:request',
      block_id: 'record',
      value: requestNumber.slice(-3),
      container: { type: 'view', view_id: viewId },
      view: form1,
    };
    const options = await signedPost(
      slack.eventsUrl,
      new URLSearchParams({ payload: JSON.stringify(suggestion) }).toString(),
      form,
    );
    expect(JSON.parse(options.text).options).toEqual([
      { text: expect.objectContaining({ text: `Request ${requestNumber}` }), value: requestId },
    ]);

    // Choosing the record prefills the dates the template gives it.
    const state = {
      template: { 'field:template': { type: 'static_select', selected_option: { value: templateId } } },
      record: {
        'options:records:request': { type: 'external_select', selected_option: { value: requestId } },
      },
    };
    await dispatch(
      form1,
      'record',
      {
        type: 'external_select',
        action_id: 'options:records:request',
        selected_option: { value: requestId },
      },
      state,
    );
    const form2 = { ...(await nextUpdate(viewId, 2)), id: viewId };
    const start = block(form2, 'start').element;
    expect(start.type).toBe('datetimepicker');
    expect(typeof start.initial_date_time).toBe('number');

    const submitted = await signedPost(
      slack.eventsUrl,
      viewSubmissionBody(
        slack.fake,
        SLACK_IDS.sales,
        { ...form2, hash: 'submit-1' },
        {
          ...state,
          remarks: { 'field:remarks': { type: 'plain_text_input', value: 'bel na 14u' } },
        },
      ),
      form,
    );
    expect(JSON.parse(submitted.text)).toMatchObject({ response_action: 'update' });
    const result = await nextUpdate(viewId, 3);
    expect(JSON.stringify(result)).toContain('created');
    const [action] = await actionsOf(slack.ws, templateId);
    expect(action).toMatchObject({
      record: { id: requestId },
      remarks: 'bel na 14u',
      stampedBy: slack.ws.users.sales.id,
    });
    expect(action!.start.getTime()).toBe(start.initial_date_time * 1000);
  });

  it('refuses missing required fields in the acknowledgement, on the fields', async () => {
    const view = {
      id: 'VMISSING',
      type: 'modal',
      callback_id: 'stempel-form',
      private_metadata: JSON.stringify({ id: 'form:new-action', locale: 'en' }),
      title: { type: 'plain_text', text: 'New action' },
      blocks: [
        {
          type: 'input',
          block_id: 'template',
          optional: false,
          element: { type: 'static_select', action_id: 'field:template' },
        },
        {
          type: 'input',
          block_id: 'record',
          optional: false,
          element: { type: 'external_select', action_id: 'options:records:request' },
        },
      ],
    };
    const response = await signedPost(
      slack.eventsUrl,
      viewSubmissionBody(slack.fake, SLACK_IDS.sales, view, {}),
      form,
    );
    expect(JSON.parse(response.text)).toEqual({
      response_action: 'errors',
      errors: { template: 'Fill this in.', record: 'Fill this in.' },
    });
  });

  it('shows a refusal found after the acknowledgement on the form again', async () => {
    const view = {
      id: 'VAGAIN',
      type: 'modal',
      callback_id: 'stempel-form',
      private_metadata: JSON.stringify({ id: 'form:new-action', locale: 'en' }),
      title: { type: 'plain_text', text: 'New action' },
      blocks: [],
    };
    const state = {
      template: { 'field:template': { type: 'static_select', selected_option: { value: templateId } } },
      record: {
        'options:records:request': { type: 'external_select', selected_option: { value: requestId } },
      },
    };
    await signedPost(slack.eventsUrl, viewSubmissionBody(slack.fake, SLACK_IDS.sales, view, state), form);
    const again = await nextUpdate('VAGAIN', 0);
    expect(again.callback_id).toBe('stempel-form');
    expect(JSON.stringify(again.blocks)).toContain('already stamped');
    expect(await actionsOf(slack.ws, templateId)).toHaveLength(1);
  });
});
