import Holidays from 'date-holidays';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkCalendar } from '../../../src/domain/timing/index.js';
import { AMSTERDAM, dutchCalendar, NEW_YORK } from './support.js';

describe('WorkCalendar defaults', () => {
  it('is Dutch, in Amsterdam, at 09:00 unless told otherwise', () => {
    const calendar = new WorkCalendar({});
    expect(calendar).toMatchObject({ timeZone: AMSTERDAM, country: 'NL', defaultTimeOfDay: '09:00' });
    expect(calendar.region).toBeUndefined();
  });
});

describe('Dutch public holidays', () => {
  it.each([
    ['2026-01-01', 'Nieuwjaar'],
    ['2026-04-05', 'Pasen'],
    ['2026-04-06', 'Tweede paasdag'],
    ['2026-04-27', 'Koningsdag'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-24', 'Pinksteren'],
    ['2026-05-25', 'Tweede pinksterdag'],
    ['2026-12-25', 'Kerstmis'],
    ['2026-12-26', 'Tweede kerstdag'],
    ['2027-01-01', 'Nieuwjaar'],
    ['2027-03-29', 'Tweede paasdag'],
    ['2027-04-27', 'Koningsdag'],
    ['2027-05-06', 'Hemelvaartsdag'],
    ['2027-05-17', 'Tweede pinksterdag'],
    ['2027-12-25', 'Kerstmis'],
    ['2027-12-26', 'Tweede kerstdag'],
  ])('%s is %s, not a working day', (date, name) => {
    expect(dutchCalendar.holidayName(date)).toBe(name);
    expect(dutchCalendar.isWorkingDay(date)).toBe(false);
  });

  it('moves Koningsdag to Saturday 26 April when 27 April is a Sunday (2025)', () => {
    expect(dutchCalendar.holidayName('2025-04-26')).toBe('Koningsdag');
    expect(dutchCalendar.holidayName('2025-04-27')).toBeUndefined();
  });

  it.each([
    ['2026-04-03', 'Goede Vrijdag'],
    ['2026-05-04', 'Dodenherdenking'],
    ['2026-05-05', 'Bevrijdingsdag'],
    ['2025-05-05', 'Bevrijdingsdag in a lustrum year'],
    ['2026-12-31', 'Oudejaarsdag'],
    ['2026-12-15', 'Koninkrijksdag'],
  ])('%s (%s) is a working day: not a public holiday', (date) => {
    expect(dutchCalendar.holidayName(date)).toBeUndefined();
    expect(dutchCalendar.isWorkingDay(date)).toBe(true);
  });

  it('treats Saturday and Sunday as weekend and other days as working days', () => {
    expect(['2026-06-06', '2026-06-07'].map((date) => dutchCalendar.isWorkingDay(date))).toEqual([
      false,
      false,
    ]);
    const week = ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12'];
    expect(week.every((date) => dutchCalendar.isWorkingDay(date))).toBe(true);
  });
});

describe('closing days', () => {
  const calendar = new WorkCalendar({ timeZone: AMSTERDAM, closingDays: ['2026-05-15', '2026-12-31'] });

  it('are not working days, but are not holidays either', () => {
    expect(calendar.isWorkingDay('2026-05-15')).toBe(false);
    expect(calendar.isClosingDay('2026-05-15')).toBe(true);
    expect(calendar.holidayName('2026-05-15')).toBeUndefined();
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
  });

  it('belong to their own calendar only', () => {
    expect(dutchCalendar.isWorkingDay('2026-05-15')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-18')).toBe(true);
  });
});

describe('other countries and regions', () => {
  it('uses the region: Heilige Drei Könige is a holiday in Bavaria, not in all of Germany', () => {
    const bavaria = new WorkCalendar({ timeZone: 'Europe/Berlin', country: 'de', region: 'by' });
    expect(bavaria).toMatchObject({ country: 'DE', region: 'BY' });
    expect(bavaria.holidayName('2026-01-06')).toBe('Heilige Drei Könige');
    expect(new WorkCalendar({ timeZone: 'Europe/Berlin', country: 'DE' }).isWorkingDay('2026-01-06')).toBe(
      true,
    );
  });

  it('closes on legal substitute days', () => {
    const newYork = new WorkCalendar({ timeZone: NEW_YORK, country: 'US', region: 'NY' });
    expect(newYork.isWorkingDay('2026-07-03')).toBe(false);
    expect(newYork.holidayName('2026-11-26')).toBe('Thanksgiving Day');
    const england = new WorkCalendar({ timeZone: 'Europe/London', country: 'GB', region: 'ENG' });
    expect(england.holidayName('2026-12-28')).toMatch(/Boxing Day/);
    expect(england.holidayName('2026-08-31')).toBe('Summer bank holiday');
  });
});

describe('calendar days', () => {
  it('are local dates in the calendar zone', () => {
    const lateEvening = new Date('2026-03-10T23:30:00Z');
    expect(dutchCalendar.localDateOf(lateEvening)).toBe('2026-03-11');
    expect(new WorkCalendar({ timeZone: NEW_YORK, country: 'US' }).localDateOf(lateEvening)).toBe(
      '2026-03-10',
    );
  });

  it.each(['2026-02-30', '2026-2-3', '26-01-01', '2026-01-01T00:00', ''])('rejects the key %j', (date) => {
    expect(() => dutchCalendar.isWorkingDay(date)).toThrow(RangeError);
    expect(() => dutchCalendar.holidayName(date)).toThrow(RangeError);
  });
});

describe('holiday cache', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('evaluates the holiday rules once per year', () => {
    const getHolidays = vi.spyOn(Holidays.prototype, 'getHolidays');
    const calendar = new WorkCalendar({ timeZone: AMSTERDAM });
    for (const date of ['2026-01-01', '2026-05-14', '2026-12-25', '2027-01-01', '2026-07-01']) {
      calendar.isWorkingDay(date);
    }
    expect(getHolidays.mock.calls.map(([year]) => year)).toEqual([2026, 2027]);
  });
});

describe('configuration errors name the field', () => {
  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '' }, 'timeZone'],
    [{ timeZone: 'Europe/Amsterdam ' }, 'timeZone'],
    [{ country: 'XX' }, 'country'],
    [{ country: 'NL', region: 'ZZ' }, 'region'],
    [{ closingDays: ['2026-02-30'] }, 'closingDays'],
    [{ closingDays: ['2026-5-1'] }, 'closingDays'],
    [{ defaultTimeOfDay: '25:00' }, 'defaultTimeOfDay'],
    [{ defaultTimeOfDay: '9:00' }, 'defaultTimeOfDay'],
  ])('rejects %j', (config, field) => {
    expect(() => new WorkCalendar(config)).toThrow(
      new RegExp(`"path":\\s*\\[\\s*"${field}"[\\s\\S]*${field} must`),
    );
  });

  it('accepts zones other than Amsterdam', () => {
    for (const timeZone of [NEW_YORK, 'Asia/Kolkata', 'UTC', 'Australia/Sydney']) {
      expect(new WorkCalendar({ timeZone }).timeZone).toBe(timeZone);
    }
  });
});
