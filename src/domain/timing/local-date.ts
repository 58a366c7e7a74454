import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { BoundedCache } from '../memo.js';

/**
 * A calendar day as 'YYYY-MM-DD', always meant in some time zone (usually the work calendar's).
 * Holidays, closing days and "today" are days, not instants, so they are compared by this key.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 'HH:mm' from 00:00 to 23:59, shared by the template's and the calendar's schemas. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

const localDates = new BoundedCache<LocalDate>(10_000);

/** The calendar day an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const time = instant.getTime();
  return localDates.get(`${timeZone}|${time}`, () => format(new TZDate(time, timeZone), 'yyyy-MM-dd'));
}

/**
 * The instant of `timeOfDay` ('HH:mm') on `date` in `timeZone`. A wall-clock time that does not exist
 * because of a DST gap (02:30 on the last Sunday of March in Amsterdam) moves forward by the gap.
 */
export function atTimeOfDay(date: LocalDate, timeOfDay: string, timeZone: string): Date {
  const { year, month, day } = parseLocalDate(date);
  const { hours, minutes } = parseTimeOfDay(timeOfDay);
  return new Date(new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime());
}

/** `date` moved by a whole number of calendar days. */
export function shiftLocalDate(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  // A day key has no zone, so UTC arithmetic is exact: it has no DST.
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Day of the week of `date`: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** @throws RangeError unless `date` is a real calendar date as 'YYYY-MM-DD'. */
export function assertLocalDate(date: LocalDate): void {
  parseLocalDate(date);
}

function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    // A wrong key must fail instead of rolling over (2026-02-30 is not 2 March). Years below 100 are refused
    // too: Date.UTC would read them as 19xx. Checked by arithmetic, as working-day walks parse a lot of keys.
    const { year, month, day } = parts;
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return parts;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): '${date}'`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function parseTimeOfDay(timeOfDay: string): { hours: number; minutes: number } {
  const match = TIME_OF_DAY_PATTERN.exec(timeOfDay);
  if (!match) throw new RangeError(`Not a time of day (HH:mm, 00:00–23:59): '${timeOfDay}'`);
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}
