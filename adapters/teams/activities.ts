import { Activity } from '@microsoft/agents-activity';
import type { AdaptiveCard } from './render/index.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A message carrying one card; `summary` is what notifications and the chat list show of it. */
export function cardMessage(card: AdaptiveCard, summary: string): Activity {
  return Activity.fromObject({
    type: 'message',
    summary: summary.slice(0, 200),
    attachments: [{ contentType: ADAPTIVE_CARD, content: card }],
  });
}
