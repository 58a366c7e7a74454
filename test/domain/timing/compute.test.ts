import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import {
  anchorsUsed,
  computeMoment,
  computeWindow,
  MissingAnchorError,
  type TimingAnchors,
  type TimingOffset,
  TimingOffsetSchema,
  WorkCalendar,
} from '../../../src/domain/timing/index.js';
import { AMSTERDAM, at, dutchCalendar, local, NEW_YORK } from './support.js';

function offset(text: string): TimingOffset {
  const [amount, unit, direction, anchor] = text.split(' ');
  return TimingOffsetSchema.parse({ amount: Number(amount), unit, direction, anchor });
}

function anchoredAt(date: Date, path = 'course.startDate'): TimingAnchors {
  return { created: date, event: date, dates: { [path]: date } };
}

describe('calendar units', () => {
  it('2 weeks before 14 November is 31 October, at 09:00', () => {
    const moment = computeMoment(
      offset('2 weeks before course.startDate'),
      anchoredAt(at('2026-11-14 10:00')),
      dutchCalendar,
    );
    expect(moment).toEqual(new Date('2026-10-31T09:00:00+01:00'));
  });

  it('1 month after 31 January is the end of February', () => {
    const after = offset('1 months after course.startDate');
    expect(local(computeMoment(after, anchoredAt(at('2026-01-31 12:00')), dutchCalendar))).toBe(
      '2026-02-28 09:00',
    );
    expect(local(computeMoment(after, anchoredAt(at('2028-01-31 12:00')), dutchCalendar))).toBe(
      '2028-02-29 09:00',
    );
    const before = offset('1 months before course.endDate');
    const anchors = anchoredAt(at('2026-03-31 12:00'), 'course.endDate');
    expect(local(computeMoment(before, anchors, dutchCalendar))).toBe('2026-02-28 09:00');
  });

  it('counts days on the local date, not the UTC one', () => {
    // 00:30 on 2 June in Amsterdam is still 1 June in UTC.
    const anchors = anchoredAt(new Date('2026-06-01T22:30:00Z'));
    expect(local(computeMoment(offset('0 days after event'), anchors, dutchCalendar))).toBe(
      '2026-06-02 09:00',
    );
  });

  it('lands on the template time of day, else the calendar default', () => {
    const anchors = anchoredAt(at('2026-06-01 14:12'));
    const days = offset('3 days after created');
    expect(local(computeMoment(days, anchors, dutchCalendar, '17:30'))).toBe('2026-06-04 17:30');
    expect(local(computeMoment(days, anchors, dutchCalendar))).toBe('2026-06-04 09:00');
    const early = new WorkCalendar({ timeZone: AMSTERDAM, defaultTimeOfDay: '07:45' });
    expect(local(computeMoment(days, anchors, early))).toBe('2026-06-04 07:45');
  });

  it.each([
    ['spring', '2026-03-28 09:00', new Date('2026-03-29T09:00:00+02:00')],
    ['autumn', '2026-10-24 09:00', new Date('2026-10-25T09:00:00+01:00')],
  ])('1 day after, across the %s DST change, is still 09:00 local', (_season, anchor, expected) => {
    expect(computeMoment(offset('1 days after event'), anchoredAt(at(anchor)), dutchCalendar)).toEqual(
      expected,
    );
  });

  it('moves a time of day that falls in the DST gap forward by the gap', () => {
    const moment = computeMoment(
      offset('1 days after event'),
      anchoredAt(at('2026-03-28 12:00')),
      dutchCalendar,
      '02:30',
    );
    expect(local(moment)).toBe('2026-03-29 03:30');
  });
});

