import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatContext, handleButton, handleCommand } from '../../src/chat/handle.js';
import type { ActionCardView, ChatView } from '../../src/chat/model.js';
import type { User } from '../../src/domain/rights/user.js';
import { updateTemplate } from '../../src/workflow/templates/save.js';
import { executionPorts } from '../execution/support.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';

let ws: TestWorkspace;
let courseTypeId: string;

beforeAll(async () => {
  ws = await openWorkspace('chat-handle');
  courseTypeId = (await seedCourseType(ws, 'ehbo')).id;
});
afterAll(() => ws.close());

function context(actor: User): ChatContext {
  return { deps: ws.deps, execution: executionPorts(), actor };
}

const dutch = (user: User): User => ({ ...user, locale: 'nl' });

function card(views: ChatView[]): ActionCardView {
  const found = views.find((view): view is ActionCardView => view.kind === 'action-card');
  if (!found) throw new Error(`no card in ${JSON.stringify(views)}`);
  return found;
}

async function manualAction(owner: User) {
  const template = await seedTemplate(ws, {
    name: 'Presentielijst [Opleiding:Naam]',
    ownerRule: { kind: 'user', userId: owner.id },
    courseTypeIds: [courseTypeId],
  });
  const course = await seedCourse(ws, courseTypeId, { name: 'EHBO basis' });
  return onlyAction(ws, template.id, course.record.id);
}

describe('chat commands', () => {
  it('lists my actions as cards with buttons, in my language', async () => {
    const action = await manualAction(ws.users.planner);
    const [list] = await handleCommand(context(dutch(ws.users.planner)), '/actie mijn');
    expect(list).toMatchObject({ kind: 'list', title: 'Mijn acties' });
    const mine = (list as { items: ActionCardView[] }).items.find((item) => item.actionId === action.id)!;
    expect(mine).toMatchObject({
      title: 'Presentielijst EHBO basis',
      stateLabel: 'Open',
      ownerName: 'Planner',
    });
    expect(mine.recordLabel).toMatch(/^Opleiding C-\d+ · EHBO basis$/);
    expect(mine.buttons.map((button) => button.verb)).toEqual([
      'done',
      'snooze',
      'assign-pick',
      'details',
      'cancel',
    ]);
    const snooze = mine.buttons.find((button) => button.verb === 'snooze')!;
    expect(snooze.choices?.map((choice) => choice.payload)).toEqual([
      `snooze:${action.id}:1d`,
      `snooze:${action.id}:3d`,
      `snooze:${action.id}:1w`,
      `snooze-pick:${action.id}`,
    ]);
  });

  it('marks an action done by command, and a second click says it is already done', async () => {
    const action = await manualAction(ws.users.planner);
    const first = await handleCommand(
      context(dutch(ws.users.planner)),
      `klaar ${action.number} lijst uitgedeeld`,
    );
    expect(first[0]).toEqual({ kind: 'text', lines: [`Actie ${action.number} is gedaan.`] });
    expect(card(first)).toMatchObject({ state: 'done', stateLabel: 'Gedaan' });
    expect(card(first).buttons.map((button) => button.verb)).toEqual(['details']);

    const second = await handleButton(context(ws.users.planner), `done:${action.id}`);
    expect(second).toEqual([expect.objectContaining({ kind: 'error', code: 'action.already-final' })]);
    expect(
      (await ws.stores.actions.get(action.id))?.history.filter((entry) => entry.kind === 'completed'),
    ).toHaveLength(1);
  });

  it('executes a semi-automatic action only after the preview is confirmed', async () => {
    const template = await seedTemplate(
      ws,
      {
        execution: 'semi-automatic',
        name: 'Publiceer [Opleiding:Naam]',
        process: { type: 'set-field', field: 'portalPublished', value: true },
        courseTypeIds: [courseTypeId],
      },
      ws.users.automator,
    );
    const course = await seedCourse(ws, courseTypeId, { name: 'BHV herhaling' });
    const action = await onlyAction(ws, template.id, course.record.id);

    const [preview] = await handleButton(context(dutch(ws.users.planner)), `execute:${action.id}`);
    expect(preview).toMatchObject({
      kind: 'preview',
      title: `Actie ${action.number} uitvoeren?`,
      lines: [{ label: 'Op het portaal', value: 'nee → ja' }],
      buttons: [
        { verb: 'confirm-execute', payload: `confirm-execute:${action.id}` },
        { verb: 'decline-execute', label: 'Nee', payload: `decline-execute:${action.id}` },
      ],
    });
    expect(await ws.stores.dossiers.get(course.record.id)).toMatchObject({ portalPublished: false });

    // "Nee" runs nothing and gives the card back, with Execute still on it.
    const declined = await handleButton(context(dutch(ws.users.planner)), `decline-execute:${action.id}`);
    expect(declined[0]).toEqual({
      kind: 'text',
      lines: [`Actie ${action.number} is niet uitgevoerd; er is niets veranderd.`],
    });
    expect(card(declined)).toMatchObject({ state: 'open' });
    expect(card(declined).buttons.map((button) => button.verb)).toContain('execute');
    expect(await ws.stores.dossiers.get(course.record.id)).toMatchObject({ portalPublished: false });

    const done = await handleButton(context(dutch(ws.users.planner)), `confirm-execute:${action.id}`);
    expect(done[0]).toEqual({
      kind: 'text',
      lines: [`Actie ${action.number} is uitgevoerd: Op het portaal → ja`],
    });
    expect(card(done)).toMatchObject({ state: 'executed' });
    expect(card(done).buttons.map((button) => button.verb)).toEqual(['details']);
    expect(await ws.stores.dossiers.get(course.record.id)).toMatchObject({ portalPublished: true });
  });

  it('explains a bad command with the usage line in the user’s language', async () => {
    const [nl] = await handleCommand(context(dutch(ws.users.planner)), 'uitstellen 3 straks');
    expect(nl).toMatchObject({ kind: 'error', code: 'command.bad-argument' });
    expect((nl as { message: string }).message).toBe(
      'Kan de duur "straks" niet lezen. Gebruik: /actie uitstellen <nummer> <2u|1d|3wd|1w|2026-12-01 [10:00]>',
    );
    const [en] = await handleCommand(context(ws.users.planner), 'assign 3 nobody@nowhere.example');
    expect(en).toMatchObject({
      kind: 'error',
      code: 'user.not-found',
      message: 'There is no user nobody@nowhere.example.',
    });
  });

  it('hides actions the user may not see, exactly like missing ones', async () => {
    const template = await seedTemplate(ws, {
      readRoles: ['sales'],
      writeRoles: ['sales'],
      courseTypeIds: [courseTypeId],
    });
    const course = await seedCourse(ws, courseTypeId);
    const action = await onlyAction(ws, template.id, course.record.id);
    const [hidden] = await handleCommand(context(ws.users.planner), `show ${action.number}`);
    expect(hidden).toMatchObject({ kind: 'error', code: 'action.not-found' });
    const shown = await handleCommand(context(ws.users.sales), `show ${action.number}`);
    expect(card(shown).actionId).toBe(action.id);
  });
});

