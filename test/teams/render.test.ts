import { describe, expect, it } from 'vitest';
import {
  cardBytes,
  renderTeamsCard,
  TEAMS_LIMITS,
  type TeamsCardOptions,
} from '../../adapters/teams/render/index.js';
import type {
  ActionCardView,
  ActionDetailsView,
  ButtonView,
  ChatView,
  DigestView,
  FormView,
  ListView,
  PreviewView,
  TemplateListView,
} from '../../src/chat/model.js';
import { cardProblems, cardText, executeActions } from './cards.js';

const button = (
  verb: ButtonView['verb'],
  label: string,
  style: ButtonView['style'] = 'default',
): ButtonView => ({
  verb,
  label,
  style,
  payload: `${verb}:act_0123456789abcdef`,
});

function actionCard(number: number, fields: Partial<ActionCardView> = {}): ActionCardView {
  return {
    kind: 'action-card',
    actionId: `act_${String(number).padStart(16, '0')}`,
    number,
    title: `Attendance list Workshop ${number}`,
    recordLabel: `Course C-${number} · Workshop ${number}`,
    record: { group: 'course', id: `crs_${number}` },
    state: 'open',
    stateLabel: 'Open',
    colour: 'overdue',
    colourLabel: 'Overdue',
    execution: 'semi-automatic',
    ownerName: 'Ans',
    start: new Date('2026-11-12T08:00:00Z'),
    end: new Date('2026-11-16T08:00:00Z'),
    window: '12 Nov 2026 09:00 – 16 Nov 2026 09:00',
    processSummary: 'Set status to definitive',
    reason: 'The webhook answered 500',
    facts: [
      { label: 'Owner', value: 'Ans' },
      { label: 'When', value: '12 Nov 2026 09:00 – 16 Nov 2026 09:00' },
    ],
    buttons: [
      button('done', 'Done', 'primary'),
      button('execute', 'Execute…', 'primary'),
      {
        ...button('snooze', 'Snooze'),
        choices: [
          { label: '1 day', payload: 'snooze:act_1:1d' },
          { label: '3 days', payload: 'snooze:act_1:3d' },
          { label: '1 week', payload: 'snooze:act_1:1w' },
          { label: 'Pick a date…', payload: 'snooze-pick:act_1' },
        ],
      },
      button('assign-pick', 'Assign…'),
      button('details', 'Details'),
      { ...button('cancel', 'Cancel action', 'danger'), confirm: 'Cancel this action for good?' },
    ],
    ...fields,
  };
}

const list = (count: number, fields: Partial<ActionCardView> = {}): ListView => ({
  kind: 'list',
  title: 'My actions',
  empty: 'No actions match.',
  items: Array.from({ length: count }, (_, index) => actionCard(index + 1, fields)),
  total: count,
});

const digest: DigestView = {
  kind: 'digest',
  title: 'Actions digest',
  summary: [{ label: 'Overdue', value: '3' }],
  notes: [],
  sections: [
    { colour: 'overdue', heading: 'Overdue', items: [actionCard(1)], total: 3 },
    {
      colour: 'today',
      heading: 'Today',
      items: [actionCard(2, { colour: 'today', colourLabel: 'Today' })],
      total: 1,
    },
  ],
};

const preview = (fields: Partial<PreviewView> = {}): PreviewView => ({
  kind: 'preview',
  title: 'Execute action 12?',
  actionId: 'act_12',
  lines: [
    { label: 'To', value: 'participant@example.org' },
    { label: 'Message', value: 'Dear participant, …' },
  ],
  buttons: [button('confirm-execute', 'Yes, execute', 'primary')],
  ...fields,
});

const options = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ value: `usr_${index}`, label: `Person number ${index}` }));

const form: FormView = {
  kind: 'form',
  title: 'New action',
  submit: 'form:new-action',
  submitLabel: 'Create action',
  intro: 'Stamp a template onto a record.',
  fields: [
    {
      name: 'template',
      label: 'Template',
      type: 'select',
      required: true,
      refreshes: true,
      options: options(3),
      value: 'usr_1',
    },
    {
      name: 'record',
      label: 'Record',
      type: 'search',
      required: true,
      refreshes: true,
      source: 'records:course',
      options: options(5),
      value: 'crs_far_away',
      valueLabel: 'Course C-99 · Far away',
      error: 'No such record.',
    },
    {
      name: 'owner',
      label: 'Owner',
      type: 'user',
      required: false,
      hint: 'Empty: as the template says.',
      options: options(20),
    },
    { name: 'start', label: 'Start', type: 'datetime', required: false, value: '2026-12-01T09:00+01:00' },
    { name: 'due', label: 'Due', type: 'date', required: false, value: '2026-12-04' },
    { name: 'title', label: 'Title', type: 'text', required: false, maxLength: 200, value: 'Call back' },
    { name: 'remarks', label: 'Remarks', type: 'textarea', required: false, maxLength: 2000 },
  ],
};

const details: ActionDetailsView = {
  kind: 'action-details',
  card: actionCard(7),
  facts: [
    { label: 'Template', value: 'attendance-list' },
    { label: 'Priority', value: 'normal' },
  ],
  history: Array.from({ length: 15 }, (_, index) => ({
    at: `${index + 1} Oct 2026 10:00`,
    text: `rescheduled · Ans`,
  })),
  olderHistory: 4,
};

const templates: TemplateListView = {
  kind: 'templates',
  title: 'Action templates',
  empty: 'No templates match.',
  items: [
    {
      key: 'attendance-list',
      name: 'Attendance list [Course:Name]',
      dataGroup: 'course',
      execution: 'Manual',
      description: 'For the teacher',
    },
  ],
  total: 12,
};