describe('minutes and hours', () => {
  const anchors = anchoredAt(at('2026-03-28 09:00'));

  it('are exact durations, so 24 hours across the spring change shows 10:00', () => {
    expect(computeMoment(offset('24 hours after event'), anchors, dutchCalendar)).toEqual(
      new Date('2026-03-29T10:00:00+02:00'),
    );
  });

  it('ignore the time of day', () => {
    expect(local(computeMoment(offset('2 hours before event'), anchors, dutchCalendar, '17:00'))).toBe(
      '2026-03-28 07:00',
    );
    expect(computeMoment(offset('90 minutes after event'), anchors, dutchCalendar, '17:00')).toEqual(
      new Date('2026-03-28T09:30:00Z'),
    );
  });
});

describe('working days', () => {
  const workingDays = (text: string, anchor: string, calendar = dutchCalendar) =>
    local(computeMoment(offset(text), anchoredAt(at(anchor)), calendar));

  it('skip Koningsdag: 10 working days after Monday 20 April 2026 is 5 May', () => {
    expect(workingDays('10 working-days after created', '2026-04-20 15:00')).toBe('2026-05-05 09:00');
  });

  it('skip Pinkstermaandag and the weekend: 2 working days before Tuesday 26 May 2026 is 21 May', () => {
    expect(workingDays('2 working-days before course.startDate', '2026-05-26 09:00')).toBe(
      '2026-05-21 09:00',
    );
  });

  it('skip Hemelvaartsdag, and closing days', () => {
    expect(workingDays('1 working-days after event', '2026-05-13 11:00')).toBe('2026-05-15 09:00');
    const bridgeDay = new WorkCalendar({ timeZone: AMSTERDAM, closingDays: ['2026-05-15'] });
    expect(workingDays('1 working-days after event', '2026-05-13 11:00', bridgeDay)).toBe('2026-05-18 09:00');
  });

  it('skip Christmas: 1 working day after 24 December 2026 is Monday 28 December', () => {
    expect(workingDays('1 working-days after event', '2026-12-24 16:00')).toBe('2026-12-28 09:00');
  });

  it('count from the next day, also from a weekend', () => {
    expect(workingDays('1 working-days after event', '2026-06-05 09:00')).toBe('2026-06-08 09:00');
    expect(workingDays('1 working-days after event', '2026-06-06 09:00')).toBe('2026-06-08 09:00');
    expect(workingDays('1 working-days before event', '2026-06-08 09:00')).toBe('2026-06-05 09:00');
  });

  it('0 working days is the day itself, or the nearest working day in the offset direction', () => {
    expect(workingDays('0 working-days after event', '2026-06-10 14:00')).toBe('2026-06-10 09:00');
    expect(workingDays('0 working-days before event', '2026-06-10 14:00')).toBe('2026-06-10 09:00');
    // Saturday 25 April 2026; Monday 27 April is Koningsdag.
    expect(workingDays('0 working-days after event', '2026-04-25 14:00')).toBe('2026-04-28 09:00');
    expect(workingDays('0 working-days before event', '2026-04-26 14:00')).toBe('2026-04-24 09:00');
  });

  it('stop with an error when the calendar never opens', () => {
    const allClosed = Array.from({ length: 400 }, (_, day) => new Date(Date.UTC(2026, 0, 1 + day))).map(
      (date) => date.toISOString().slice(0, 10),
    );
    const closed = new WorkCalendar({ timeZone: AMSTERDAM, closingDays: allClosed });
    expect(() => workingDays('1 working-days after event', '2025-12-31 09:00', closed)).toThrow(
      /no working day within 366 days of 2025-12-31/,
    );
  });
});

