import { TZDate } from '@date-fns/tz';
import type { TimeWindow } from './compute.js';

const HOUR_MS = 3_600_000;

export type LinkedChange =
  | { readonly start: Date; readonly end?: never }
  | { readonly end: Date; readonly start?: never };

/**
 * Linked start and end: set one of them and the other follows, keeping the interval as the calendar shows
 * it. The interval is measured in local wall-clock time in `timeZone`, so a window of "Monday 09:00 to
 * Friday 09:00" moved across a DST change is still 09:00 to 09:00, not 08:00 or 10:00.
 */
export function moveLinked(window: TimeWindow, change: LinkedChange, timeZone: string): TimeWindow {
  if (change.start) {
    const shift = wallClock(change.start, timeZone) - wallClock(window.start, timeZone);
    return { start: change.start, end: fromWallClock(wallClock(window.end, timeZone) + shift, timeZone) };
  }
  const shift = wallClock(change.end, timeZone) - wallClock(window.end, timeZone);
  return { start: fromWallClock(wallClock(window.start, timeZone) + shift, timeZone), end: change.end };
}

/** The local date and time of `instant` in `timeZone`, written as if it were UTC, in ms. */
function wallClock(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  return Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
  );
}

function fromWallClock(wallMs: number, timeZone: string): Date {
  const w = new Date(wallMs);
  const local = new TZDate(
    w.getUTCFullYear(),
    w.getUTCMonth(),
    w.getUTCDate(),
    w.getUTCHours(),
    w.getUTCMinutes(),
    w.getUTCSeconds(),
    w.getUTCMilliseconds(),
    timeZone,
  );
  return new Date(local.getTime());
}

export type PastStartDecision = 'run' | 'too-late';

/**
 * Whether an automatic action may still run by itself. One stamped with a start more than `toleranceHours`
 * in the past (a course entered late, a date moved back) would act on stale facts — say, mail a reminder for
 * something already over — so a person decides instead. Exactly at the tolerance still runs.
 */
export function pastStartDecision(start: Date, now: Date, toleranceHours: number): PastStartDecision {
  return now.getTime() - start.getTime() > toleranceHours * HOUR_MS ? 'too-late' : 'run';
}
