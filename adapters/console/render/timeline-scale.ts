import type { Locale } from '../../../src/domain/i18n/locale.js';
import {
  atTimeOfDay,
  type LocalDate,
  localDateOf,
  shiftLocalDate,
  weekdayOf,
} from '../../../src/domain/timing/local-date.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A linear time axis from `from` to `to` onto [left, right] pixels. */
export interface TimeScale {
  from: Date;
  to: Date;
  x(instant: Date): number;
}

export function timeScale(from: Date, to: Date, left: number, right: number): TimeScale {
  const span = Math.max(to.getTime() - from.getTime(), 1);
  return {
    from,
    to,
    x: (instant) => left + ((instant.getTime() - from.getTime()) / span) * (right - left),
  };
}

/**
 * The window the timeline shows: every moment given, today always included, padded so that bars never
 * touch the edges and at least a few days either side of today are visible.
 */
export function timelineDomain(moments: readonly Date[], now: Date): { from: Date; to: Date } {
  const times = [...moments.map((moment) => moment.getTime()), now.getTime()];
  const min = Math.min(...times, now.getTime() - 3 * DAY_MS);
  const max = Math.max(...times, now.getTime() + 3 * DAY_MS);
  const pad = Math.max((max - min) * 0.05, DAY_MS / 2);
  return { from: new Date(min - pad), to: new Date(max + pad) };
}

export interface Tick {
  at: Date;
  label: string;
  /** Saturday or Sunday, shaded on daily axes so working days stand out. */
  weekend: boolean;
}

type Step = 'day' | 'week' | 'month' | 'quarter' | 'year';

function stepFor(spanDays: number): Step {
  if (spanDays <= 18) return 'day';
  if (spanDays <= 100) return 'week';
  if (spanDays <= 400) return 'month';
  if (spanDays <= 1200) return 'quarter';
  return 'year';
}

function isTick(date: LocalDate, step: Step): boolean {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  switch (step) {
    case 'day':
      return true;
    case 'week':
      return weekdayOf(date) === 1;
    case 'month':
      return day === 1;
    case 'quarter':
      return day === 1 && month % 3 === 1;
    case 'year':
      return day === 1 && month === 1;
  }
}

/** Midnights (in the workspace's zone) where the axis gets a line and a label, at a readable density. */
export function ticksFor(scale: TimeScale, locale: Locale, timeZone: string): Tick[] {
  const spanDays = (scale.to.getTime() - scale.from.getTime()) / DAY_MS;
  const step = stepFor(spanDays);
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone,
    ...(step === 'day' || step === 'week'
      ? { day: 'numeric', month: 'short' }
      : { month: 'short', year: 'numeric' }),
  });
  const ticks: Tick[] = [];
  const last = localDateOf(scale.to, timeZone);
  // Bounded walk: a record with absurd dates still renders (with fewer ticks) instead of hanging.
  let date = localDateOf(scale.from, timeZone);
  for (let guard = 0; date <= last && guard < 5_000; guard += 1, date = shiftLocalDate(date, 1)) {
    if (!isTick(date, step)) continue;
    const at = atTimeOfDay(date, '00:00', timeZone);
    if (at < scale.from) continue;
    const weekday = weekdayOf(date);
    ticks.push({ at, label: format.format(at), weekend: step === 'day' && (weekday === 0 || weekday === 6) });
  }
  return ticks;
}
