import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionTemplate } from '../../src/domain/templates/index.js';
import { actionsOf } from '../workflow/support/actions.js';
import { seedCompany, seedRequest } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { buttonData, cardIn, cardProblems, cardText } from './cards.js';
import { invokeActivity, messageActivity, startTeams, type TeamsHarness, teamsPerson } from './support.js';

let teams: TeamsHarness;
let callBack: ActionTemplate;
let requestId: string;
const sales = teamsPerson('sales');

beforeAll(async () => {
  teams = await startTeams('teams-forms');
  const tenWorkingDays = { amount: 10, unit: 'working-days', direction: 'after', anchor: 'created' } as const;
  // DOMAIN.md §8 example 1: stamped by hand only.
  callBack = await seedTemplate(teams.ws, {
    key: 'call-back-quote',
    name: 'Call back quote [Request:Number] – [Company:Name]',
    dataGroup: 'request',
    event: null,
    timing: { start: tenWorkingDays, end: tenWorkingDays },
    readRoles: ['sales'],
    writeRoles: ['sales'],
  });
  const company = await seedCompany(teams.ws, { name: 'Acme BV' });
  requestId = (await seedRequest(teams.ws, company.id, { number: 'Q-2041' })).record.id;
  await teams.link(teams.ws.users.sales.id, sales);
});
afterAll(() => teams.close());

type Card = Record<string, unknown>;

async function press(card: unknown, title: string, inputs: Record<string, string> = {}): Promise<Card> {
  const response = await teams.post(invokeActivity(teams, sales, buttonData(card, title), { inputs }));
  expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  const next = response.body.value as Card;
  expect(cardProblems(next)).toEqual([]);
  return next;
}

function inputValue(card: Card, id: string): unknown {
  const found: unknown[] = [];
  JSON.stringify(card, (_key, value) => {
    if (value && typeof value === 'object' && (value as { id?: unknown }).id === id) found.push(value);
    return value;
  });
  return (found[0] as { value?: unknown } | undefined)?.value;
}

describe('the new-action form', () => {
  it('is a card form whose submit stamps the action, with its dates prefilled from the template', async () => {
    const before = teams.connector.calls.length;
    await teams.post(messageActivity(teams, sales, 'nieuw'));
    const form = cardIn(teams.connector.calls[before]!.body);
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain('Call back quote');
    expect(cardText(form)).toContain('Choose a template first.');

    const withTemplate = await press(form, 'Update the form', { 'f.template': callBack.id });
    expect(cardText(withTemplate)).toContain('Q-2041');

    const searched = await press(withTemplate, 'Search', {
      'f.template': callBack.id,
      'q.record': 'nothing-like-it',
    });
    expect(cardText(searched)).not.toContain('Q-2041');

    const withRecord = await press(searched, 'Update the form', {
      'f.template': callBack.id,
      'f.record': requestId,
    });
    // Thursday 1 October + 10 working days = Thursday 15 October, 09:00 in Amsterdam.
    expect(inputValue(withRecord, 'f.start.date')).toBe('2026-10-15');
    expect(inputValue(withRecord, 'f.start.time')).toBe('09:00');

    const done = await press(withRecord, 'Create action', {
      'f.template': callBack.id,
      'f.record': requestId,
      'f.start.date': '2026-10-16',
      'f.start.time': '10:00',
      'f.remarks': 'Ask about the second group',
    });
    const [action] = await actionsOf(teams.ws, callBack.id);
    expect(action).toMatchObject({
      record: { id: requestId },
      remarks: 'Ask about the second group',
      stampedBy: teams.ws.users.sales.id,
    });
    expect(action!.start.toISOString()).toBe('2026-10-16T08:00:00.000Z');
    expect(cardText(done)).toContain(`Action ${action!.number} created.`);
    expect(cardText(done)).toContain('Call back quote Q-2041');
  });

  it('brings a refused submit back with the reasons on the fields', async () => {
    const before = teams.connector.calls.length;
    await teams.post(messageActivity(teams, sales, 'new'));
    const form = cardIn(teams.connector.calls[before]!.body);
    const refused = await press(form, 'Create action', {
      'f.start.date': '2026-13-45',
      'f.start.time': '10:00',
    });
    expect(cardText(refused)).toContain('Fill this in.');
    expect(cardText(refused)).toContain('Not a date and time');
  });
});
