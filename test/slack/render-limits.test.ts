import type { ActionsBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { cardBlocks } from '../../adapters/slack/render/blocks.js';
import { buttonElement } from '../../adapters/slack/render/elements.js';
import { renderBlocks } from '../../adapters/slack/render/messages.js';
import {
  decodeMetadata,
  formModal,
  homeTab,
  infoModal,
  loadingModal,
  previewModal,
} from '../../adapters/slack/render/modals.js';
import type { ButtonView, ChatView, FormView } from '../../src/chat/model.js';
import { blockKitProblems } from './block-kit.js';
import {
  allButtons,
  cards,
  chars,
  detailsOf,
  digestOf,
  everyView,
  extremeCard,
  fullCard,
  listOf,
  newActionForm,
  previewOf,
} from './render-views.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit payloads are read as loose JSON here.
type Json = any;

const formContext = { locale: 'en' as const, slackUserOf: (id: string) => (id ? 'UPLANNER' : undefined) };
const origin = {
  responseUrl: 'https://hooks.slack.com/actions/T1/1/abc',
  channel: 'C1',
  locale: 'en' as const,
};
const length = (text: string) => [...text].length;
const message = (views: ChatView[]) => renderBlocks(views, 'en');

/** The payload as Slack gets it: everything a builder returns goes through JSON. */
function problems(payload: unknown, surface: 'message' | 'modal' | 'home'): string[] {
  return blockKitProblems(JSON.parse(JSON.stringify(payload)), surface);
}

describe('the Block Kit checker used by these tests', () => {
  const ok = { type: 'section', text: { type: 'mrkdwn', text: 'fine' } };
  const button = (fields: Json) => ({
    type: 'actions',
    elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Go' }, ...fields }],
  });

  it('accepts a payload within every limit', () => {
    expect(problems({ text: 'fine', blocks: [ok] }, 'message')).toEqual([]);
  });

  it('reports each limit broken, so the tests below can fail', () => {
    const cases: Array<[Json, 'message' | 'modal' | 'home', RegExp]> = [
      [{ text: 'x', blocks: Array(51).fill(ok) }, 'message', /51 blocks/],
      [{ type: 'home', blocks: Array(101).fill(ok) }, 'home', /101 blocks/],
      [{ text: ' ', blocks: [ok] }, 'message', /blank/],
      [{ text: chars(3_001), blocks: [ok] }, 'message', /3001 characters/],
      [{ text: '<!channel>', blocks: [ok] }, 'message', /unescaped/],
      [{ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a & b' } }] }, 'message', /&/],
      [
        { text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: chars(151) } }] },
        'message',
        /151/,
      ],
      [
        { text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: chars(3_001) } }] },
        'message',
        /3001/,
      ],
      [{ text: 'x', blocks: [{ type: 'section', fields: Array(11).fill(ok.text) }] }, 'message', /11 fields/],
      [{ text: 'x', blocks: [button({ text: { type: 'plain_text', text: chars(76) } })] }, 'message', /76/],
      [{ text: 'x', blocks: [button({ value: chars(2_001) })] }, 'message', /2001/],
      [{ text: 'x', blocks: [button({ action_id: chars(256) })] }, 'message', /256/],
      [{ text: 'x', blocks: [button({}), button({})] }, 'message', /not unique/],
      [
        { text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: '\uD83D' } }] },
        'message',
        /lone/,
      ],
      [{ type: 'modal', title: { type: 'plain_text', text: chars(25) }, blocks: [ok] }, 'modal', /title/],
      [
        {
          type: 'modal',
          title: { type: 'plain_text', text: 'x' },
          private_metadata: chars(3_001),
          blocks: [ok],
        },
        'modal',
        /private_metadata/,
      ],
    ];
    for (const [payload, surface, expected] of cases) {
      expect(problems(payload, surface).join('\n')).toMatch(expected);
    }
  });
});