describe('repairing a rejected action from chat', () => {
  it('executes with the fixed template after the preview says it takes the template’s settings', async () => {
    const template = await seedTemplate(
      ws,
      {
        name: 'Close [Course:Name]',
        execution: 'semi-automatic',
        // A course that is still to start cannot be closed: the action is rejected at preparation.
        process: { type: 'set-status', status: 'closed' },
        courseTypeIds: [courseTypeId],
      },
      ws.users.automator,
    );
    const course = await seedCourse(ws, courseTypeId);
    const action = await onlyAction(ws, template.id, course.record.id);
    const chat = context(ws.users.automator);
    expect(card(await handleButton(chat, `confirm-execute:${action.id}`)).stateLabel).toBe('Rejected');

    await updateTemplate(ws.deps, ws.users.automator, {
      ref: template.id,
      patch: { process: { type: 'set-status', status: 'definitive' } },
    });
    const [preview] = await handleButton(chat, `execute:${action.id}`);
    expect(preview).toMatchObject({
      kind: 'preview',
      lines: expect.arrayContaining([expect.objectContaining({ label: 'Settings' })]),
      buttons: [
        expect.objectContaining({ verb: 'confirm-execute' }),
        expect.objectContaining({ verb: 'decline-execute' }),
      ],
    });
    expect(card(await handleButton(chat, `confirm-execute:${action.id}`)).stateLabel).toBe('Executed');
    expect(await ws.stores.dossiers.get(course.record.id)).toMatchObject({ status: 'definitive' });
  });
});
