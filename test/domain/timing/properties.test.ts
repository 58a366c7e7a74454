import { TZDate } from '@date-fns/tz';
import { format, getDaysInMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atTimeOfDay,
  computeMoment,
  type LocalDate,
  moveLinked,
  type TimingOffset,
  WorkCalendar,
} from '../../../src/domain/timing/index.js';

/** Zones with DST in March/April and October/November (north and south) and without. */
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
const calendarByZone = new Map(ZONES.map((timeZone) => [timeZone, new WorkCalendar({ timeZone })]));
const calendarOf = (timeZone: (typeof ZONES)[number]) => calendarByZone.get(timeZone)!;

const zone = fc.constantFrom(...ZONES);
const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date): LocalDate => date.toISOString().slice(0, 10));
const instant = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2035-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const twoDigits = (n: number) => String(n).padStart(2, '0');
// Hour 2 is left out: in these zones 02:00–02:59 does not exist on the spring-forward day.
const timeOfDay = fc
  .tuple(
    fc.integer({ min: 0, max: 23 }).filter((hour) => hour !== 2),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([hour, minute]) => `${twoDigits(hour)}:${twoDigits(minute)}`);
const officeTime = fc
  .tuple(fc.integer({ min: 6, max: 22 }), fc.integer({ min: 0, max: 59 }))
  .map(([hour, minute]) => `${twoDigits(hour)}:${twoDigits(minute)}`);
const direction = fc.constantFrom('before', 'after');

const localTime = (moment: Date, timeZone: string) => format(new TZDate(moment.getTime(), timeZone), 'HH:mm');
const anchorsAt = (date: Date) => ({ created: date, event: date, dates: {} });
const eventOffset = (
  amount: number,
  unit: TimingOffset['unit'],
  dir: TimingOffset['direction'],
): TimingOffset => ({
  amount,
  unit,
  direction: dir,
  anchor: 'event',
});

describe('working days (property)', () => {
  it('never land on a weekend, a public holiday or a closing day', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(day, { maxLength: 40 }),
        day,
        fc.integer({ min: 0, max: 400 }),
        direction,
        (closingDays, origin, amount, dir) => {
          const calendar = new WorkCalendar({ timeZone: 'Europe/Amsterdam', closingDays });
          const moment = computeMoment(
            eventOffset(amount, 'working-days', dir),
            anchorsAt(atNine(origin)),
            calendar,
          );
          const result = calendar.localDateOf(moment);
          const weekday = new Date(`${result}T12:00:00Z`).getUTCDay();
          expect(weekday).not.toBe(0);
          expect(weekday).not.toBe(6);
          expect(calendar.holidayName(result)).toBeUndefined();
          expect(closingDays).not.toContain(result);
        },
      ),
    );
  });

  it('count exactly N working days between the origin and the result', () => {
    const calendar = calendarOf('Europe/Amsterdam');
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), direction, (origin, amount, dir) => {
        const moment = computeMoment(
          eventOffset(amount, 'working-days', dir),
          anchorsAt(atNine(origin)),
          calendar,
        );
        const result = calendar.localDateOf(moment);
        const [from, to] = dir === 'after' ? [origin, result] : [result, origin];
        // Working days in (origin, result] going forward, or [result, origin) going back.
        const between = daysFrom(from, to).filter((date) => date !== origin && calendar.isWorkingDay(date));
        expect(between).toHaveLength(amount);
      }),
    );
  });

  it('after N then before N returns to a working-day origin', () => {
    fc.assert(
      fc.property(
        zone,
        day,
        fc.integer({ min: 0, max: 500 }),
        timeOfDay,
        (timeZone, origin, amount, time) => {
          const calendar = calendarOf(timeZone);
          fc.pre(calendar.isWorkingDay(origin));
          const start = atTimeOfDay(origin, time, timeZone);
          const there = computeMoment(
            eventOffset(amount, 'working-days', 'after'),
            anchorsAt(start),
            calendar,
            time,
          );
          const back = computeMoment(
            eventOffset(amount, 'working-days', 'before'),
            anchorsAt(there),
            calendar,
            time,
          );
          expect(back).toEqual(start);
        },
      ),
    );
  });
});

