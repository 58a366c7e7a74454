import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/rights/user.js';
import { ConsoleClient, type ConsoleHarness, startConsole } from '../console/support.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { AROUND_EVENT, seedTemplate } from '../workflow/support/templates.js';
import { giveaways } from './giveaways.js';

let consoleApp: ConsoleHarness;
let courseId: string;
let actionNumber: number;
let actionId: string;

/** The page's words: its text and the labels people read in attributes (titles, placeholders). */
function readable(page: string): string {
  const attributes = [...page.matchAll(/\s(?:title|placeholder|aria-label|data-confirm)="([^"]*)"/g)].map(
    (match) => match[1],
  );
  const body = page
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<[^>]*>/g, ' ');
  return [body, ...attributes]
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

beforeAll(async () => {
  consoleApp = await startConsole('i18n_console');
  const { ws } = consoleApp;
  // Everyone in this workspace reads Dutch; the records are Dutch too, so any English is the console's.
  for (const user of Object.values(ws.users) as User[]) {
    const stored = (await ws.stores.users.get(user.id))!;
    await ws.stores.users.replace({ ...stored, locale: 'nl' });
  }
  const courseTypeId = (await seedCourseType(ws, 'bhv')).id;
  const template = await seedTemplate(
    ws,
    {
      key: 'publiceren',
      name: 'Publiceer [Opleiding:Naam] op het portaal',
      execution: 'semi-automatic',
      process: { type: 'set-field', field: 'portalPublished', value: true },
      ownerRule: { kind: 'user', userId: ws.users.planner.id },
      timing: AROUND_EVENT,
      courseTypeIds: [courseTypeId],
    },
    ws.users.automator,
  );
  const course = await seedCourse(ws, courseTypeId, { name: 'BHV herhaling' });
  courseId = course.record.id;
  const action = await onlyAction(ws, template.id, courseId);
  actionNumber = action.number;
  actionId = action.id;
});
afterAll(() => consoleApp?.close());

describe('the console for a Dutch user', () => {
  it('shows no English on the chat, board, dossier and delivery pages, nor in answers', async () => {
    const planner = new ConsoleClient(consoleApp.url);
    await planner.actAs('u-planner');
    const found: string[] = [];
    const check = (name: string, text: string) =>
      found.push(...giveaways(readable(text)).map((entry) => `${name}: ${entry}`));
    const chat = (await planner.get('')).text;
    expect(chat).toContain('Mijn acties');
    check('chat', chat);
    check('board', (await planner.get('/board')).text);
    check('board, every state', (await planner.get('/board?state=all')).text);
    check('dossier', (await planner.get(`/dossiers/${courseId}`)).text);
    check('show', (await planner.fetchPost('/command', { text: `/actie toon ${actionNumber}` })).text);
    const preview = (await planner.fetchPost('/interact', { payload: `execute:${actionId}` })).text;
    expect(preview).toContain('Ja, uitvoeren');
    expect(preview).toContain('Op het portaal');
    check('preview', preview);
    check(
      'executed',
      (await planner.fetchPost('/interact', { payload: `confirm-execute:${actionId}` })).text,
    );
    check('dossier after', (await planner.get(`/dossiers/${courseId}`)).text);
    check('an unknown page', (await planner.get('/nergens')).text);
    const admin = new ConsoleClient(consoleApp.url);
    await admin.actAs('u-admin');
    const delivery = (await admin.get('/delivery')).text;
    expect(delivery).toContain('Bezorging van berichten');
    check('delivery', delivery);
    expect(found).toEqual([]);
  });

  it('takes data groups by their Dutch names in a digest command, as its help shows them', async () => {
    const planner = new ConsoleClient(consoleApp.url);
    await planner.actAs('u-planner');
    const reply = await planner.fetchPost('/command', {
      text: '/actie digest aan werkdagen 08:30 datagroep:opleiding kanaal:planning',
    });
    expect(readable(reply.text)).toContain('Overzicht aan');
    expect(giveaways(readable(reply.text))).toEqual([]);
    const [subscription] = await consoleApp.ws.stores.digests.list();
    expect(subscription?.scope.dataGroups).toEqual(['course']);
  });

  it('says Sjabloon on the board filter, like the commands', async () => {
    const planner = new ConsoleClient(consoleApp.url);
    await planner.actAs('u-planner');
    const board = await planner.get('/board');
    expect(board.text).toContain('<label for="filter-template">Sjabloon</label>');
  });
});
