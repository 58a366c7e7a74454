import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { nextId, SLACK_IDS, type SlackHarness, signedPost, startSlack } from './support.js';

let slack: SlackHarness;
let courseTypeId: string;

beforeAll(async () => {
  slack = await startSlack('slack-home');
  courseTypeId = (await seedCourseType(slack.ws, 'home')).id;
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
});
afterAll(() => slack.close());

function homeOpened(user: string, eventId = nextId('Ev')) {
  return JSON.stringify({
    token: 'legacy',
    team_id: slack.fake.teamId,
    api_app_id: 'A0TEST',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: slack.fake.teamId, user_id: 'UBOT', is_bot: true }],
    event: {
      type: 'app_home_opened',
      user,
      channel: `D${user.slice(1)}`,
      tab: 'home',
      event_ts: '1700000000.1',
    },
  });
}

const publishes = (user: string) =>
  slack.fake.callsOf('views.publish').filter((call) => call.body.user_id === user);

describe('the App Home', () => {
  it('shows my actions by colour when opened, and follows their changes', async () => {
    const template = await seedTemplate(slack.ws, {
      name: 'Lokaal boeken [Opleiding:Naam]',
      ownerRule: { kind: 'user', userId: slack.ws.users.planner.id },
      courseTypeIds: [courseTypeId],
    });
    const course = await seedCourse(slack.ws, courseTypeId, { name: 'Thuisbasis' });
    const action = await onlyAction(slack.ws, template.id, course.record.id);

    const eventId = nextId('Ev');
    const response = await signedPost(
      slack.eventsUrl,
      homeOpened(SLACK_IDS.planner, eventId),
      'application/json',
    );
    expect(response.status).toBe(200);
    await slack.fake.until(() => publishes(SLACK_IDS.planner).length === 1, 'the home');
    const home = publishes(SLACK_IDS.planner)[0]!.body.view;
    expect(home.type).toBe('home');
    expect(JSON.stringify(home.blocks)).toContain('Lokaal boeken Thuisbasis');
    expect(JSON.stringify(home.blocks)).toContain(`done:${action.id}`);
    expect(home.blocks.length).toBeLessThanOrEqual(100);

    // Slack retries an event it thinks went unanswered: the home is not published twice for it.
    await signedPost(slack.eventsUrl, homeOpened(SLACK_IDS.planner, eventId), 'application/json', {
      retryNum: 1,
    });

    const done = await slack.api(slack.ws.users.planner, 'POST', `/actions/${action.id}/complete`, {});
    expect(done.status).toBe(200);
    await slack.fake.until(() => publishes(SLACK_IDS.planner).length === 2, 'the home after the change');
    expect(JSON.stringify(publishes(SLACK_IDS.planner)[1]!.body.view.blocks)).not.toContain(
      `done:${action.id}`,
    );
  });

  it('tells an unknown person how to get linked, and shows nothing else', async () => {
    await signedPost(slack.eventsUrl, homeOpened('UNKNOWNHOME'), 'application/json');
    await slack.fake.until(() => publishes('UNKNOWNHOME').length === 1, 'the unknown home');
    const text = JSON.stringify(publishes('UNKNOWNHOME')[0]!.body.view.blocks);
    expect(text).toMatch(/Ik ken je nog niet|I do not know you yet/);
    expect(text).not.toContain('Lokaal boeken');
  });
});
