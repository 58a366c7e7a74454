import type { KnownBlock } from '@slack/types';
import type { ChatView } from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { type BlockBudget, viewBlocks } from './blocks.js';
import { mrkdwn, SLACK_LIMITS } from './limits.js';

export interface SlackMessage {
  /** The text fallback every message carries: notifications, screen readers, clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

/**
 * A plain summary of the views, for notifications and clients that cannot show blocks. Slack reads this
 * field as mrkdwn too, and decides from it whom a message notifies, so user data is escaped here as well:
 * a title "<!channel>" must not ping a channel.
 */
export function fallbackText(views: readonly ChatView[], locale: Locale): string {
  const lines: string[] = [];
  for (const view of views) {
    switch (view.kind) {
      case 'action-card':
        lines.push(`#${view.number} ${view.title} — ${view.colourLabel}, ${view.stateLabel}, ${view.window}`);
        break;
      case 'list':
        lines.push(
          `${view.title}: ${view.items.length === 0 ? view.empty : view.items.map((item) => `#${item.number} ${item.title}`).join('; ')}`,
        );
        break;
      case 'digest':
        lines.push(
          `${view.title}: ${view.sections.map((part) => `${part.heading} ${part.total}`).join(', ')}`,
        );
        break;
      case 'preview':
        lines.push(view.title, ...(view.problem ? [view.problem] : []));
        break;
      case 'text':
        lines.push(...(view.title ? [view.title] : []), ...view.lines);
        break;
      case 'error':
        lines.push(`${say(locale, 'error.title')}: ${view.message}`);
        break;
      case 'templates':
        lines.push(`${view.title}: ${view.items.map((item) => item.key).join(', ') || view.empty}`);
        break;
      case 'action-details':
        lines.push(`#${view.card.number} ${view.card.title} — ${view.card.stateLabel}`);
        break;
      case 'form':
        lines.push(view.title);
        break;
    }
  }
  const text = lines.join('\n');
  return mrkdwn(text.trim() ? text : 'Stempel', SLACK_LIMITS.fallbackText);
}

/** Views as one message (or view body) within `maxBlocks` (50 in a message, 100 in a modal or home). */
export function renderBlocks(
  views: readonly ChatView[],
  locale: Locale,
  maxBlocks: number = SLACK_LIMITS.messageBlocks,
): SlackMessage {
  const budget: BlockBudget = { left: maxBlocks };
  const blocks = views.flatMap((view) => viewBlocks(view, locale, budget));
  return { text: fallbackText(views, locale), blocks };
}
