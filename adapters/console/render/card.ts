import type { ActionCardView } from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import { renderButtons } from './buttons.js';
import type { RenderContext } from './context.js';
import { clip, html, type SafeHtml } from './html.js';
import { CONSOLE_LIMITS } from './limits.js';

/** Records with a timeline page: a course, and a participant (shown on its course's timeline). */
const timelineGroups = new Set(['course', 'participant']);

export function dossierHref(basePath: string, recordId: string): string {
  return `${basePath}/dossiers/${encodeURIComponent(recordId)}`;
}

function recordLine(card: ActionCardView, context: RenderContext): SafeHtml {
  if (!timelineGroups.has(card.record.group)) return html`<p class="record">${card.recordLabel}</p>`;
  return html`<p class="record"><a class="record-link" href="${dossierHref(context.basePath, card.record.id)}">${card.recordLabel}</a></p>`;
}

/**
 * One action as a card. The colour code is in the class (for the stripe and the badge) and in words (for
 * people who cannot tell red from orange, and for screen readers); data attributes let console.js replace
 * every copy of the card once the action changes.
 */
export function renderActionCard(card: ActionCardView, context: RenderContext): SafeHtml {
  return html`<article class="card colour-${card.colour} state-${card.state}" data-action-id="${card.actionId}" data-number="${card.number}" data-state="${card.state}" data-colour="${card.colour}">
<header class="card-head">
<span class="badge badge-colour colour-${card.colour}">${card.colourLabel}</span>
<span class="badge badge-state state-${card.state}">${card.stateLabel}</span>
<span class="badge badge-execution">${say(context.locale, `execution.${card.execution}`)}</span>
<span class="number">#${card.number}</span>
</header>
<h3 class="card-title" title="${card.title}">${clip(card.title, CONSOLE_LIMITS.titleLength)}</h3>
${recordLine(card, context)}
<dl class="facts">${card.facts.map((fact) => html`<div><dt>${fact.label}</dt><dd>${fact.value}</dd></div>`)}</dl>
${card.processSummary && html`<p class="process"><span aria-hidden="true">⚙</span> ${card.processSummary}</p>`}
${card.reason && html`<p class="reason">${card.reason}</p>`}
${renderButtons(card.buttons, context)}
</article>`;
}
