import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/domain/actions/index.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { AROUND_EVENT, seedTemplate } from '../workflow/support/templates.js';
import { buttonData, cardIn, cardProblems, cardText, executeActions } from './cards.js';
import { invokeActivity, messageActivity, startTeams, type TeamsHarness, teamsPerson } from './support.js';

let teams: TeamsHarness;
let courseTypeId: string;
let manualTemplateId: string;
let publishTemplateId: string;
const planner = teamsPerson('planner');

beforeAll(async () => {
  teams = await startTeams('teams-actions');
  courseTypeId = (await seedCourseType(teams.ws, 'teams-actions')).id;
  const linked = {
    courseTypeIds: [courseTypeId],
    ownerRule: { kind: 'course-contact' as const },
    timing: AROUND_EVENT,
  };
  manualTemplateId = (await seedTemplate(teams.ws, { ...linked, name: 'Call the venue for [Course:Name]' }))
    .id;
  publishTemplateId = (
    await seedTemplate(
      teams.ws,
      {
        ...linked,
        name: 'Publish [Course:Name]',
        execution: 'semi-automatic',
        process: { type: 'set-field', field: 'portalPublished', value: true },
      },
      teams.ws.users.automator,
    )
  ).id;
  await teams.link(teams.ws.users.planner.id, planner);
});
afterAll(() => teams.close());

async function freshActions(): Promise<{ manual: Action; publish: Action }> {
  const course = await seedCourse(teams.ws, courseTypeId, { contactUserId: teams.ws.users.planner.id });
  return {
    manual: await onlyAction(teams.ws, manualTemplateId, course.record.id),
    publish: await onlyAction(teams.ws, publishTemplateId, course.record.id),
  };
}

/** The card the bot replies with to "show <number>" in the planner's personal chat. */
async function shownCard(action: Action): Promise<Record<string, unknown>> {
  const before = teams.connector.calls.length;
  await teams.post(messageActivity(teams, planner, `show ${action.number}`));
  return cardIn(teams.connector.calls[before]!.body);
}

/** Presses a button of `card` as the planner; returns the card Teams would now show them. */
async function press(card: unknown, title: string, inputs?: Record<string, string>) {
  const response = await teams.post(
    invokeActivity(teams, planner, buttonData(card, title), inputs ? { inputs } : {}),
  );
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  const next = response.body.value as Record<string, unknown>;
  expect(cardProblems(next)).toEqual([]);
  return next;
}

const titles = (card: unknown) => executeActions(card).map((action) => action.title);

