import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/render/messages.js';
import { formModal, homeTab, infoModal, previewModal } from '../../adapters/slack/render/modals.js';
import type { ChatView } from '../../src/chat/model.js';
import { blockKitProblems } from './block-kit.js';
import {
  cards,
  chars,
  detailsOf,
  digestOf,
  everyView,
  fullCard,
  listOf,
  newActionForm,
  previewOf,
} from './render-views.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit payloads are read as loose JSON here.
type Json = any;

const length = (text: string) => [...text].length;
const texts = (blocks: unknown[]): string[] =>
  (blocks as Json[]).map((block) => block.text?.text ?? block.elements?.[0]?.text ?? '');
/** The cards shown: each begins with a section "#<number> *<title>*". */
const cardsShown = (blocks: unknown[]) => texts(blocks).filter((text) => /^#\d+ \*/.test(text)).length;
const moreLines = (blocks: unknown[]) =>
  (blocks as Json[])
    .filter((block) => block.type === 'context')
    .map((block) => block.elements[0].text as string)
    .filter((text) => text.startsWith('…'));
const hiddenIn = (line: string) => Number(/(\d+)/.exec(line)![1]);

describe('"… and N more" when content does not fit', () => {
  it('a list of 60 cards shows as many as fit and says how many more there are', () => {
    const { blocks } = renderBlocks([listOf(cards(60))], 'en');
    expect(blocks.length).toBeLessThanOrEqual(50);
    const shown = cardsShown(blocks);
    expect(shown).toBe(12);
    expect(moreLines(blocks)).toEqual([`… and ${60 - shown} more`]);
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '… and 48 more' }] });
  });

  it('counts the matches that were not even loaded, and speaks the reader’s language', () => {
    const { blocks } = renderBlocks([listOf(cards(60), 250)], 'nl');
    expect(moreLines(blocks)).toEqual([`… en nog ${250 - cardsShown(blocks)}`]);
  });

  it('says "more than" when the count stopped at its bound', () => {
    const { blocks } = renderBlocks([{ ...listOf(cards(60), 1000), totalExact: false }], 'en');
    expect(moreLines(blocks)).toEqual([`… and more than ${1000 - cardsShown(blocks)} more`]);
  });

  it('fits twice as many in the App Home, and none are hidden when all fit', () => {
    const home = homeTab([listOf(cards(60))], 'en');
    const shown = cardsShown(home.blocks);
    expect(shown).toBe(24);
    expect(moreLines(home.blocks)).toEqual([`… and ${60 - shown} more`]);
    const all = renderBlocks([listOf(cards(12))], 'en');
    expect([cardsShown(all.blocks), moreLines(all.blocks)]).toEqual([12, []]);
  });

  it('a digest with many sections accounts for every card: shown, or counted in a "… more"', () => {
    for (const sizes of [
      [30, 30, 30],
      [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      [0, 40, 0, 5],
    ]) {
      const digest = digestOf(sizes);
      for (const payload of [renderBlocks([digest], 'en'), homeTab([digest], 'en')]) {
        const shown = cardsShown(payload.blocks);
        const hidden = moreLines(payload.blocks).reduce((sum, line) => sum + hiddenIn(line), 0);
        expect(shown + hidden, sizes.join(',')).toBe(sizes.reduce((sum, size) => sum + size, 0));
        expect(shown).toBeGreaterThan(0);
      }
    }
  });

  it('a digest section that no longer fits is counted at the end, not dropped', () => {
    const { blocks } = renderBlocks([digestOf([30, 30, 30])], 'en');
    const headings = texts(blocks).filter((text) => /^\*Section \d\*$/.test(text));
    expect(headings).toEqual(['*Section 1*', '*Section 2*']);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(moreLines(blocks).at(-1)).toBe('… and 30 more');
  });

  it('a text view whose lines exceed 3,000 characters is split over sections, nothing lost', () => {
    const line = `${chars(4_000, 'a')}${chars(3_000, 'b')}`;
    const { blocks } = renderBlocks([{ kind: 'text', lines: ['first', line, 'last'] }], 'en');
    const parts = texts(blocks);
    expect(parts.every((part) => length(part) <= 3_000)).toBe(true);
    expect(parts).toEqual([
      'first',
      line.slice(0, 3_000),
      line.slice(3_000, 6_000),
      `${line.slice(6_000)}\nlast`,
    ]);
    expect(parts.join('').replace(/\n/g, '')).toBe(`first${line}last`);
  });

  it('splits escaped text between entities, and counts the lines that did not fit', () => {
    const { blocks } = renderBlocks([{ kind: 'text', lines: [chars(1_000, '&')] }], 'en');
    expect(texts(blocks).map(length)).toEqual([3_000, 2_000]);
    expect(texts(blocks).join('')).toBe(chars(1_000, '&amp;'));
    const many = renderBlocks([{ kind: 'text', title: 'Log', lines: Array(120).fill(chars(2_000)) }], 'en');
    expect(many.blocks).toHaveLength(50);
    expect(moreLines(many.blocks)).toEqual([`… and ${120 - 48} more`]);
  });

  it('a preview too long for a modal keeps its title, its problem and Confirm, and counts the rest', () => {
    const modal = previewModal(previewOf(2_000, 'x', 'No e-mail address'), 'en', {}) as Json;
    expect(modal.blocks).toHaveLength(100);
    expect(modal.blocks[0].text.text).toBe('Execute action 1007?');
    expect(modal.blocks.at(-1).text.text).toBe(':warning: No e-mail address');
    expect(moreLines(modal.blocks)).toEqual([`… and ${2_000 - 97 * 10} more`]);
    expect(modal.submit.text).toBe('Confirm');
    const message = renderBlocks([previewOf(2_000)], 'en').blocks as Json[];
    expect(message.at(-1).type).toBe('actions');
    expect(message.at(-1).elements[0].action_id).toBe('confirm-execute:act_7');
  });

  it('a details modal with a long history stays within 100 blocks', () => {
    const modal = infoModal('#1', [detailsOf(fullCard(), 300)], 'en');
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    expect(blockKitProblems(JSON.parse(JSON.stringify(modal)), 'modal')).toEqual([]);
  });
});