describe('other time zones', () => {
  const newYork = new WorkCalendar({ timeZone: NEW_YORK, country: 'US', region: 'NY' });

  it('keep 09:00 local across the American DST change (8 March 2026)', () => {
    const moment = computeMoment(
      offset('1 days after event'),
      anchoredAt(at('2026-03-07 09:00', NEW_YORK)),
      newYork,
    );
    expect(moment).toEqual(new Date('2026-03-08T13:00:00Z'));
  });

  it('use the zone’s local date of the anchor', () => {
    // 03:00 UTC on 14 November is still 13 November in New York.
    const anchors = anchoredAt(new Date('2026-11-14T03:00:00Z'));
    expect(local(computeMoment(offset('2 weeks before course.startDate'), anchors, newYork), NEW_YORK)).toBe(
      '2026-10-30 09:00',
    );
  });

  it('use the zone’s holidays: Thanksgiving', () => {
    const moment = computeMoment(
      offset('1 working-days after event'),
      anchoredAt(at('2026-11-25 09:00', NEW_YORK)),
      newYork,
    );
    expect(local(moment, NEW_YORK)).toBe('2026-11-27 09:00');
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('missing anchors', () => {
  const created = at('2026-06-01 10:00');

  it.each([
    ['course.startDate', { created, dates: {} }],
    ['course.startDate', { created, dates: { 'course.startDate': undefined } }],
    ['course.startDate', { created, dates: { 'course.startDate': new Date(Number.NaN) } }],
    ['event', { created, dates: {} }],
  ] satisfies [string, TimingAnchors][])('throw a MissingAnchorError naming %s', (anchor, anchors) => {
    const thrown = thrownBy(() => computeMoment(offset(`1 days after ${anchor}`), anchors, dutchCalendar));
    expect(thrown).toBeInstanceOf(MissingAnchorError);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      anchor,
      category: 'invalid-input',
      code: 'timing.missing-anchor',
      field: anchor,
      name: 'MissingAnchorError',
    });
    expect((thrown as Error).message).toContain(`'${anchor}'`);
  });
});

describe('computeWindow', () => {
  it('example 1: start = end = 10 working days after creation', () => {
    const timing = {
      start: offset('10 working-days after created'),
      end: offset('10 working-days after created'),
    };
    const window = computeWindow(timing, anchoredAt(at('2026-04-20 15:00')), dutchCalendar);
    expect(window).toEqual({ start: at('2026-05-05 09:00'), end: at('2026-05-05 09:00'), adjusted: false });
  });

  it('example 5: 10 days before the course start, end at the start, on the template time', () => {
    const timing = {
      start: offset('10 days before course.startDate'),
      end: offset('0 days before course.startDate'),
      timeOfDay: '08:00',
    };
    const window = computeWindow(timing, anchoredAt(at('2026-09-14 13:00')), dutchCalendar);
    expect(window).toEqual({ start: at('2026-09-04 08:00'), end: at('2026-09-14 08:00'), adjusted: false });
  });

  it('clamps an end before the start to the start and says so', () => {
    const timing = {
      start: offset('2 days before course.startDate'),
      end: offset('5 days before course.startDate'),
    };
    const window = computeWindow(timing, anchoredAt(at('2026-09-14 13:00')), dutchCalendar);
    expect(window).toEqual({ start: at('2026-09-12 09:00'), end: at('2026-09-12 09:00'), adjusted: true });
  });

  it('mixes anchors', () => {
    const timing = { start: offset('0 days after created'), end: offset('3 days after invoice.dueDate') };
    const anchors = { created: at('2026-06-01 10:00'), dates: { 'invoice.dueDate': at('2026-06-30 00:00') } };
    expect(computeWindow(timing, anchors, dutchCalendar)).toEqual({
      start: at('2026-06-01 09:00'),
      end: at('2026-07-03 09:00'),
      adjusted: false,
    });
  });
});

describe('anchorsUsed', () => {
  it.each([
    ['course.startDate', 'course.startDate', ['course.startDate']],
    ['course.startDate', 'course.endDate', ['course.startDate', 'course.endDate']],
    ['created', 'invoice.dueDate', ['invoice.dueDate']],
    ['created', 'event', []],
  ])('start on %s and end on %s depend on %j', (start, end, expected) => {
    expect(
      anchorsUsed({ start: offset(`1 days after ${start}`), end: offset(`1 days after ${end}`) }),
    ).toEqual(expected);
  });
});