describe('every builder stays within Block Kit limits', () => {
  it('cardBlocks, with ordinary and with 1,000-character texts and 200 choices', () => {
    for (const card of [fullCard(), extremeCard(), extremeCard(400, '😀')]) {
      expect(problems({ text: 'card', blocks: cardBlocks(card, 'en') }, 'message')).toEqual([]);
    }
  });

  it('renderBlocks: every kind of view alone and all together, in messages and views', () => {
    for (const view of everyView()) {
      expect(problems(message([view]), 'message'), view.kind).toEqual([]);
      expect(problems(homeTab([view], 'en'), 'home'), view.kind).toEqual([]);
    }
    expect(problems(message(everyView()), 'message')).toEqual([]);
  });

  it('renderBlocks with extreme inputs: long texts, many cards, long previews', () => {
    const extremes: ChatView[][] = [
      [extremeCard()],
      [
        listOf(
          cards(60, () => extremeCard()),
          500,
        ),
      ],
      [digestOf([40, 40, 40], () => extremeCard())],
      [previewOf(300, chars(10_000), chars(10_000))],
      [detailsOf(extremeCard(), 200)],
      [{ kind: 'text', title: chars(1_000), lines: Array(300).fill(chars(2_999, '&')) }],
      [
        {
          kind: 'error',
          code: 'x',
          message: chars(10_000, '<'),
          details: Array(100).fill(chars(1_000, '>')),
        },
      ],
      [
        {
          kind: 'templates',
          title: chars(1_000),
          empty: '',
          items: Array.from({ length: 80 }, (_, index) => ({
            key: `${index}${chars(1_000)}`,
            name: chars(1_000),
            dataGroup: chars(1_000),
            execution: chars(1_000),
            description: chars(10_000),
          })),
          total: 80,
        },
      ],
    ];
    for (const views of extremes) {
      expect(problems(message(views), 'message'), views[0]!.kind).toEqual([]);
      expect(problems(homeTab(views, 'en'), 'home'), views[0]!.kind).toEqual([]);
      expect(problems(infoModal(chars(100), views, 'en'), 'modal'), views[0]!.kind).toEqual([]);
    }
  });

  it('formModal, ordinary and with 200 choices, 1,000-character texts and 10,000-character values', () => {
    expect(problems(formModal(newActionForm(), formContext, origin), 'modal')).toEqual([]);
    const extreme = newActionForm({ choices: 200, text: chars(10_000), error: chars(10_000, '<') });
    expect(problems(formModal({ ...extreme, title: chars(1_000) }, formContext, origin), 'modal')).toEqual(
      [],
    );
  });

  it('previewModal, infoModal, loadingModal and homeTab', () => {
    expect(problems(previewModal(previewOf(4), 'en', origin), 'modal')).toEqual([]);
    expect(
      problems(previewModal(previewOf(2_000, chars(10_000), chars(10_000)), 'en', origin), 'modal'),
    ).toEqual([]);
    expect(problems(infoModal('#1007', [detailsOf(fullCard())], 'en'), 'modal')).toEqual([]);
    expect(problems(loadingModal(undefined), 'modal')).toEqual([]);
    expect(problems(loadingModal('nl'), 'modal')).toEqual([]);
    const home: ChatView[] = [
      { kind: 'text', title: 'Your actions', lines: ['Use /actie for more.'] },
      listOf(cards(10), 40),
      listOf(cards(10), 40),
      listOf(cards(10), 40),
    ];
    expect(problems(homeTab(home, 'en'), 'home')).toEqual([]);
  });

  it('buttonElement: buttons, menus, people pickers and confirm dialogs, also with extreme texts', () => {
    for (const buttons of [allButtons('act_1'), extremeCard().buttons]) {
      const elements = buttons.map((button) => buttonElement(button, 'en'));
      expect(problems({ text: 'x', blocks: [{ type: 'actions', elements }] }, 'message')).toEqual([]);
    }
  });
});

