import type {
  ActionCardView,
  ActionDetailsView,
  ButtonView,
  ChatView,
  DigestView,
  FormView,
  ListView,
  PreviewView,
} from '../../src/chat/model.js';
import { card as consoleCard } from '../console/views.js';

/** `count` characters of `char` (which may be an astral character: one code point each). */
export const chars = (count: number, char = 'x') => char.repeat(count);

/** Every button a card can carry, as the chat layer builds them for an open semi-automatic action. */
export function allButtons(actionId: string, label = (text: string) => text): ButtonView[] {
  return [
    { verb: 'done', label: label('Done'), style: 'primary', payload: `done:${actionId}` },
    { verb: 'execute', label: label('Execute…'), style: 'primary', payload: `execute:${actionId}` },
    {
      verb: 'snooze',
      label: label('Snooze'),
      style: 'default',
      payload: `snooze:${actionId}`,
      choices: [
        { label: label('1 day'), payload: `snooze:${actionId}:1d` },
        { label: label('3 days'), payload: `snooze:${actionId}:3d` },
        { label: label('1 week'), payload: `snooze:${actionId}:1w` },
        { label: label('Pick a date…'), payload: `snooze-pick:${actionId}` },
      ],
    },
    { verb: 'assign-pick', label: label('Assign…'), style: 'default', payload: `assign-pick:${actionId}` },
    { verb: 'details', label: label('Details'), style: 'default', payload: `details:${actionId}` },
    {
      verb: 'cancel',
      label: label('Cancel action'),
      style: 'danger',
      payload: `cancel:${actionId}`,
      confirm: label('Cancel this action for good?'),
    },
  ];
}

/** A card with every part filled in: four blocks (title, facts, process and reason, buttons). */
export function fullCard(fields: Partial<ActionCardView> = {}): ActionCardView {
  const base = consoleCard({
    execution: 'semi-automatic',
    processSummary: 'E-mail to the participant',
    reason: 'The participant has no e-mail address',
    remarks: 'Call first',
    ...fields,
  });
  return { ...base, buttons: fields.buttons ?? allButtons(base.actionId) };
}

/** A card whose every text is `size` characters of `char`, and whose buttons' texts are too. */
export function extremeCard(size = 1_000, char = 'y'): ActionCardView {
  const text = chars(size, char);
  const base = fullCard({
    title: text,
    recordLabel: text,
    stateLabel: text,
    colourLabel: text,
    ownerName: text,
    window: text,
    processSummary: text,
    reason: text,
    remarks: text,
    facts: Array.from({ length: 30 }, () => ({ label: text, value: chars(size * 10, char) })),
  });
  const buttons = allButtons(base.actionId, () => text);
  buttons[2]!.choices = Array.from({ length: 200 }, (_, index) => ({
    label: text,
    payload: `snooze:${base.actionId}:${index}d`,
  }));
  return { ...base, buttons };
}

export function listOf(cards: ActionCardView[], total = cards.length): ListView {
  return { kind: 'list', title: 'My actions', empty: 'No actions match.', items: cards, total };
}

export function cards(count: number, make = fullCard): ActionCardView[] {
  return Array.from({ length: count }, () => make());
}

export function digestOf(sizes: number[], make = fullCard): DigestView {
  const colours = ['overdue', 'today', 'future'] as const;
  return {
    kind: 'digest',
    title: 'Digest for #planning',
    summary: [],
    notes: [],
    sections: sizes.map((size, index) => ({
      colour: colours[index % colours.length]!,
      heading: `Section ${index + 1}`,
      items: cards(size, make),
      total: size,
    })),
  };
}

export function previewOf(lines: number, value = 'false → true', problem?: string): PreviewView {
  return {
    kind: 'preview',
    title: 'Execute action 1007?',
    actionId: 'act_7',
    lines: Array.from({ length: lines }, (_, index) => ({ label: `Change field ${index}`, value })),
    ...(problem ? { problem } : {}),
    buttons: [
      { verb: 'confirm-execute', label: 'Confirm', style: 'primary', payload: 'confirm-execute:act_7' },
    ],
  };
}

export function detailsOf(card: ActionCardView, history = 15): ActionDetailsView {
  return {
    kind: 'action-details',
    card,
    facts: [
      { label: 'Record', value: card.recordLabel },
      { label: 'Template', value: 'attendance-list' },
    ],
    history: Array.from({ length: history }, (_, index) => ({
      at: `1 Oct 2026 09:${index}`,
      text: 'Snoozed',
    })),
    olderHistory: 3,
  };
}

/** The new-action form as the chat layer builds it, with `size` choices per select. */
export function newActionForm(options: { choices?: number; text?: string; error?: string } = {}): FormView {
  const text = options.text ?? 'Template';
  const choices = Array.from({ length: options.choices ?? 3 }, (_, index) => ({
    value: `tpl_${index}`,
    label: `${text} ${index}`,
  }));
  return {
    kind: 'form',
    title: 'New action',
    submit: 'form:new-action',
    submitLabel: 'Create action',
    intro: text,
    fields: [
      {
        name: 'template',
        label: text,
        type: 'select',
        required: true,
        refreshes: true,
        options: choices,
        value: choices.at(-1)?.value ?? '',
        hint: text,
        ...(options.error ? { error: options.error } : {}),
      },
      {
        name: 'record',
        label: 'Record',
        type: 'search',
        required: true,
        source: 'records:course',
        value: 'crs_1',
        valueLabel: text,
      },
      { name: 'owner', label: 'Owner', type: 'user', required: false, value: 'usr_planner' },
      { name: 'start', label: 'Start', type: 'datetime', required: true, value: '2026-10-01T09:00:00.000Z' },
      { name: 'due', label: 'Due date', type: 'date', required: false, value: '2026-10-03' },
      { name: 'title', label: 'Title', type: 'text', required: false, maxLength: 200, value: text },
      { name: 'remarks', label: 'Remarks', type: 'textarea', required: false, maxLength: 5_000, value: text },
    ],
  };
}

/** One view of every kind the renderer knows, with ordinary content. */
export function everyView(): ChatView[] {
  return [
    fullCard(),
    listOf(cards(3)),
    listOf([]),
    digestOf([2, 1, 0]),
    previewOf(4, 'false → true', 'The participant has no e-mail address'),
    newActionForm(),
    detailsOf(fullCard()),
    {
      kind: 'templates',
      title: 'Templates',
      empty: 'No templates.',
      items: [
        {
          key: 'attendance-list',
          name: 'Attendance list',
          dataGroup: 'course',
          execution: 'manual',
          description: '',
        },
      ],
      total: 1,
    },
    { kind: 'text', title: 'Stempel commands', lines: ['/actie mijn', '/actie toon <nummer>'] },
    { kind: 'error', code: 'not-found', message: 'Action 7 does not exist.', details: ['valid: 1, 2'] },
  ];
}
