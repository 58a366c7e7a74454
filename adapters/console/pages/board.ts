import type { ActionCardView } from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import { ACTION_STATES } from '../../../src/domain/actions/index.js';
import type { ActionColour } from '../../../src/domain/timing/index.js';
import type { RenderContext } from '../render/context.js';
import { html, type SafeHtml } from '../render/html.js';
import { CONSOLE_LIMITS, moreLine } from '../render/limits.js';
import { renderCards } from '../render/views.js';
import { consoleText } from '../texts.js';
import type { BoardFilters } from './board-filters.js';
import { type IdentityBar, renderPage } from './layout.js';

export interface BoardData {
  filters: BoardFilters;
  templates: ReadonlyArray<{ id: string; name: string }>;
  cards: readonly ActionCardView[];
  /** How many actions matched in all; more than `cards` when the board shows only the first ones. */
  total: number;
  /** False when `total` is a bound: at least that many matched. */
  totalExact?: boolean;
}

/** Red first: the board reads left to right from what is late to what can wait. */
const columnOrder: ActionColour[] = ['overdue', 'today', 'future', 'closed'];

function option(value: string, label: string, selected: string): SafeHtml {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
}

function filterForm(data: BoardData, context: RenderContext): SafeHtml {
  const { basePath, locale } = context;
  const { filters } = data;
  const text = (key: Parameters<typeof consoleText>[1]) => consoleText(locale, key);
  return html`<form class="filters" method="get" action="${basePath}/board" aria-label="${text('board.filters')}">
<div class="field"><label for="filter-state">${text('board.state')}</label>
<select id="filter-state" name="state">${option('todo', text('board.state.default'), filters.state)}${ACTION_STATES.map(
    (state) => option(state, say(locale, `state.${state}`), filters.state),
  )}${option('all', text('board.state.all'), filters.state)}</select></div>
<div class="field"><label for="filter-owner">${text('board.owner')}</label>
<select id="filter-owner" name="owner">${option('anyone', text('board.owner.anyone'), filters.owner)}${option('me', text('board.owner.me'), filters.owner)}${option('none', text('board.owner.none'), filters.owner)}</select></div>
<div class="field"><label for="filter-colour">${text('board.colour')}</label>
<select id="filter-colour" name="colour">${option('any', text('board.any'), filters.colour)}${columnOrder.map(
    (colour) => option(colour, say(locale, `colour.${colour}`), filters.colour),
  )}</select></div>
<div class="field"><label for="filter-template">${text('board.template')}</label>
<select id="filter-template" name="template">${option('', text('board.any'), filters.template)}${data.templates.map(
    (template) => option(template.id, template.name, filters.template),
  )}</select></div>
<button type="submit" class="btn btn-default">${text('board.apply')}</button>
</form>`;
}

/** The columns, grouped by colour; console.js re-reads them (`data-refresh`) after a button press. */
export function renderBoardColumns(data: BoardData, context: RenderContext): SafeHtml {
  const { locale } = context;
  const byColour = new Map<ActionColour, ActionCardView[]>(columnOrder.map((colour) => [colour, []]));
  for (const card of data.cards) byColour.get(card.colour)?.push(card);
  // Closed actions only appear when the state filter asks for them; an always-empty column is noise.
  const columns = columnOrder.filter((colour) => colour !== 'closed' || byColour.get('closed')!.length > 0);
  return html`${moreLine(locale, data.total, data.cards.length, data.totalExact)}
<div class="columns">${columns.map((colour) => {
    const cards = byColour.get(colour)!;
    return html`<section class="column colour-${colour}" data-colour="${colour}" aria-labelledby="column-${colour}">
<h2 id="column-${colour}"><span class="dot colour-${colour}" aria-hidden="true"></span>${say(locale, `colour.${colour}`)} <span class="count">${cards.length}</span></h2>
${cards.length === 0 ? html`<p class="empty">${consoleText(locale, 'board.column-empty')}</p>` : renderCards(cards, cards.length, CONSOLE_LIMITS.cardsPerBoardColumn, context)}
</section>`;
  })}</div>`;
}

export function renderBoardPage(
  data: BoardData,
  context: RenderContext,
  identity: IdentityBar & { mode: 'pick' | 'token' },
): string {
  const title = consoleText(context.locale, 'board.title');
  return renderPage(
    { context, title, page: 'board', identity },
    html`<h1>${title}</h1>
${filterForm(data, context)}
<section id="board-result" class="board-result" aria-live="polite" aria-label="${consoleText(context.locale, 'board.result')}"></section>
<div id="board" class="board" data-refresh>${renderBoardColumns(data, context)}</div>`,
  );
}
