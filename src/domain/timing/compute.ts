import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks } from 'date-fns';
import { pathWords } from '../../i18n/labels.js';
import { DomainError } from '../errors.js';
import { BoundedCache } from '../memo.js';
import type { WorkCalendar } from './calendar.js';
import { atTimeOfDay, type LocalDate } from './local-date.js';
import type { TemplateTiming, TimingOffset } from './schema.js';
import { shiftWorkingDays } from './working-days.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The moments a timing can be anchored to, for one record. */
export interface TimingAnchors {
  /** When the action is stamped. */
  readonly created: Date;
  /** When the event happened; absent when stamped by hand. */
  readonly event?: Date | undefined;
  /** Date fields of the record and its relations by path, e.g. 'course.startDate'. */
  readonly dates: Readonly<Record<string, Date | undefined>>;
}

export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface ComputedWindow extends TimeWindow {
  /** True when the template put the end before the start and the end was moved up to the start. */
  readonly adjusted: boolean;
}

/**
 * The anchor a timing needs has no date on this record (an empty course start date), or the action was
 * stamped by hand while its timing counts from the event. The record, not the caller, is incomplete, but
 * the fix is a user's input, hence invalid-input naming the anchor as the field.
 */
export class MissingAnchorError extends DomainError {
  readonly anchor: string;

  constructor(anchor: string) {
    super({
      category: 'invalid-input',
      code: 'timing.missing-anchor',
      message: `The timing anchor '${anchor}' has no date for this record`,
      field: anchor,
      details: { anchor },
      params: { anchor: pathWords(anchor) },
    });
    this.name = 'MissingAnchorError';
    this.anchor = anchor;
  }
}

/**
 * The moment `offset` points at. Minutes and hours are exact durations from the anchor instant and ignore
 * `timeOfDay`: "2 hours before the course starts" must not be snapped to a morning. Days, weeks, months and
 * working days are calendar arithmetic on the anchor's local date in the calendar's zone, and land on
 * `timeOfDay` (else the calendar's default, 09:00) — never at midnight, so nothing runs at night.
 *
 * @throws MissingAnchorError when the anchor has no date.
 */
export function computeMoment(
  offset: TimingOffset,
  anchors: TimingAnchors,
  calendar: WorkCalendar,
  timeOfDay?: string,
): Date {
  const anchor = resolveAnchor(offset.anchor, anchors);
  const signed = offset.direction === 'after' ? offset.amount : -offset.amount;
  if (offset.unit === 'minutes') return new Date(anchor.getTime() + signed * MINUTE_MS);
  if (offset.unit === 'hours') return new Date(anchor.getTime() + signed * HOUR_MS);
  // Day-based moments depend only on these inputs and the (immutable) calendar, so they are memoised.
  const key = `${offset.unit}|${signed}|${anchor.getTime()}|${timeOfDay ?? ''}`;
  const time = momentsOf(calendar).get(key, () => {
    const day = shiftDay(offset, signed, anchor, calendar);
    return atTimeOfDay(day, timeOfDay ?? calendar.defaultTimeOfDay, calendar.timeZone).getTime();
  });
  return new Date(time);
}

const moments = new WeakMap<WorkCalendar, BoundedCache<number>>();

function momentsOf(calendar: WorkCalendar): BoundedCache<number> {
  let cache = moments.get(calendar);
  if (!cache) {
    cache = new BoundedCache<number>(10_000);
    moments.set(calendar, cache);
  }
  return cache;
}

const dayShifts: Readonly<Record<string, (date: Date, amount: number) => Date>> = {
  days: addDays,
  weeks: addWeeks,
  months: addMonths,
};

function shiftDay(offset: TimingOffset, signed: number, anchor: Date, calendar: WorkCalendar): LocalDate {
  if (offset.unit === 'working-days') {
    return shiftWorkingDays(calendar, calendar.localDateOf(anchor), offset.amount, offset.direction);
  }
  // date-fns on a TZDate counts in the calendar's zone; addMonths clamps 31 January + 1 month to 28/29 February.
  const local = new TZDate(anchor.getTime(), calendar.timeZone);
  const shift = dayShifts[offset.unit];
  // Timings are validated when saved; this guards against a document edited behind the application's back.
  if (!shift) throw new Error(`Unknown time unit '${offset.unit}'`);
  return calendar.localDateOf(shift(local, signed));
}

function resolveAnchor(anchor: string, anchors: TimingAnchors): Date {
  const date =
    anchor === 'created' ? anchors.created : anchor === 'event' ? anchors.event : anchors.dates[anchor];
  if (date === undefined || Number.isNaN(date.getTime())) throw new MissingAnchorError(anchor);
  return date;
}

/**
 * The start and end of an action stamped from `timing`. A template whose end comes before its start (say,
 * start 2 days and end 5 days before the course) does not fail the stamp: the end is moved up to the start
 * and `adjusted` is set so the caller can note it in the action's history.
 */
export function computeWindow(
  timing: Pick<TemplateTiming, 'start' | 'end' | 'timeOfDay'>,
  anchors: TimingAnchors,
  calendar: WorkCalendar,
): ComputedWindow {
  const start = computeMoment(timing.start, anchors, calendar, timing.timeOfDay);
  const end = computeMoment(timing.end, anchors, calendar, timing.timeOfDay);
  if (end.getTime() < start.getTime()) return { start, end: new Date(start.getTime()), adjusted: true };
  return { start, end, adjusted: false };
}

/**
 * The record date fields a timing depends on, so the action can be moved when one of them changes.
 * 'created' and 'event' are left out: they are moments in the past and never move.
 */
export function anchorsUsed(timing: Pick<TemplateTiming, 'start' | 'end'>): string[] {
  const anchors = new Set([timing.start.anchor, timing.end.anchor]);
  return [...anchors].filter((anchor) => anchor !== 'created' && anchor !== 'event');
}
