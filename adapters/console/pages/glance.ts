import { say } from '../../../src/chat/texts.js';
import type { ColourCounts } from '../glance.js';
import type { RenderContext } from '../render/context.js';
import { html, type SafeHtml } from '../render/html.js';
import { consoleText } from '../texts.js';

/**
 * Beside the conversation: the viewer's own actions by colour, each a link to the board filtered to
 * them. The chat shows what was asked; this shows what is waiting without asking.
 */
export function renderGlance(counts: ColourCounts, unread: number, context: RenderContext): SafeHtml {
  const { basePath, locale } = context;
  const colours = ['overdue', 'today', 'future'] as const;
  // console.js re-reads it (id + data-refresh) after every press, command and notice, so the counts follow.
  return html`<aside id="glance" class="glance" data-refresh aria-labelledby="glance-heading">
<h2 id="glance-heading">${say(locale, 'list.mine')}</h2>
<ul>${colours.map(
    (
      colour,
    ) => html`<li><a class="glance-item colour-${colour}" href="${basePath}/board?owner=me&amp;colour=${colour}">
<span class="glance-count">${counts[colour]}${counts.capped ? '+' : ''}</span> <span>${say(locale, `colour.${colour}`)}</span></a></li>`,
  )}</ul>
<p class="glance-notices">${consoleText(locale, 'glance.notices', { count: unread })}</p>
<p><a href="${basePath}/board">${consoleText(locale, 'glance.board')}</a></p>
</aside>`;
}
