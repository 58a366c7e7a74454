import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/domain/actions/index.js';
import { startWebhookReceiver } from '../execution/support.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { AROUND_EVENT, seedTemplate } from '../workflow/support/templates.js';
import { buttonData, cardIn, cardText } from './cards.js';
import { invokeActivity, messageActivity, startTeams, type TeamsHarness, teamsPerson } from './support.js';

let teams: TeamsHarness;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let notify: Action;
let callVenue: Action;
const planner = teamsPerson('planner');
const sales = teamsPerson('sales');

beforeAll(async () => {
  teams = await startTeams('teams-concurrency');
  hook = await startWebhookReceiver();
  const courseTypeId = (await seedCourseType(teams.ws, 'teams-concurrency')).id;
  const linked = {
    courseTypeIds: [courseTypeId],
    timing: AROUND_EVENT,
    writeRoles: ['planning'],
    readRoles: ['planning'],
  };
  const notifyTemplate = await seedTemplate(
    teams.ws,
    {
      ...linked,
      name: 'Tell the LMS about [Course:Name]',
      execution: 'semi-automatic',
      process: { type: 'webhook', url: hook.url },
    },
    teams.ws.users.automator,
  );
  // Everyone may read it, only planners may change it.
  const callTemplate = await seedTemplate(teams.ws, {
    ...linked,
    readRoles: [],
    name: 'Call the venue for [Course:Name]',
  });
  const course = await seedCourse(teams.ws, courseTypeId, {
    name: 'Leadership',
    contactUserId: teams.ws.users.planner.id,
  });
  notify = await onlyAction(teams.ws, notifyTemplate.id, course.record.id);
  callVenue = await onlyAction(teams.ws, callTemplate.id, course.record.id);
  await teams.link(teams.ws.users.planner.id, planner);
  await teams.link(teams.ws.users.sales.id, sales);
});
afterAll(async () => {
  await hook.stop();
  await teams.close();
});

async function shownCard(action: Action) {
  const before = teams.connector.calls.length;
  await teams.post(messageActivity(teams, planner, `show ${action.number}`));
  return cardIn(teams.connector.calls[before]!.body);
}

describe('card actions under pressure and without rights', () => {
  it('20 simultaneous Execute confirmations run the process once', async () => {
    const preview = (
      await teams.post(invokeActivity(teams, planner, buttonData(await shownCard(notify), 'Execute…')))
    ).body.value;
    const confirm = buttonData(preview, 'Yes, execute');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => teams.post(invokeActivity(teams, planner, confirm))),
    );
    for (const response of responses) expect(response.body).toMatchObject({ statusCode: 200 });
    expect(hook.received).toHaveLength(1);
    const action = await teams.ws.stores.actions.get(notify.id);
    expect(action?.state).toBe('executed');
    expect(action?.history.filter((entry) => entry.kind === 'executed')).toHaveLength(1);
    const executed = responses.filter((response) => cardText(response.body.value).includes('was executed'));
    expect(executed.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a press by someone without the rights, in their language, and changes nothing', async () => {
    await teams.ws.stores.users.replace({
      ...(await teams.ws.stores.users.get(teams.ws.users.sales.id))!,
      locale: 'nl',
    });
    const done = buttonData(await shownCard(callVenue), 'Done');
    const response = await teams.post(invokeActivity(teams, sales, done, { locale: 'en-US' }));
    expect(response.body).toMatchObject({ statusCode: 200 });
    const text = cardText(response.body.value);
    expect(text).toContain('Je mag actie');
    expect(text).toContain('Open');
    expect((await teams.ws.stores.actions.get(callVenue.id))?.state).toBe('open');
  });

  it('shows nothing of an action to a presser who may not read it', async () => {
    const details = buttonData(await shownCard(notify), 'Details');
    const response = await teams.post(invokeActivity(teams, sales, details));
    const text = cardText(response.body.value);
    expect(text).toContain('Er is geen actie');
    expect(text).not.toContain('Tell the LMS');
  });

  it('answers a press by someone it does not know with how to get linked, and nothing else', async () => {
    const done = buttonData(await shownCard(callVenue), 'Done');
    const response = await teams.post(
      invokeActivity(teams, teamsPerson('visitor'), done, { locale: 'nl-NL' }),
    );
    expect(response.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    expect(response.body.value).toContain('Ik ken je nog niet');
    expect((await teams.ws.stores.actions.get(callVenue.id))?.state).toBe('open');
  });
});
