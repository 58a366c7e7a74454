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

/** "… and N more" when `shown` of `total` are on screen; nothing when all are. */
export function moreLine(locale: Locale, total: number, shown: number): SafeHtml | undefined {
  const hidden = total - shown;
  return hidden > 0
    ? html`<p class="more">${consoleText(locale, 'more.items', { count: hidden })}</p>`
    : undefined;
}