describe('the limits at their boundaries', () => {
  const button = (fields: Partial<ButtonView>): Json =>
    buttonElement({ verb: 'done', label: 'Done', style: 'primary', payload: 'done:act_1', ...fields }, 'en');
  const header = (title: string) =>
    message([listOf([], 0)].map((view) => ({ ...view, title }))).blocks[0] as Json;

  it('header text: 150 characters stay whole, 151 are cut to 150 with an ellipsis', () => {
    expect(header(chars(150)).text.text).toBe(chars(150));
    expect(header(chars(151)).text.text).toBe(`${chars(149)}…`);
  });

  it('button text 75, value 2,000 and action id 255', () => {
    expect(button({ label: chars(75) }).text.text).toBe(chars(75));
    expect(length(button({ label: chars(76) }).text.text)).toBe(75);
    const payload = `done:${chars(250)}`;
    expect(button({ payload }).action_id).toBe(payload);
    expect(length(button({ payload: `${payload}x` }).action_id)).toBe(255);
    expect(button({ payload: `done:${chars(1_995)}` }).value).toHaveLength(2_000);
    expect(button({ payload: `done:${chars(1_996)}` }).value).toHaveLength(2_000);
  });

  it('menus: 100 options of 75-character labels and 150-character values', () => {
    const menu = (count: number, label = 'Label', value = (index: number) => `snooze:act_1:${index}`) =>
      button({ choices: Array.from({ length: count }, (_, index) => ({ label, payload: value(index) })) });
    expect(menu(100).options).toHaveLength(100);
    expect(menu(101).options).toHaveLength(100);
    expect(menu(1, chars(75)).options[0].text.text).toBe(chars(75));
    expect(length(menu(1, chars(76)).options[0].text.text)).toBe(75);
    expect(menu(1, 'x', () => chars(150)).options[0].value).toBe(chars(150));
    expect(menu(1, 'x', () => chars(151)).options[0].value).toHaveLength(150);
    expect(menu(1).action_id).toBe('menu:done:act_1');
  });

  it('Assign is a people picker; a question becomes a confirm dialog of 100, 300 and 30 characters', () => {
    expect(button({ verb: 'assign-pick', payload: 'assign-pick:act_1' })).toMatchObject({
      type: 'users_select',
      action_id: 'assign-pick:act_1',
    });
    const within = button({ label: chars(100), confirm: chars(300), style: 'danger' }).confirm;
    expect([within.title.text, within.text.text]).toEqual([chars(100), chars(300)]);
    expect(within.style).toBe('danger');
    const over = button({ label: chars(101), confirm: chars(301) }).confirm;
    expect([length(over.title.text), length(over.text.text)]).toEqual([100, 300]);
    expect(length(over.confirm.text)).toBeLessThanOrEqual(30);
    expect(length(over.deny.text)).toBeLessThanOrEqual(30);
  });

  it('fields: ten to a section, each at most 2,000 characters with its label', () => {
    const fieldSections = (count: number, value = 'v') =>
      renderBlocks([previewOf(count, value)], 'en').blocks.filter(
        (block): block is SectionBlock => block.type === 'section' && Boolean(block.fields),
      );
    expect(fieldSections(10).map((block) => block.fields!.length)).toEqual([10]);
    expect(fieldSections(11).map((block) => block.fields!.length)).toEqual([10, 1]);
    const long = fieldSections(1, chars(10_000))[0]!.fields![0]!.text;
    expect(length(long)).toBe(2_000);
    expect(long).toMatch(/^\*Change field 0\*\nx+…$/);
  });

  it('actions: 25 elements at most', () => {
    const buttons = (count: number) =>
      Array.from(
        { length: count },
        (_, index): ButtonView => ({
          verb: 'details',
          label: `B${index}`,
          style: 'default',
          payload: `details:act_${index}`,
        }),
      );
    const actionsOf = (count: number) =>
      cardBlocks(fullCard({ buttons: buttons(count) }), 'en').find(
        (block): block is ActionsBlock => block.type === 'actions',
      )!;
    expect(actionsOf(25).elements).toHaveLength(25);
    expect(actionsOf(26).elements).toHaveLength(25);
  });

  it('section text: a 3,000-character line is one section, a 3,001-character line two, nothing lost', () => {
    const sections = (line: string) =>
      renderBlocks([{ kind: 'text', lines: [line] }], 'en').blocks.map(
        (block) => (block as Json).text.text as string,
      );
    expect(sections(chars(3_000))).toEqual([chars(3_000)]);
    expect(sections(chars(3_001))).toEqual([chars(3_000), 'x']);
  });

  it('modal title, submit and close: 24 characters', () => {
    const form = (title: string, submitLabel: string): FormView => ({
      ...newActionForm(),
      title,
      submitLabel,
    });
    const within = formModal(form(chars(24), chars(24)), formContext, origin) as Json;
    expect([within.title.text, within.submit.text]).toEqual([chars(24), chars(24)]);
    const over = formModal(form(chars(25), chars(25)), formContext, origin) as Json;
    expect([length(over.title.text), length(over.submit.text), length(over.close.text)]).toEqual([24, 24, 5]);
  });

  it('private metadata: the origin fits in 3,000 characters, or only the form id is kept', () => {
    const kept = formModal(newActionForm(), formContext, origin).private_metadata!;
    expect(decodeMetadata(kept)).toEqual({ id: 'form:new-action', ...origin });
    const absurd = { ...origin, responseUrl: `https://hooks.slack.com/${chars(3_000)}` };
    const dropped = formModal(newActionForm(), formContext, absurd).private_metadata!;
    expect(decodeMetadata(dropped)).toEqual({ id: 'form:new-action' });
  });

  it('inputs: labels and hints of 2,000, max_length within 1–3,000, initial values within max_length', () => {
    const input = (form: FormView, name: string): Json =>
      (formModal(form, formContext, origin).blocks as Json[]).find((block) => block.block_id === name);
    const base = newActionForm();
    const withField = (name: string, fields: Json) => ({
      ...base,
      fields: base.fields.map((field) => (field.name === name ? { ...field, ...fields } : field)),
    });
    expect(
      input(withField('template', { label: chars(2_000), hint: chars(2_000) }), 'template').label.text,
    ).toBe(chars(2_000));
    const over = input(withField('template', { label: chars(2_001), hint: chars(2_001) }), 'template');
    expect([length(over.label.text), length(over.hint.text)]).toEqual([2_000, 2_000]);
    expect(input(withField('remarks', { maxLength: 3_000 }), 'remarks').element.max_length).toBe(3_000);
    expect(input(withField('remarks', { maxLength: 3_001 }), 'remarks').element.max_length).toBe(3_000);
    const title = input(withField('title', { maxLength: 200, value: chars(500) }), 'title').element;
    expect([title.max_length, length(title.initial_value)]).toEqual([200, 200]);
  });

  it('selects: 100 options, and a chosen option past the hundredth stays among them', () => {
    const select = (choices: number): Json =>
      (formModal(newActionForm({ choices }), formContext, origin).blocks as Json[]).find(
        (block) => block.block_id === 'template',
      ).element;
    expect(select(100).options).toHaveLength(100);
    const many = select(200);
    expect(many.options).toHaveLength(100);
    expect(many.initial_option.value).toBe('tpl_199');
    expect(many.options.map((option: Json) => option.value)).toContain('tpl_199');
  });

  it('a message holds 50 blocks, a modal or home 100', () => {
    const blocksIn = (payload: { blocks: unknown[] }) => payload.blocks.length;
    expect(blocksIn(message([listOf(cards(60), 60)]))).toBeLessThanOrEqual(50);
    expect(blocksIn(message([listOf(cards(60), 60)]))).toBeGreaterThanOrEqual(48);
    expect(blocksIn(homeTab([listOf(cards(60), 60)], 'en'))).toBeGreaterThanOrEqual(98);
    expect(blocksIn(homeTab([listOf(cards(60), 60)], 'en'))).toBeLessThanOrEqual(100);
  });
});