describe('calendar units (property)', () => {
  const calendarUnit = fc.constantFrom('days', 'weeks', 'months', 'working-days') satisfies fc.Arbitrary<
    TimingOffset['unit']
  >;

  it('land on the configured time of day, whatever DST does in between', () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        fc.integer({ min: 0, max: 800 }),
        calendarUnit,
        direction,
        fc.option(timeOfDay, { nil: undefined }),
        (timeZone, anchor, amount, unit, dir, time) => {
          const moment = computeMoment(
            eventOffset(amount, unit, dir),
            anchorsAt(anchor),
            calendarOf(timeZone),
            time,
          );
          expect(localTime(moment, timeZone)).toBe(time ?? '09:00');
        },
      ),
    );
  });

  it('after N then before N returns the same moment for days and weeks', () => {
    fc.assert(
      fc.property(
        zone,
        day,
        fc.integer({ min: 0, max: 3650 }),
        fc.constantFrom('days', 'weeks') satisfies fc.Arbitrary<TimingOffset['unit']>,
        timeOfDay,
        (timeZone, origin, amount, unit, time) => {
          const calendar = calendarOf(timeZone);
          const start = atTimeOfDay(origin, time, timeZone);
          const there = computeMoment(eventOffset(amount, unit, 'after'), anchorsAt(start), calendar, time);
          const back = computeMoment(eventOffset(amount, unit, 'before'), anchorsAt(there), calendar, time);
          expect(back).toEqual(start);
        },
      ),
    );
  });

  it('clamp months to the last day of a shorter month', () => {
    fc.assert(
      fc.property(zone, day, fc.integer({ min: 0, max: 120 }), direction, (timeZone, origin, amount, dir) => {
        const calendar = calendarOf(timeZone);
        const moment = computeMoment(
          eventOffset(amount, 'months', dir),
          anchorsAt(atNine(origin, timeZone)),
          calendar,
        );
        const result = new TZDate(moment.getTime(), timeZone);
        const originDay = Number(origin.slice(8, 10));
        expect(result.getDate()).toBe(Math.min(originDay, getDaysInMonth(result)));
        const monthIndex = (date: string | TZDate) =>
          typeof date === 'string'
            ? Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
            : date.getFullYear() * 12 + date.getMonth();
        expect(monthIndex(result)).toBe(monthIndex(origin) + (dir === 'after' ? amount : -amount));
      }),
    );
  });
});

describe('moveLinked (property)', () => {
  it('keeps the exact interval in a zone without DST', () => {
    fc.assert(
      fc.property(instant, instant, instant, fc.boolean(), (start, end, moved, moveStart) => {
        const window = { start, end };
        const result = moveLinked(window, moveStart ? { start: moved } : { end: moved }, 'UTC');
        expect(result.end.getTime() - result.start.getTime()).toBe(end.getTime() - start.getTime());
        expect(moveStart ? result.start : result.end).toEqual(moved);
      }),
    );
  });

  it('keeps dates and wall-clock times of the other end in a zone with DST', () => {
    fc.assert(
      fc.property(
        zone,
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -400, max: 400 }),
        officeTime,
        officeTime,
        (timeZone, startDay, length, shift, startTime, endTime) => {
          const endDay = plusDays(startDay, length);
          const window = {
            start: atTimeOfDay(startDay, startTime, timeZone),
            end: atTimeOfDay(endDay, endTime, timeZone),
          };
          const newStart = atTimeOfDay(plusDays(startDay, shift), startTime, timeZone);
          const newEnd = atTimeOfDay(plusDays(endDay, shift), endTime, timeZone);
          expect(moveLinked(window, { start: newStart }, timeZone)).toEqual({ start: newStart, end: newEnd });
          expect(moveLinked(window, { end: newEnd }, timeZone)).toEqual({ start: newStart, end: newEnd });
        },
      ),
    );
  });
});

function atNine(date: LocalDate, timeZone = 'Europe/Amsterdam'): Date {
  return atTimeOfDay(date, '09:00', timeZone);
}

function plusDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
function daysFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = from; date <= to; date = plusDays(date, 1)) dates.push(date);
  return dates;
}
