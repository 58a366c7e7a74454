import type { ChatView } from '../../../src/chat/model.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { CardHome } from '../card-data.js';
import { teamsText } from '../texts.js';
import { actionCardElements, detailsElements } from './card.js';
import {
  type AdaptiveCard,
  type CardElement,
  type ContentLimits,
  executeAction,
  type RenderState,
  TEAMS_LIMITS,
} from './elements.js';
import { formElements } from './form.js';
import {
  digestElements,
  errorElements,
  listElements,
  previewElements,
  templateElements,
  textElements,
} from './views.js';

export type { AdaptiveCard } from './elements.js';
export { TEAMS_LIMITS } from './elements.js';

export interface TeamsCardOptions {
  locale: Locale;
  /** What the card shows when rendered again: after a button acted, on Back, and on refresh. */
  home?: CardHome;
  /**
   * Teams users (their `29:…` ids) for whom Teams refreshes the card whenever they look at it, so each
   * sees its current state with their own rights. `[]`: refresh on request only (the card's menu).
   * Undefined, or no home: no refresh.
   */
  refreshUserIds?: readonly string[];
  /** Offer Back to the home (forms, previews and details opened from a card). */
  back?: boolean;
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Generous first, then ever tighter, until the card fits Teams' size limit. */
const limitSteps: readonly ContentLimits[] = [
  { items: 20, options: 100, history: 15, textChars: 2_000 },
  { items: 10, options: 50, history: 8, textChars: 1_000 },
  { items: 5, options: 25, history: 4, textChars: 500 },
  { items: 2, options: 10, history: 2, textChars: 200 },
  { items: 1, options: 5, history: 1, textChars: 100 },
];

function elementsOf(view: ChatView, state: RenderState, back: boolean): CardElement[] {
  switch (view.kind) {
    case 'action-card':
      return actionCardElements(view, state);
    case 'list':
      return listElements(view, state);
    case 'digest':
      return digestElements(view, state);
    case 'preview':
      return previewElements(view, state, back);
    case 'form':
      return formElements(view, state, back);
    case 'action-details':
      return detailsElements(view, state);
    case 'templates':
      return templateElements(view, state);
    case 'text':
      return textElements(view, state);
    case 'error':
      return errorElements(view, state);
  }
}

function build(views: readonly ChatView[], options: TeamsCardOptions, limits: ContentLimits): AdaptiveCard {
  const state: RenderState = { locale: options.locale, home: options.home, limits };
  const body = views.flatMap((view, index) => {
    const elements = elementsOf(view, state, options.back ?? false);
    const [first, ...rest] = elements;
    return index > 0 && first ? [{ ...first, separator: true }, ...rest] : elements;
  });
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body,
    ...(options.home && options.refreshUserIds
      ? {
          refresh: {
            action: executeAction('refresh', 'refresh', { s: 'refresh', h: options.home }),
            userIds: [...options.refreshUserIds],
          },
        }
      : {}),
  };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Neutral views as one Adaptive Card 1.5 with Universal Actions (docs/teams.md). Lists, option lists,
 * histories and long texts are cut back step by step until the card fits Teams' budget, saying how many
 * were left out; should even the tightest step not fit, the card says so instead of failing to send.
 */
export function renderTeamsCard(views: readonly ChatView[], options: TeamsCardOptions): AdaptiveCard {
  for (const limits of limitSteps) {
    const card = build(views, options, limits);
    if (cardBytes(card) <= TEAMS_LIMITS.cardBytes) return card;
  }
  return build([{ kind: 'text', lines: [teamsText(options.locale, 'too-large')] }], options, limitSteps[0]!);
}

/** The first line of text the views show: the notification preview of a message. */
export function summaryOf(views: readonly ChatView[], locale: Locale): string {
  for (const view of views) {
    if (view.kind === 'text') return view.title ?? view.lines[0] ?? '';
    if (view.kind === 'error') return view.message;
    if (view.kind === 'action-card') return `#${view.number} · ${view.title}`;
    if ('title' in view && typeof view.title === 'string') return view.title;
  }
  return teamsText(locale, 'summary.default');
}