describe('texts are clipped by code point', () => {
  const emoji = (count: number) => chars(count, '😀');

  it('titles of emoji and other astral characters are cut between characters, never inside one', () => {
    const modal = formModal(
      { ...newActionForm(), title: emoji(30), submitLabel: chars(30, '𝔸') },
      { locale: 'en', slackUserOf: () => undefined },
      {},
    ) as Json;
    expect(modal.title.text).toBe(`${emoji(23)}…`);
    expect(modal.submit.text).toBe(`${chars(23, '𝔸')}…`);
    const { blocks } = renderBlocks([{ ...listOf([]), title: emoji(200) }], 'en');
    expect((blocks[0] as Json).text.text).toBe(`${emoji(149)}…`);
    const card = renderBlocks([fullCard({ title: emoji(2_000) })], 'en');
    expect(blockKitProblems(JSON.parse(JSON.stringify(card)), 'message')).toEqual([]);
    expect(texts(card.blocks)[0]).toContain(`*${emoji(999)}…*`);
  });

  it('emoji count once each: 150 fit a header exactly', () => {
    const { blocks } = renderBlocks([{ ...listOf([]), title: emoji(150) }], 'en');
    expect((blocks[0] as Json).text.text).toBe(emoji(150));
  });
});

describe('user data cannot inject mrkdwn links or mentions', () => {
  const evil = '<!channel> & <https://evil.example|click here> <@U123>';
  const escaped = '&lt;!channel&gt; &amp; &lt;https://evil.example|click here&gt; &lt;@U123&gt;';

  it('is escaped in every mrkdwn text of a card, a list, a digest, a preview, details, an error', () => {
    const card = fullCard({
      title: evil,
      recordLabel: evil,
      ownerName: evil,
      window: evil,
      stateLabel: evil,
      colourLabel: evil,
      processSummary: evil,
      reason: evil,
    });
    const views: ChatView[] = [
      card,
      listOf([fullCard({ title: evil })]),
      { ...digestOf([1]), sections: [{ colour: 'today', heading: evil, items: [fullCard()], total: 1 }] },
      { ...previewOf(1), lines: [{ label: evil, value: evil }], problem: evil },
      detailsOf(fullCard({ title: evil }), 2),
      { kind: 'text', title: evil, lines: [evil] },
      { kind: 'error', code: 'x', message: evil, details: [evil] },
      {
        kind: 'templates',
        title: evil,
        empty: evil,
        items: [{ key: evil, name: evil, dataGroup: evil, execution: evil, description: evil }],
        total: 1,
      },
    ];
    for (const view of views) {
      const payload = JSON.parse(JSON.stringify(renderBlocks([view], 'en')));
      expect(blockKitProblems(payload, 'message'), view.kind).toEqual([]);
      expect(JSON.stringify(payload), view.kind).toContain(escaped.slice(0, 20));
    }
    const first = texts(renderBlocks([card], 'en').blocks)[0]!;
    expect(first).toBe(`#${card.number} *${escaped}*\n${escaped}`);
  });

  it('is escaped in the text fallback, which Slack reads as mrkdwn and notifies from', () => {
    const { text } = renderBlocks([fullCard({ title: evil })], 'en');
    expect(text).toContain(escaped);
    expect(text).not.toMatch(/[<>]/);
  });

  it('is escaped in a form’s intro and field errors; plain-text labels stay as typed', () => {
    const modal = formModal(
      { ...newActionForm({ text: evil, error: evil }), intro: evil },
      { locale: 'en', slackUserOf: () => undefined },
      {},
    ) as Json;
    expect(blockKitProblems(JSON.parse(JSON.stringify(modal)), 'modal')).toEqual([]);
    expect(modal.blocks[0].text.text).toBe(escaped);
    const label = modal.blocks.find((block: Json) => block.block_id === 'template').label;
    expect(label).toEqual({ type: 'plain_text', text: evil, emoji: true });
  });
});

describe('every message has a text fallback', () => {
  it('non-empty and at most 3,000 characters for every kind of view, and for none', () => {
    const cases: ChatView[][] = [
      ...everyView().map((view) => [view]),
      [],
      [{ kind: 'text', lines: [] }],
      [{ kind: 'text', lines: ['', ' '] }],
      [listOf(cards(60, () => fullCard({ title: chars(1_000) })))],
      [{ kind: 'text', lines: [chars(10_000, '<')] }],
    ];
    for (const views of cases) {
      const { text } = renderBlocks(views, 'en');
      expect(text.trim().length, JSON.stringify(views.map((view) => view.kind))).toBeGreaterThan(0);
      expect(length(text)).toBeLessThanOrEqual(3_000);
      expect(text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    }
  });

  it('summarises what the blocks show', () => {
    const card = fullCard();
    expect(renderBlocks([card], 'en').text).toBe(
      `#${card.number} ${card.title} — Overdue, Open, ${card.window}`,
    );
    expect(renderBlocks([listOf([])], 'nl').text).toBe('My actions: No actions match.');
  });
});
