import Holidays from 'date-holidays';
import type { LocalDate } from './local-date.js';

/**
 * Which holidays close the office. `date-holidays` types each holiday as public, bank, optional, school
 * or observance; only `public` is taken. For the Netherlands that is exactly Nieuwjaarsdag, 1e/2e Paasdag,
 * Koningsdag, Hemelvaartsdag, 1e/2e Pinksterdag and 1e/2e Kerstdag — the days Dutch offices close by
 * law and by nearly every CAO. Goede Vrijdag and Bevrijdingsdag are typed `school` there: most offices work
 * on Goede Vrijdag, and Bevrijdingsdag is a day off only by CAO (often only in lustrum years such as 2025
 * and 2030), so institutes that close on them list them as closing days. Elsewhere `public` also covers
 * legal substitute days (e.g. a Boxing Day falling on a Saturday) and, for the UK, the bank holidays;
 * `bank` there means days like Oudejaarsdag or Heiligabend on which offices mostly work.
 */
const CLOSING_HOLIDAY_TYPE = 'public';

/** Country codes `date-holidays` knows, e.g. 'NL', 'BE', 'DE', 'GB', 'US'. */
export function isHolidayCountry(country: string): boolean {
  return Object.hasOwn(new Holidays().getCountries(), country);
}

/** Region (state/province) codes of a country, e.g. 'BY' for DE or 'NY' for US. */
export function isHolidayRegion(country: string, region: string): boolean {
  return Object.hasOwn(new Holidays().getStates(country) ?? {}, region);
}

/** Public holidays of one year as local date → name (in the country's own language). */
export function publicHolidaysOf(
  country: string,
  region: string | undefined,
  year: number,
): Map<LocalDate, string> {
  const holidays = new Holidays();
  holidays.init(country, region);
  const byDate = new Map<LocalDate, string>();
  for (const holiday of holidays.getHolidays(year)) {
    // `date` is the holiday's own local date ('YYYY-MM-DD hh:mm:ss'); a holiday is a day, not an instant.
    const date = holiday.date.slice(0, 10);
    if (holiday.type === CLOSING_HOLIDAY_TYPE && !byDate.has(date)) byDate.set(date, holiday.name);
  }
  return byDate;
}
