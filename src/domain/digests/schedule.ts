import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/**
 * When a channel digest goes out (docs/digests.md): a five-field cron expression in an IANA time zone,
 * so "08:30 on weekdays" stays 08:30 local on both sides of a daylight-saving change. The friendly forms
 * people type in chat become cron expressions; `workingDaysOnly` additionally skips public holidays and
 * the workspace's closing days, which cron cannot know.
 */
export interface DigestSchedule {
  cron: string;
  timeZone: string;
  workingDaysOnly: boolean;
  /** How it was asked for ("werkdagen 08:30"), to say it back the same way. */
  label?: string;
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

const dayNumbers: Record<string, number> = {
  zo: 0,
  zondag: 0,
  su: 0,
  sun: 0,
  sunday: 0,
  ma: 1,
  maandag: 1,
  mo: 1,
  mon: 1,
  monday: 1,
  di: 2,
  dinsdag: 2,
  tu: 2,
  tue: 2,
  tuesday: 2,
  wo: 3,
  woensdag: 3,
  we: 3,
  wed: 3,
  wednesday: 3,
  do: 4,
  donderdag: 4,
  th: 4,
  thu: 4,
  thursday: 4,
  vr: 5,
  vrijdag: 5,
  fr: 5,
  fri: 5,
  friday: 5,
  za: 6,
  zaterdag: 6,
  sa: 6,
  sat: 6,
  saturday: 6,
};

const workingDayWords = new Set(['werkdagen', 'werkdag', 'weekdays', 'weekday', 'workdays', 'workday']);
const dailyWords = new Set(['dagelijks', 'daily', 'elke-dag', 'every-day', 'iedere-dag']);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A cron expression cron-parser accepts, limited to the five classic fields (no seconds, no years). */
export function isCronExpression(value: string): boolean {
  const fields = value.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  try {
    CronExpressionParser.parse(value.trim(), { tz: 'UTC' });
    return true;
  } catch {
    return false;
  }
}

export type ScheduleParse =
  | { ok: true; cron: string; workingDaysOnly: boolean }
  | { ok: false; reason: 'time' | 'days' | 'cron' };

/**
 * The schedule words of `/actie digest aan …`: `werkdagen 08:30` / `weekdays 08:30`, `dagelijks 8:30` /
 * `daily 8:30`, one or more days (`maandag 08:30`, `ma,wo,vr 08:30`, `mon,thu 9:00`), or a cron
 * expression in quotes (`"30 8 * * 1-5"`).
 */
export function parseScheduleWords(words: readonly string[]): ScheduleParse {
  if (words.length === 1 && words[0]!.trim().split(/\s+/).length === 5) {
    return isCronExpression(words[0]!)
      ? { ok: true, cron: words[0]!.trim().replace(/\s+/g, ' '), workingDaysOnly: false }
      : { ok: false, reason: 'cron' };
  }
  const [dayWord, timeWord] = words;
  if (words.length !== 2 || !dayWord || !timeWord)
    return { ok: false, reason: words.length === 1 ? 'time' : 'days' };
  const time = TIME.exec(timeWord);
  if (!time) return { ok: false, reason: 'time' };
  const clock = `${Number(time[2])} ${Number(time[1])}`;
  const day = dayWord.toLowerCase();
  if (workingDayWords.has(day)) return { ok: true, cron: `${clock} * * 1-5`, workingDaysOnly: true };
  if (dailyWords.has(day)) return { ok: true, cron: `${clock} * * *`, workingDaysOnly: false };
  const days = day.split(',').map((name) => dayNumbers[name.trim()]);
  if (days.length === 0 || days.some((number) => number === undefined)) return { ok: false, reason: 'days' };
  const unique = [...new Set(days as number[])].sort((a, b) => a - b);
  return { ok: true, cron: `${clock} * * ${unique.join(',')}`, workingDaysOnly: false };
}

export const DigestScheduleSchema = z.object({
  cron: z
    .string({ error: 'cron must be a text' })
    .trim()
    .refine(isCronExpression, { error: 'cron must be a five-field cron expression, e.g. "30 8 * * 1-5"' }),
  timeZone: z
    .string({ error: 'timeZone must be a text' })
    .refine(isTimeZone, { error: 'timeZone must be an IANA time zone, e.g. Europe/Amsterdam' }),
  workingDaysOnly: z.boolean({ error: 'workingDaysOnly must be true or false' }).default(false),
  label: z.string().trim().min(1).max(200).optional(),
});

/** The next `count` moments of `schedule` after `from` (exclusive), as Agenda computes them. */
export function nextRuns(
  schedule: Pick<DigestSchedule, 'cron' | 'timeZone'>,
  from: Date,
  count: number,
): Date[] {
  const expression = CronExpressionParser.parse(schedule.cron, { currentDate: from, tz: schedule.timeZone });
  return Array.from({ length: count }, () => expression.next().toDate());
}
