import { say } from '../../../src/chat/texts.js';
import type { DossierTimeline } from '../dossier-data.js';
import type { RenderContext } from '../render/context.js';
import { html, type SafeHtml } from '../render/html.js';
import { CONSOLE_LIMITS } from '../render/limits.js';
import { renderTimeline } from '../render/timeline.js';
import { renderCards } from '../render/views.js';
import { consoleText } from '../texts.js';
import { type IdentityBar, renderPage } from './layout.js';

/** Swatches for what the bars' colours mean: the colour code first, then the closed states. */
function legend(context: RenderContext): SafeHtml {
  const { locale } = context;
  const colours = (['overdue', 'today', 'future'] as const).map(
    (colour) =>
      html`<li><span class="swatch colour-${colour}" aria-hidden="true"></span>${say(locale, `colour.${colour}`)}</li>`,
  );
  const states = (['waiting', 'done', 'executed', 'cancelled'] as const).map(
    (state) =>
      html`<li><span class="swatch state-${state}" aria-hidden="true"></span>${say(locale, `state.${state}`)}</li>`,
  );
  return html`<ul class="legend" aria-label="${consoleText(locale, 'timeline.legend')}">${colours}${states}
<li><span class="swatch today-line" aria-hidden="true"></span>${consoleText(locale, 'timeline.today')}</li>
<li><span class="swatch course-days" aria-hidden="true"></span>${consoleText(locale, 'timeline.course')}</li></ul>`;
}

export interface DossierPageInput {
  timeline: DossierTimeline;
  context: RenderContext;
  identity: IdentityBar & { mode: 'pick' | 'token' };
  now: Date;
  timeZone: string;
  /** Token sessions without dossiers:read see the actions but not the record's fields. */
  showFacts: boolean;
}

export function renderDossierPage(input: DossierPageInput): string {
  const { timeline, context } = input;
  const { locale } = context;
  const bars = timeline.lanes.reduce((sum, lane) => sum + lane.bars.length, 0);
  const picture =
    bars === 0
      ? html`<p class="empty">${consoleText(locale, 'timeline.empty')}</p>`
      : html`${renderTimeline({
          lanes: timeline.lanes,
          now: input.now,
          locale,
          timeZone: input.timeZone,
          ...(timeline.courseDays ? { courseDays: timeline.courseDays } : {}),
        })}${legend(context)}`;
  return renderPage(
    { context, title: timeline.title, page: 'dossier', identity: input.identity },
    html`<h1>${timeline.title}</h1>
<section id="timeline-panel" class="panel timeline-panel" data-refresh aria-labelledby="timeline-heading"><h2 id="timeline-heading">${consoleText(locale, 'dossier.timeline')}</h2>${picture}</section>
<div class="dossier-columns">
${
  input.showFacts &&
  html`<section id="facts-panel" class="panel facts-panel" data-refresh aria-labelledby="facts-heading"><h2 id="facts-heading">${consoleText(locale, 'dossier.facts')}</h2>
<dl class="facts">${timeline.facts.map((fact) => html`<div><dt>${fact.label}</dt><dd>${fact.value}</dd></div>`)}</dl></section>`
}
<section class="panel" aria-labelledby="actions-heading"><h2 id="actions-heading">${consoleText(locale, 'dossier.actions', { count: timeline.cards.length })}</h2>
<section id="board-result" class="board-result" aria-live="polite"></section>
<div id="dossier-cards" data-refresh>${renderCards(timeline.cards, timeline.cards.length, CONSOLE_LIMITS.cardsPerBoardColumn, context)}</div></section>
</div>`,
  );
}
