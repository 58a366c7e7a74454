import type { ActionState } from '../../../src/domain/actions/index.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { ActionColour } from '../../../src/domain/timing/index.js';
import { formatMoment } from '../../../src/i18n/messages.js';
import { consoleText } from '../texts.js';
import { clip, html, type SafeHtml } from './html.js';
import { ticksFor, timelineDomain, timeScale } from './timeline-scale.js';

export interface TimelineBar {
  number: number;
  title: string;
  state: ActionState;
  stateLabel: string;
  colour: ActionColour;
  colourLabel: string;
  ownerName: string | null;
  start: Date;
  end: Date;
}

/** One record's actions: the course itself, or one of its participants. */
export interface TimelineLane {
  label: string;
  /** The record the visitor came for (a participant on its course's timeline). */
  highlight: boolean;
  bars: readonly TimelineBar[];
}

export interface TimelineInput {
  lanes: readonly TimelineLane[];
  now: Date;
  locale: Locale;
  timeZone: string;
  /** The course's own days, drawn as a band: most course actions are timed from them. */
  courseDays?: { start: Date; end: Date };
}

const WIDTH = 1120;
const LABEL_WIDTH = 300;
const RIGHT = WIDTH - 28;
const AXIS = 52;
const ROW = 28;
const HEADER = 30;
const BAR = 14;
const MIN_BAR = 8;
const PILL = 72;

/** Final actions take their state's colour; open ones the colour code, so red still means late. */
function barClass(bar: TimelineBar): string {
  return `bar colour-${bar.colour} state-${bar.state}`;
}

/** Beside the bar: how urgent an open action is, or what became of a closed or still hidden one. */
function barLabel(bar: TimelineBar): string {
  return bar.colour === 'closed' || bar.state === 'waiting' ? bar.stateLabel : bar.colourLabel;
}

function hoverText(bar: TimelineBar, locale: Locale, timeZone: string): string {
  const window = `${formatMoment(bar.start, locale, timeZone)} – ${formatMoment(bar.end, locale, timeZone)}`;
  const state = bar.colour === 'closed' ? bar.stateLabel : `${bar.stateLabel} · ${bar.colourLabel}`;
  return [`#${bar.number} ${bar.title}`, state, window, bar.ownerName].filter(Boolean).join('\n');
}

/**
 * The actions of a dossier on a time axis, as inline SVG drawn on the server: past shaded on the left, a
 * today line, the course days as a band, and each action a bar from start to end in its colour. Hover
 * titles carry the details; the cards under the picture are its text alternative.
 */
export function renderTimeline(input: TimelineInput): SafeHtml {
  const { lanes, now, locale, timeZone } = input;
  const bars = lanes.flatMap((lane) => lane.bars);
  const moments = [
    ...bars.flatMap((bar) => [bar.start, bar.end]),
    ...(input.courseDays ? [input.courseDays.start, input.courseDays.end] : []),
  ];
  const domain = timelineDomain(moments, now);
  const scale = timeScale(domain.from, domain.to, LABEL_WIDTH, RIGHT);
  const height = AXIS + lanes.reduce((sum, lane) => sum + HEADER + lane.bars.length * ROW, 0) + 12;
  const todayX = scale.x(now);
  const ticks = ticksFor(scale, locale, timeZone);
  const dayWidth = scale.x(new Date(domain.from.getTime() + 86_400_000)) - LABEL_WIDTH;

  let y = AXIS;
  const rows: SafeHtml[] = [];
  for (const lane of lanes) {
    rows.push(html`<g class="lane-head${lane.highlight ? ' highlight' : ''}">
<rect x="0" y="${y}" width="${WIDTH}" height="${HEADER}" class="lane-bg"/>
<text x="12" y="${y + 19}" class="lane-label">${clip(lane.label, 70)}</text></g>`);
    y += HEADER;
    lane.bars.forEach((bar, index) => {
      const x1 = scale.x(bar.start);
      const width = Math.max(scale.x(bar.end) - x1, MIN_BAR);
      const barY = y + (ROW - BAR) / 2;
      const labelLeft = x1 + width + 6 > RIGHT - 90;
      rows.push(html`<g class="row${index % 2 === 1 ? ' odd' : ''}" data-number="${bar.number}" data-state="${bar.state}" data-colour="${bar.colour}">
<title>${hoverText(bar, locale, timeZone)}</title>
<rect x="0" y="${y}" width="${WIDTH}" height="${ROW}" class="row-bg"/>
<text x="24" y="${y + 18}" class="row-label"><tspan class="row-number">#${bar.number}</tspan> ${clip(bar.title, 40)}</text>
<rect x="${x1.toFixed(1)}" y="${barY}" width="${width.toFixed(1)}" height="${BAR}" rx="4" class="${barClass(bar)}"/>
<text x="${(labelLeft ? x1 - 6 : x1 + width + 6).toFixed(1)}" y="${y + 18}" class="bar-label"${labelLeft ? html` text-anchor="end"` : ''}>${barLabel(bar)}</text>
</g>`);
      y += ROW;
    });
  }

  const course = input.courseDays;
  const courseX = course ? scale.x(course.start) : 0;
  // The course label reads rightwards from the band, unless the today pill sits there: then leftwards.
  const courseLabelLeft = courseX + 4 < todayX + PILL / 2 && courseX + 4 + 90 > todayX - PILL / 2;
  const label = consoleText(locale, 'timeline.label', {
    count: bars.length,
    from: formatMoment(domain.from, locale, timeZone),
    to: formatMoment(domain.to, locale, timeZone),
  });
  return html`<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">
<rect x="${LABEL_WIDTH}" y="0" width="${Math.max(todayX - LABEL_WIDTH, 0).toFixed(1)}" height="${height}" class="past"/>
${ticks.map(
  (
    tick,
  ) => html`${tick.weekend && html`<rect x="${scale.x(tick.at).toFixed(1)}" y="${AXIS - 8}" width="${dayWidth.toFixed(1)}" height="${height - AXIS + 8}" class="weekend"/>`}
<line x1="${scale.x(tick.at).toFixed(1)}" x2="${scale.x(tick.at).toFixed(1)}" y1="${AXIS - 8}" y2="${height}" class="grid"/>
${scale.x(tick.at) < WIDTH - 44 && html`<text x="${(scale.x(tick.at) + 4).toFixed(1)}" y="${AXIS - 14}" class="tick-label">${tick.label}</text>`}`,
)}
${
  course &&
  html`<rect x="${courseX.toFixed(1)}" y="${AXIS - 8}" width="${Math.max(scale.x(course.end) - courseX, 3).toFixed(1)}" height="${height - AXIS + 8}" class="course-days"/>
<text x="${(courseLabelLeft ? courseX - 4 : courseX + 4).toFixed(1)}" y="14" class="course-label"${courseLabelLeft ? html` text-anchor="end"` : ''}>${consoleText(locale, 'timeline.course')}</text>`
}
${rows}
<line x1="${todayX.toFixed(1)}" x2="${todayX.toFixed(1)}" y1="22" y2="${height}" class="today-line"/>
<rect x="${(todayX - PILL / 2).toFixed(1)}" y="4" width="${PILL}" height="20" rx="10" class="today-pill"/>
<text x="${todayX.toFixed(1)}" y="18" text-anchor="middle" class="today-label">${consoleText(locale, 'timeline.today')}</text>
</svg>`;
}