describe('card buttons (adaptiveCard/action)', () => {
  it('Done marks the action done and answers with its card as it is now', async () => {
    const { manual } = await freshActions();
    const after = await press(await shownCard(manual), 'Done');
    expect(cardText(after)).toContain(`Action ${manual.number} is done.`);
    expect(cardText(after)).toContain('Done');
    expect(titles(after)).toEqual(['Details']);
    expect((await teams.ws.stores.actions.get(manual.id))?.state).toBe('done');
  });

  it('Execute shows exactly what will happen, and only Confirm runs it', async () => {
    const { publish } = await freshActions();
    const preview = await press(await shownCard(publish), 'Execute…');
    expect(cardText(preview)).toContain(`Execute action ${publish.number}?`);
    expect(cardText(preview)).toContain('On the portal');
    expect(titles(preview)).toEqual(['Yes, execute', 'No', 'Back']);
    expect((await teams.ws.stores.actions.get(publish.id))?.state).toBe('open');

    const done = await press(preview, 'Yes, execute');
    expect(cardText(done)).toContain(`Action ${publish.number} was executed`);
    const action = await teams.ws.stores.actions.get(publish.id);
    expect(action?.state).toBe('executed');
    expect(await teams.ws.stores.dossiers.get(publish.record.id)).toMatchObject({ portalPublished: true });
  });

  it('Back returns from the preview to the card', async () => {
    const { publish } = await freshActions();
    const preview = await press(await shownCard(publish), 'Execute…');
    const back = await press(preview, 'Back');
    expect(cardText(back)).toContain(`#${publish.number} · Publish`);
    expect(titles(back)).toContain('Execute…');
  });

  it('Snooze folds out its choices; one day moves the start by a day', async () => {
    const { manual } = await freshActions();
    const card = await shownCard(manual);
    expect(card.body).toContainEqual(
      expect.objectContaining({
        type: 'ActionSet',
        actions: expect.arrayContaining([
          expect.objectContaining({ type: 'Action.ShowCard', title: 'Snooze' }),
        ]),
      }),
    );
    const after = await press(card, '1 day');
    expect(cardText(after)).toContain(`Action ${manual.number} now starts`);
    const moved = await teams.ws.stores.actions.get(manual.id);
    expect(moved!.start.getTime()).toBeGreaterThan(manual.start.getTime());
  });

  it('Snooze to a date of one’s choosing is a card form', async () => {
    const { manual } = await freshActions();
    const form = await press(await shownCard(manual), 'Pick a date…');
    expect(cardText(form)).toContain(`Snooze action ${manual.number}`);
    const after = await press(form, 'Snooze', { 'f.until.date': '2026-12-03', 'f.until.time': '14:30' });
    expect(cardText(after)).toContain(`Action ${manual.number} now starts`);
    const moved = await teams.ws.stores.actions.get(manual.id);
    expect(moved!.start.toISOString()).toBe('2026-12-03T13:30:00.000Z');
  });

  it('a refused form comes back with the reason on its field', async () => {
    const { manual } = await freshActions();
    const form = await press(await shownCard(manual), 'Pick a date…');
    const again = await press(form, 'Snooze', { 'f.until.date': '', 'f.until.time': '' });
    expect(cardText(again)).toContain('Fill this in.');
    expect(titles(again)).toContain('Snooze');
  });

  it('Assign is a card form with the people to choose from', async () => {
    const { manual } = await freshActions();
    const form = await press(await shownCard(manual), 'Assign…');
    expect(cardText(form)).toContain('Sales');
    const after = await press(form, 'Assign', { 'f.owner': teams.ws.users.sales.id });
    expect(cardText(after)).toContain(`Action ${manual.number} is now owned by Sales.`);
    expect((await teams.ws.stores.actions.get(manual.id))?.ownerUserId).toBe(teams.ws.users.sales.id);
  });

  it('Details shows the history, with Back to the card', async () => {
    const { manual } = await freshActions();
    const details = await press(await shownCard(manual), 'Details');
    expect(cardText(details)).toContain('History');
    expect(cardText(details)).toContain('stamped');
    expect(titles(details)).toContain('Back');
    expect(titles(details)).not.toContain('Details');
  });

  it('Cancel asks first, then cancels', async () => {
    const { manual } = await freshActions();
    const card = await shownCard(manual);
    expect(cardText(card)).toContain('Cancel this action for good?');
    const after = await press(card, 'Cancel action');
    expect(cardText(after)).toContain(`Action ${manual.number} is cancelled.`);
    expect((await teams.ws.stores.actions.get(manual.id))?.state).toBe('cancelled');
  });

  it('a refresh answers with the card as it is now', async () => {
    const { manual } = await freshActions();
    const card = await shownCard(manual);
    const refresh = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
    await press(card, 'Done');
    const response = await teams.post(invokeActivity(teams, planner, refresh, { trigger: 'automatic' }));
    expect(cardText(response.body.value)).toContain('Done');
    expect(titles(response.body.value)).toEqual(['Details']);
  });

  it('refuses what is not a Stempel card action', async () => {
    const response = await teams.post(
      invokeActivity(teams, planner, { stempel: { s: 'button', p: 'x' } }, { locale: 'nl-NL' }),
    );
    expect(response.body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.stringContaining('Deze kaart werkt niet') },
    });
  });
});
