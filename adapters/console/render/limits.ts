import type { Locale } from '../../../src/domain/i18n/locale.js';
import { consoleText } from '../texts.js';
import { html, type SafeHtml } from './html.js';

/**
 * What one rendered view may hold. A browser copes with more, but people do not: past these the console
 * says how many more there are and points to filters instead of growing the page without end.
 */
export const CONSOLE_LIMITS = {
  cardsPerList: 20,
  cardsPerDigestSection: 10,
  cardsPerBoardColumn: 30,
  templates: 50,
  textLines: 40,
  /** Characters of one preview value (an e-mail body, a webhook payload). */
  previewValue: 2_000,
  titleLength: 200,
} as const;

/**
 * "… and N more" when `shown` of `total` are on screen; nothing when all are. A bounded count (`exact`
 * false: at least `total` matched) says "more than N".
 */
export function moreLine(locale: Locale, total: number, shown: number, exact = true): SafeHtml | undefined {
  const hidden = total - shown;
  if (hidden <= 0) return undefined;
  return html`<p class="more">${consoleText(locale, exact ? 'more.items' : 'more.items-at-least', { count: hidden })}</p>`;
}
