import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { atTimeOfDay } from '../../domain/timing/index.js';

/**
 * How form values travel between the neutral model and the platforms. Moments are ISO 8601 with the
 * viewer's offset (`2026-12-01T09:00+01:00`): exact for platforms with an instant picker, and their first
 * sixteen characters are the local wall time for platforms with a date and a time input.
 */
export function momentValue(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mmXXX");
}

const localMoment = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/;
const offsetMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A moment as a form sends it back: with an offset it is exact; a local date and time is read in the
 * viewer's zone, and a bare date at the workspace's default hour. Undefined when it cannot be read.
 */
export function parseMoment(value: string, timeZone: string, defaultTimeOfDay: string): Date | undefined {
  const text = value.trim();
  if (offsetMoment.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  const local = localMoment.exec(text);
  if (!local) return undefined;
  try {
    const instant = atTimeOfDay(local[1]!, local[2] ?? defaultTimeOfDay, timeZone);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  } catch {
    return undefined;
  }
}
