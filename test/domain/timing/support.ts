import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { atTimeOfDay, WorkCalendar } from '../../../src/domain/timing/index.js';

export const AMSTERDAM = 'Europe/Amsterdam';
export const NEW_YORK = 'America/New_York';

/** The default Dutch calendar: Europe/Amsterdam, NL public holidays, 09:00. */
export const dutchCalendar = new WorkCalendar({ timeZone: AMSTERDAM });

/** The instant of a local 'YYYY-MM-DD HH:mm' in `timeZone`. */
export function at(localDateTime: string, timeZone = AMSTERDAM): Date {
  const [date, time] = localDateTime.split(' ');
  return atTimeOfDay(date ?? '', time ?? '', timeZone);
}

/** An instant as local 'YYYY-MM-DD HH:mm' in `timeZone`, for readable assertions. */
export function local(instant: Date, timeZone = AMSTERDAM): string {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd HH:mm');
}
