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
import { mrkdwn, SLACK_LIMITS } from './limits.js';

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

function moreLine(locale: Locale, hidden: number): KnownBlock {
  return context(say(locale, 'more.items', { count: hidden }));
}

/** Label–value pairs as section fields, ten at most per section (Block Kit), values clipped. */
function factSections(facts: readonly FactView[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  for (let index = 0; index < facts.length; index += SLACK_LIMITS.sectionFields) {
    sections.push({
      type: 'section',
      fields: facts.slice(index, index + SLACK_LIMITS.sectionFields).map((fact) => ({
        type: 'mrkdwn' as const,
        text: mrkdwn(`${fact.label}\n${fact.value}`, SLACK_LIMITS.fieldText).replace(/^([^\n]*)/, '*$1*'),
      })),
    });
  }
  return sections;
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
    ...(card.reason ? [`_${mrkdwn(card.reason, 1_500)}_`] : []),
    ...(card.remarks ? [`💬 ${mrkdwn(card.remarks, 1_000)}`] : []),
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
    blocks.push(moreLine(locale, all - shown));
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
  return [...head, ...cardsWithin(view.items, view.total, locale, budget)];
}

function digestBlocks(view: DigestView, locale: Locale, budget: BlockBudget): KnownBlock[] {
  const blocks = take([header(view.title)], budget);
  for (const part of view.sections) {
    blocks.push(...take([section(`*${mrkdwn(part.heading, 500)}*`)], budget));
    blocks.push(...cardsWithin(part.items, part.total, locale, budget));
  }
  return blocks;
}

export function previewBlocks(view: PreviewView, locale: Locale, withButtons: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [header(view.title), ...factSections(view.lines)];
  if (view.problem) blocks.push(section(`:warning: ${mrkdwn(view.problem, 2_900)}`));
  if (withButtons && view.buttons.length > 0) {
    blocks.push({ type: 'actions', elements: view.buttons.map((button) => buttonElement(button, locale)) });
  }
  return blocks;
}

function textBlocks(view: TextView): KnownBlock[] {
  const blocks: KnownBlock[] = view.title ? [header(view.title)] : [];
  let chunk = '';
  for (const line of view.lines) {
    const escaped = mrkdwn(line, SLACK_LIMITS.sectionText);
    if (chunk && chunk.length + escaped.length + 1 > SLACK_LIMITS.sectionText) {
      blocks.push(section(chunk));
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${escaped}` : escaped;
  }
  if (chunk) blocks.push(section(chunk));
  return blocks;
}

function errorBlocks(view: ErrorView, locale: Locale): KnownBlock[] {
  const details = view.details.map((detail) => `• ${mrkdwn(detail, 500)}`).join('\n');
  return [
    section(
      `:warning: *${mrkdwn(say(locale, 'error.title'), 100)}*\n${mrkdwn(view.message, 2_000)}${details ? `\n${details}` : ''}`.slice(
        0,
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

export function detailsBlocks(view: ActionDetailsView, locale: Locale, budget: BlockBudget): KnownBlock[] {
  const blocks = take([...cardBlocks(view.card, locale), ...factSections(view.facts)], budget);
  const lines = view.history.map((entry) => `${mrkdwn(entry.at, 60)} — ${mrkdwn(entry.text, 400)}`);
  const history = textBlocks({ kind: 'text', title: say(locale, 'details.history'), lines });
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
      return take(previewBlocks(view, locale, true), budget);
    case 'text':
      return take(textBlocks(view), budget);
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
