import type { KnownBlock, SectionBlock } from '@slack/types';
import type {
  ActionCardView,
  ActionDetailsView,
  ChatView,
  DigestView,
  ErrorView,
  FactView,
  ListView,
  PreviewView,
  TemplateListView,
  TextView,
} from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { buttonElement, plain } from './elements.js';
import { clipEscaped, length, mrkdwn, SLACK_LIMITS, splitMrkdwn } from './limits.js';

/** The colour code as a sign beside its word: never colour alone (docs/slack.md). */
const colourSign: Record<ActionCardView['colour'], string> = {
  overdue: '🔴',
  today: '🟠',
  future: '⚪',
  closed: '✅',
};

export interface BlockBudget {
  /** Blocks still free in this message or view. */
  left: number;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: text || ' ' } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: text || ' ' }] };
}

function header(text: string): KnownBlock {
  return { type: 'header', text: plain(text, SLACK_LIMITS.headerText) };
}

/** "… and N more"; "more than N" when the total was a bound (`exact` false). */
function moreLine(locale: Locale, hidden: number, exact = true): KnownBlock {
  return context(say(locale, exact ? 'more.items' : 'more.items-at-least', { count: hidden }));
}

/** Label–value pairs as section fields, ten at most per section (Block Kit), values clipped. */
function factSections(facts: readonly FactView[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  for (let index = 0; index < facts.length; index += SLACK_LIMITS.sectionFields) {
    sections.push({
      type: 'section',
      fields: facts.slice(index, index + SLACK_LIMITS.sectionFields).map((fact) => ({
        type: 'mrkdwn' as const,
        text: factText(fact),
      })),
    });
  }
  return sections;
}

/** `*label*` over its value, the two within one field's limit; the value gets what the label leaves. */
function factText(fact: FactView): string {
  const label = `*${mrkdwn(fact.label, 200)}*\n`;
  return `${label}${mrkdwn(fact.value, SLACK_LIMITS.fieldText - length(label))}`;
}

/** One action: title and record, a line of facts with its colour in a word, what it does, its buttons. */
export function cardBlocks(card: ActionCardView, locale: Locale): KnownBlock[] {
  const facts = [
    `${colourSign[card.colour]} *${mrkdwn(card.colourLabel, 100)}*`,
    mrkdwn(card.stateLabel, 100),
    mrkdwn(say(locale, `execution.${card.execution}`), 100),
    mrkdwn(`${say(locale, 'fact.owner')}: ${card.ownerName ?? say(locale, 'fact.nobody')}`, 300),
    mrkdwn(card.window, 200),
  ].join(' · ');
  const blocks: KnownBlock[] = [
    section(
      `${mrkdwn(`#${card.number} `, 20)}*${mrkdwn(card.title, 1_000)}*\n${mrkdwn(card.recordLabel, 1_000)}`,
    ),
    context(facts),
  ];
  const extra = [
    ...(card.processSummary ? [`⚙ ${mrkdwn(card.processSummary, 1_000)}`] : []),
    // Together within one section's 3,000 characters.
    ...(card.reason ? [`_${mrkdwn(card.reason, 1_000)}_`] : []),
    ...(card.remarks ? [`💬 ${mrkdwn(card.remarks, 900)}`] : []),
  ];
  if (extra.length > 0) blocks.push(section(extra.join('\n')));
  if (card.buttons.length > 0) {
    blocks.push({
      type: 'actions',
      elements: card.buttons
        .slice(0, SLACK_LIMITS.actionsElements)
        .map((button) => buttonElement(button, locale)),
    });
  }
  return blocks;
}

/** Cards while they fit, keeping one block for "… and N more". */
function cardsWithin(
  items: readonly ActionCardView[],
  total: number,
  locale: Locale,
  budget: BlockBudget,
  exact = true,
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let shown = 0;
  const all = Math.max(total, items.length);
  for (const item of items) {
    const card = cardBlocks(item, locale);
    const reserve = shown + 1 < all ? 1 : 0;
    if (card.length + reserve > budget.left) break;
    blocks.push(...card);
    budget.left -= card.length;
    shown += 1;
  }
  if (shown < all && budget.left > 0) {
    blocks.push(moreLine(locale, all - shown, exact));
    budget.left -= 1;
  }
  return blocks;
}

function take(blocks: KnownBlock[], budget: BlockBudget): KnownBlock[] {
  const taken = blocks.slice(0, Math.max(0, budget.left));
  budget.left -= taken.length;
  return taken;
}

function listBlocks(view: ListView, locale: Locale, budget: BlockBudget): KnownBlock[] {
  const head = take([header(view.title)], budget);
  if (view.items.length === 0) return [...head, ...take([section(`_${mrkdwn(view.empty, 500)}_`)], budget)];
  return [...head, ...cardsWithin(view.items, view.total, locale, budget, view.totalExact)];
}

/**
 * Each colour's heading and cards while they fit. A section that no longer fits is not dropped in
 * silence: its cards, and those of every section after it, are counted in one "… and N more" at the end.
 */
function digestBlocks(view: DigestView, locale: Locale, budget: BlockBudget): KnownBlock[] {
  // The counts and notes come first and always show; "… and N more" keeps its place at the end.
  const reserveMore = view.more ? 1 : 0;
  const blocks = take(
    [
      header(view.title),
      ...factSections(view.summary),
      ...(view.notes.length > 0 ? [context(view.notes.map((note) => mrkdwn(note, 600)).join('\n'))] : []),
    ],
    budget,
  );
  budget.left -= reserveMore;
  const counts = view.sections.map((part) => Math.max(part.total, part.items.length));
  let hidden = 0;
  view.sections.forEach((part, index) => {
    const later = counts.slice(index + 1).some((count) => count > 0) ? 1 : 0;
    const needed = counts[index]! > 0 ? 2 : 1;
    if (hidden > 0 || budget.left - later < needed) {
      hidden += counts[index]!;
      return;
    }
    const own: BlockBudget = { left: budget.left - later };
    blocks.push(...take([section(`*${mrkdwn(part.heading, 500)}*`)], own));
    blocks.push(...cardsWithin(part.items, part.total, locale, own));
    budget.left = own.left + later;
  });
  if (hidden > 0 && budget.left > 0) {
    blocks.push(moreLine(locale, hidden));
    budget.left -= 1;
  }
  budget.left += reserveMore;
  if (view.more) blocks.push(...take([context(mrkdwn(view.more, 600))], budget));
  return blocks;
}

/**
 * Exactly what Execute will do, within `maxBlocks`: the title, the problem and the buttons always show;
 * facts that do not fit are counted in "… and N more".
 */
export function previewBlocks(
  view: PreviewView,
  locale: Locale,
  withButtons: boolean,
  maxBlocks: number,
): KnownBlock[] {
  const tail: KnownBlock[] = [];
  if (view.problem) tail.push(section(`:warning: ${mrkdwn(view.problem, 2_900)}`));
  if (withButtons && view.buttons.length > 0) {
    tail.push({
      type: 'actions',
      elements: view.buttons
        .slice(0, SLACK_LIMITS.actionsElements)
        .map((button) => buttonElement(button, locale)),
    });
  }
  const room = maxBlocks - 1 - tail.length;
  if (room < 0) return [];
  if (Math.ceil(view.lines.length / SLACK_LIMITS.sectionFields) <= room)
    return [header(view.title), ...factSections(view.lines), ...tail];
  const shown = view.lines.slice(0, Math.max(0, room - 1) * SLACK_LIMITS.sectionFields);
  const more = room > 0 ? [moreLine(locale, view.lines.length - shown.length)] : [];
  return [header(view.title), ...factSections(shown), ...more, ...tail];
}

/** Lines as sections of at most 3,000 characters; a longer line is split over several, never cut. */
function textSections(lines: readonly string[]): Array<{ text: string; linesDone: number }> {
  const sections: Array<{ text: string; linesDone: number }> = [];
  let chunk = '';
  let used = 0;
  let done = 0;
  lines.forEach((line, index) => {
    for (const piece of splitMrkdwn(line, SLACK_LIMITS.sectionText)) {
      const size = length(piece);
      if (chunk && used + size + 1 > SLACK_LIMITS.sectionText) {
        sections.push({ text: chunk, linesDone: done });
        chunk = '';
      }
      used = chunk ? used + size + 1 : size;
      chunk = chunk ? `${chunk}\n${piece}` : piece;
    }
    done = index + 1;
  });
  if (chunk) sections.push({ text: chunk, linesDone: done });
  return sections;
}

/** A text view within `maxBlocks`; lines that do not fit are counted in "… and N more". */
function textBlocks(view: TextView, locale: Locale, maxBlocks: number): KnownBlock[] {
  const head: KnownBlock[] = view.title ? [header(view.title)] : [];
  const sections = textSections(view.lines);
  const room = maxBlocks - head.length;
  if (sections.length <= room)
    return [...head, ...sections.map((part) => section(part.text))].slice(0, maxBlocks);
  const shown = sections.slice(0, Math.max(0, room - 1));
  const hidden = view.lines.length - (shown.at(-1)?.linesDone ?? 0);
  return [...head, ...shown.map((part) => section(part.text)), moreLine(locale, hidden)].slice(0, maxBlocks);
}

function errorBlocks(view: ErrorView, locale: Locale): KnownBlock[] {
  const details = view.details.map((detail) => `• ${mrkdwn(detail, 500)}`).join('\n');
  return [
    section(
      clipEscaped(
        `:warning: *${mrkdwn(say(locale, 'error.title'), 100)}*\n${mrkdwn(view.message, 2_000)}${details ? `\n${details}` : ''}`,
        SLACK_LIMITS.sectionText,
      ),
    ),
  ];
}

function templateBlocks(view: TemplateListView, locale: Locale, budget: BlockBudget): KnownBlock[] {
  const blocks = take([header(view.title)], budget);
  if (view.items.length === 0) return [...blocks, ...take([section(`_${mrkdwn(view.empty, 500)}_`)], budget)];
  let shown = 0;
  const all = Math.max(view.total, view.items.length);
  for (const item of view.items) {
    if (budget.left <= (shown + 1 < all ? 1 : 0)) break;
    const line = `*${mrkdwn(item.name, 500)}* \`${mrkdwn(item.key, 100)}\`\n${mrkdwn(
      `${item.dataGroup} · ${item.execution}${item.description ? ` — ${item.description}` : ''}`,
      2_000,
    )}`;
    blocks.push(section(line));
    budget.left -= 1;
    shown += 1;
  }
  if (shown < all && budget.left > 0) {
    blocks.push(moreLine(locale, all - shown));
    budget.left -= 1;
  }
  return blocks;
}

function detailsBlocks(view: ActionDetailsView, locale: Locale, budget: BlockBudget): KnownBlock[] {
  const blocks = take([...cardBlocks(view.card, locale), ...factSections(view.facts)], budget);
  const lines = view.history.map((entry) => `${mrkdwn(entry.at, 60)} — ${mrkdwn(entry.text, 400)}`);
  const history = textBlocks(
    { kind: 'text', title: say(locale, 'details.history'), lines },
    locale,
    budget.left,
  );
  blocks.push(...take(history, budget));
  if (view.olderHistory > 0)
    blocks.push(...take([context(say(locale, 'details.older', { count: view.olderHistory }))], budget));
  return blocks;
}

/** The blocks of one view, within what is left of the budget. */
export function viewBlocks(view: ChatView, locale: Locale, budget: BlockBudget): KnownBlock[] {
  switch (view.kind) {
    case 'action-card':
      return budget.left >= cardBlocks(view, locale).length ? take(cardBlocks(view, locale), budget) : [];
    case 'list':
      return listBlocks(view, locale, budget);
    case 'digest':
      return digestBlocks(view, locale, budget);
    case 'preview':
      return take(previewBlocks(view, locale, true, budget.left), budget);
    case 'text':
      return take(textBlocks(view, locale, budget.left), budget);
    case 'error':
      return take(errorBlocks(view, locale), budget);
    case 'templates':
      return templateBlocks(view, locale, budget);
    case 'action-details':
      return detailsBlocks(view, locale, budget);
    case 'form':
      // A form in a message is a button that opens it (forms are modals in Slack); see messages.ts.
      return [];
  }
}
