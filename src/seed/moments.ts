import { computeMoment, type WorkCalendar } from '../domain/timing/index.js';

/**
 * The moment `workingDays` working days after `now` (before it when negative), at `timeOfDay` in the
 * workspace zone. Counting in working days keeps the example courses off weekends and public holidays,
 * and it is the same arithmetic the templates use, so "starts in 2 working days" and "attendance list
 * 2 working days before the start" meet on today whenever the example is seeded on a working day.
 */
export function workingDaysFrom(
  now: Date,
  workingDays: number,
  timeOfDay: string,
  calendar: WorkCalendar,
): Date {
  return computeMoment(
    {
      amount: Math.abs(workingDays),
      unit: 'working-days',
      direction: workingDays < 0 ? 'before' : 'after',
      anchor: 'created',
    },
    { created: now, dates: {} },
    calendar,
    timeOfDay,
  );
}