const every: Array<[string, ChatView[]]> = [
  ['an action card', [actionCard(1)]],
  [
    'a closed action card',
    [
      actionCard(1, {
        state: 'done',
        stateLabel: 'Done',
        colour: 'closed',
        colourLabel: 'Closed',
        buttons: [button('details', 'Details')],
      }),
    ],
  ],
  ['a result line with its card', [{ kind: 'text', lines: ['Action 1 is done.'] }, actionCard(1)]],
  ['a list', [list(3)]],
  ['an empty list', [list(0)]],
  ['a digest', [digest]],
  ['a preview', [preview()]],
  ['a preview that cannot run', [preview({ problem: 'No sender.', buttons: [] })]],
  ['a form', [form]],
  ['details', [details]],
  ['templates', [templates]],
  ['an empty template list', [{ ...templates, items: [], total: 0 }]],
  ['a text', [{ kind: 'text', title: 'Stempel commands', lines: ['/actie help', '/actie mijn'] }]],
  [
    'an error',
    [{ kind: 'error', code: 'x', message: 'You may not do that', details: ['owner: unknown', 'start: bad'] }],
  ],
];

const variants: Array<[string, TeamsCardOptions]> = [
  ['plain', { locale: 'en' }],
  [
    'with a home and refresh',
    { locale: 'nl', home: { ids: ['act_1'] }, refreshUserIds: ['29:someone'], back: true },
  ],
  [
    'refresh on request',
    { locale: 'en', home: { c: '/actie mijn', t: ['Ans asked: mijn'] }, refreshUserIds: [] },
  ],
];

describe('the Teams renderer', () => {
  for (const [name, views] of every) {
    for (const [variant, variantOptions] of variants) {
      it(`renders ${name} (${variant}) as a valid Adaptive Card 1.5 within the budget`, () => {
        const card = renderTeamsCard(views, variantOptions);
        expect(card.version).toBe('1.5');
        expect(cardProblems(card)).toEqual([]);
        expect(cardBytes(card)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
      });
    }
  }

  it('the validator is strict: it reports what Teams 1.5 cards must not have', () => {
    const tooManyButtons = renderTeamsCard([actionCard(1)], { locale: 'en' });
    const actionSet = tooManyButtons.body.find((element) => element.type === 'ActionSet')!;
    (actionSet.actions as unknown[]).push({ type: 'Action.Execute', title: 'Seventh', verb: 'x' });
    expect(cardProblems(tooManyButtons)).not.toEqual([]);
    const typeahead = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: 'x',
          choices: [],
          'choices.data': { type: 'Data.Query', dataset: 'x' },
        },
      ],
    };
    expect(cardProblems(typeahead)).not.toEqual([]);
  });

  it('uses Universal Actions only, with the refresh addressed to the given users', () => {
    const card = renderTeamsCard([actionCard(1)], {
      locale: 'en',
      home: { ids: ['act_1'] },
      refreshUserIds: ['29:a'],
    });
    expect(card.refresh).toMatchObject({
      userIds: ['29:a'],
      action: { type: 'Action.Execute', verb: 'refresh' },
    });
    expect(JSON.stringify(card)).not.toContain('Action.Submit');
    expect(executeActions(card).map((action) => action.title)).toEqual([
      'Done',
      'Execute…',
      '1 day',
      '3 days',
      '1 week',
      'Pick a date…',
      'Assign…',
      'Details',
      'Cancel action',
    ]);
  });

  it('cuts a long list to the budget and says how many more there are', () => {
    const long = 'A very long remark that goes on and on. '.repeat(40);
    const card = renderTeamsCard([list(20, { facts: [{ label: 'Remarks', value: long }] })], {
      locale: 'en',
      home: { c: 'mijn' },
      refreshUserIds: ['29:a'],
    });
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
    const hidden = /… and (\d+) more/.exec(cardText(card));
    expect(hidden).not.toBeNull();
    const shown = (cardText(card).match(/#\d+ · /g) ?? []).length;
    expect(shown + Number(hidden![1])).toBe(20);
  });

  it('says "more than" when the count stopped at its bound', () => {
    const bounded = { ...list(5), total: 1000, totalExact: false };
    const card = renderTeamsCard([bounded], { locale: 'en', home: { c: 'mijn' }, refreshUserIds: ['29:a'] });
    const shown = (cardText(card).match(/#\d+ · /g) ?? []).length;
    expect(cardText(card)).toContain(`… and more than ${1000 - shown} more`);
  });

  it('cuts long option lists and texts to the budget, keeping the current choice', () => {
    const huge: FormView = {
      ...form,
      fields: form.fields.map((field) => (field.options ? { ...field, options: options(2_000) } : field)),
    };
    const card = renderTeamsCard([huge], { locale: 'en' });
    expect(cardBytes(card)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
    expect(cardText(card)).toContain('Course C-99 · Far away');
    const bodyText = renderTeamsCard(
      [preview({ lines: [{ label: 'Message', value: 'x'.repeat(100_000) }] })],
      { locale: 'en' },
    );
    expect(cardBytes(bodyText)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
  });

  it('says so when even the shortest form of an answer does not fit', () => {
    const card = renderTeamsCard(
      [{ kind: 'text', lines: Array.from({ length: 400 }, (_, index) => `line ${index} `.repeat(20)) }],
      { locale: 'nl' },
    );
    expect(cardText(card)).toContain('te groot voor één Teams-bericht');
  });
});
