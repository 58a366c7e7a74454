import { describe, expect, it } from 'vitest';
import { renderTimeline, type TimelineBar } from '../../adapters/console/render/timeline.js';
import { ticksFor, timelineDomain, timeScale } from '../../adapters/console/render/timeline-scale.js';

const NOW = new Date('2026-10-01T10:00:00+02:00');
const ZONE = 'Europe/Amsterdam';

function bar(fields: Partial<TimelineBar>): TimelineBar {
  return {
    number: 1,
    title: 'Attendance list',
    state: 'open',
    stateLabel: 'Open',
    colour: 'future',
    colourLabel: 'Upcoming',
    ownerName: 'Planner',
    start: new Date('2026-10-05T09:00:00+02:00'),
    end: new Date('2026-10-07T09:00:00+02:00'),
    ...fields,
  };
}

const xOf = (svg: string, pattern: RegExp) => Number(pattern.exec(svg)?.[1]);

describe('the dossier timeline', () => {
  const lanes = [
    {
      label: 'Course C-1 · Workshop basics',
      highlight: false,
      bars: [
        bar({
          number: 11,
          colour: 'overdue',
          colourLabel: 'Overdue',
          start: new Date('2026-09-25T09:00:00+02:00'),
          end: new Date('2026-09-28T09:00:00+02:00'),
        }),
        bar({
          number: 12,
          colour: 'today',
          colourLabel: 'Today',
          start: NOW,
          end: new Date('2026-10-03T09:00:00+02:00'),
        }),
        bar({ number: 13 }),
      ],
    },
    {
      label: 'Participant Anna Berg',
      highlight: true,
      bars: [bar({ number: 14, state: 'done', stateLabel: 'Done', colour: 'closed', colourLabel: 'Closed' })],
    },
  ];
  const svg = renderTimeline({
    lanes,
    now: NOW,
    locale: 'en',
    timeZone: ZONE,
    courseDays: { start: new Date('2026-10-12T09:00:00+02:00'), end: new Date('2026-10-13T17:00:00+02:00') },
  }).value;

  it('draws one bar per action, coloured by colour code and state', () => {
    expect(svg.match(/<rect [^>]*class="bar /g)).toHaveLength(4);
    expect(svg).toContain('class="bar colour-overdue state-open"');
    expect(svg).toContain('class="bar colour-today state-open"');
    expect(svg).toContain('class="bar colour-future state-open"');
    expect(svg).toContain('class="bar colour-closed state-done"');
  });

  it('puts the past left of the today line and the future right of it', () => {
    const today = xOf(svg, /<line x1="([\d.]+)"[^>]*class="today-line"/);
    const overdueBar = xOf(svg, /<rect x="([\d.]+)"[^>]*class="bar colour-overdue/);
    const futureBar = xOf(svg, /<rect x="([\d.]+)"[^>]*class="bar colour-future/);
    const todayBar = xOf(svg, /<rect x="([\d.]+)"[^>]*class="bar colour-today/);
    expect(overdueBar).toBeLessThan(today);
    expect(futureBar).toBeGreaterThan(today);
    expect(todayBar).toBeCloseTo(today, 0);
    expect(xOf(svg, /<rect x="300" y="0" width="([\d.]+)"[^>]*class="past"/)).toBeCloseTo(today - 300, 0);
    expect(svg).toContain('>Today</text>');
  });

  it('shows lanes per record, highlights the one asked for, and draws the course days', () => {
    expect(svg).toContain('class="lane-label">Course C-1 · Workshop basics</text>');
    expect(svg).toContain('<g class="lane-head highlight">');
    expect(svg).toContain('class="course-days"');
  });

  it('labels the axis in weeks for a few weeks, in the viewer language', () => {
    expect(svg).toContain('class="tick-label">5 Oct</text>');
    const nl = renderTimeline({ lanes, now: NOW, locale: 'nl', timeZone: ZONE }).value;
    expect(nl).toContain('class="tick-label">5 okt</text>');
    expect(nl).toContain('>Vandaag</text>');
  });

  it('has hover titles with the details, escaped', () => {
    const evil = renderTimeline({
      lanes: [{ label: '<b>', highlight: false, bars: [bar({ title: '<script>x</script>' })] }],
      now: NOW,
      locale: 'en',
      timeZone: ZONE,
    }).value;
    expect(evil).not.toContain('<script>');
    expect(evil).not.toContain('<b>');
    expect(evil).toMatch(
      /<title>#1 &lt;script&gt;x&lt;\/script&gt;\nOpen · Upcoming\n5 Oct 2026, 09:00 – 7 Oct 2026, 09:00\nPlanner<\/title>/,
    );
  });
});

describe('the time axis', () => {
  it('always includes today with room either side', () => {
    const domain = timelineDomain([new Date('2026-12-01T00:00:00Z')], NOW);
    expect(domain.from.getTime()).toBeLessThan(NOW.getTime() - 3 * 86_400_000);
    expect(domain.to.getTime()).toBeGreaterThan(new Date('2026-12-01T00:00:00Z').getTime());
  });

  it('chooses weekly and monthly ticks for longer spans', () => {
    const weeks = ticksFor(timeScale(new Date('2026-10-01'), new Date('2026-11-30'), 0, 100), 'en', ZONE);
    expect(weeks.length).toBeGreaterThan(7);
    expect(weeks.every((tick) => tick.at.getUTCDay() === 0 || tick.at.getUTCDay() === 1)).toBe(true);
    const months = ticksFor(timeScale(new Date('2026-01-01'), new Date('2026-12-31'), 0, 100), 'en', ZONE);
    expect(months.map((tick) => tick.label)).toContain('Jun 2026');
    expect(months.length).toBeLessThanOrEqual(12);
  });

  it('shades weekends only on a daily axis', () => {
    const days = ticksFor(timeScale(new Date('2026-10-01'), new Date('2026-10-10'), 0, 100), 'en', ZONE);
    expect(days.filter((tick) => tick.weekend).map((tick) => tick.label)).toEqual([
      '3 Oct',
      '4 Oct',
      '10 Oct',
    ]);
  });
});
