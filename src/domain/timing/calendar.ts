import { z } from 'zod';
import { assertLocalDate, type LocalDate, localDateOf, weekdayOf } from './local-date.js';
import { isHolidayRegion, publicHolidaysOf } from './public-holidays.js';
import { timeOfDaySchema } from './schema.js';
import { HOLIDAY_COUNTRIES, timeZoneSchema } from './zones.js';

export const WorkCalendarConfigSchema = z
  .object({
    timeZone: timeZoneSchema('timeZone').default('Europe/Amsterdam'),
    country: z
      .string({ error: 'country must be text' })
      .refine((code) => HOLIDAY_COUNTRIES.includes(code), {
        error: 'country must be a supported country code such as NL, BE or DE',
      })
      .meta({ enum: [...HOLIDAY_COUNTRIES] })
      .transform((code) => code.toUpperCase())
      .default('NL'),
    region: z
      .string({ error: 'region must be text' })
      .regex(/^[A-Za-z0-9-]{1,10}$/, { error: 'region must be a region code such as BY' })
      .transform((code) => code.toUpperCase())
      .optional(),
    closingDays: z
      .array(z.iso.date({ error: 'closingDays must hold dates as YYYY-MM-DD' }))
      .max(1_000, { error: 'closingDays must have at most 1000 dates' })
      .default([]),
    defaultTimeOfDay: timeOfDaySchema('defaultTimeOfDay').default('09:00'),
  })
  .refine((config) => config.region === undefined || isHolidayRegion(config.country, config.region), {
    path: ['region'],
    error: 'region must be a region code of the chosen country, such as BY for DE',
  });
export type WorkCalendarConfig = z.input<typeof WorkCalendarConfigSchema>;

/**
 * When the institute works: Monday to Friday, minus its country's (and region's) public holidays and its
 * own closing days. All day keys are local dates in `timeZone`.
 */
export class WorkCalendar {
  readonly timeZone: string;
  readonly country: string;
  readonly region: string | undefined;
  readonly defaultTimeOfDay: string;
  readonly #closingDays: ReadonlySet<LocalDate>;
  // Holiday rules are evaluated once per year: working-day walks look the same years up many times.
  readonly #holidaysByYear = new Map<number, ReadonlyMap<LocalDate, string>>();

  /** @throws ZodError naming the invalid field. */
  constructor(config: WorkCalendarConfig) {
    const parsed = WorkCalendarConfigSchema.parse(config);
    this.timeZone = parsed.timeZone;
    this.country = parsed.country;
    this.region = parsed.region;
    this.defaultTimeOfDay = parsed.defaultTimeOfDay;
    this.#closingDays = new Set(parsed.closingDays);
  }

  isWorkingDay(date: LocalDate): boolean {
    const weekday = weekdayOf(date);
    const weekend = weekday === 0 || weekday === 6;
    return !weekend && !this.isClosingDay(date) && this.holidayName(date) === undefined;
  }

  /** The public holiday on `date`, in the country's own language, or undefined. */
  holidayName(date: LocalDate): string | undefined {
    assertLocalDate(date);
    const year = Number(date.slice(0, 4));
    let holidays = this.#holidaysByYear.get(year);
    if (!holidays) {
      holidays = publicHolidaysOf(this.country, this.region, year);
      this.#holidaysByYear.set(year, holidays);
    }
    return holidays.get(date);
  }

  isClosingDay(date: LocalDate): boolean {
    return this.#closingDays.has(date);
  }

  /** The calendar day `instant` falls on in this calendar's time zone. */
  localDateOf(instant: Date): LocalDate {
    return localDateOf(instant, this.timeZone);
  }
}
