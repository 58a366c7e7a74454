import type { WorkCalendar } from './calendar.js';
import { type LocalDate, shiftLocalDate } from './local-date.js';

/** A calendar closed for longer than this is misconfigured; stop instead of walking for ever. */
const MAX_CLOSED_STRETCH_DAYS = 366;

/**
 * The date `amount` working days after or before `from`, skipping weekends, public holidays and closing days.
 * Days are counted from the day after (before) `from`, so `from` itself never counts: 1 working day after
 * Friday is Monday, and 1 working day after Saturday is Monday too. 0 working days is `from` when it is a
 * working day, else the nearest working day in `direction` — the next one for 'after', the previous one
 * for 'before' (a deadline "0 working days before" a Sunday course must fall before it).
 */
export function shiftWorkingDays(
  calendar: WorkCalendar,
  from: LocalDate,
  amount: number,
  direction: 'after' | 'before',
): LocalDate {
  const step = direction === 'after' ? 1 : -1;
  // From a non-working day the nearest working day is the first one counted, so 0 behaves like 1.
  const toCount = amount === 0 && !calendar.isWorkingDay(from) ? 1 : amount;
  let date = from;
  let counted = 0;
  let closedStretch = 0;
  while (counted < toCount) {
    date = shiftLocalDate(date, step);
    if (calendar.isWorkingDay(date)) {
      counted += 1;
      closedStretch = 0;
    } else if (++closedStretch > MAX_CLOSED_STRETCH_DAYS) {
      throw new RangeError(
        `The work calendar has no working day within ${MAX_CLOSED_STRETCH_DAYS} days of ${from}`,
      );
    }
  }
  return date;
}
