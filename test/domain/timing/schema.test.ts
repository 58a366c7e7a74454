import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TemplateTimingSchema, TimingOffsetSchema } from '../../../src/domain/timing/index.js';

const offset = { amount: 2, unit: 'weeks', direction: 'before', anchor: 'course.startDate' } as const;

function issues(result: z.ZodSafeParseResult<unknown>): { path: string; message: string }[] {
  if (result.success) throw new Error('expected the input to be rejected');
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('TimingOffsetSchema', () => {
  it.each([
    'created',
    'event',
    'course.startDate',
    'course.endDate',
    'invoice.dueDate',
    'request.createdAt',
    'web-request.receivedAt',
  ])('accepts the anchor %s', (anchor) => {
    expect(TimingOffsetSchema.parse({ ...offset, anchor }).anchor).toBe(anchor);
  });

  it.each([
    '',
    'course',
    'Course.startDate',
    'course.start-date',
    'course.startDate.year',
    '.startDate',
    'now',
  ])('rejects the anchor %j, naming the field', (anchor) => {
    expect(issues(TimingOffsetSchema.safeParse({ ...offset, anchor }))).toEqual([
      { path: 'anchor', message: expect.stringContaining('anchor must be') },
    ]);
  });

  it.each([0, 1, 3650])('accepts the amount %d', (amount) => {
    expect(TimingOffsetSchema.parse({ ...offset, amount }).amount).toBe(amount);
  });

  it.each([-1, 1.5, 3651, Number.NaN, '2'])('rejects the amount %j, naming the field', (amount) => {
    const [issue] = issues(TimingOffsetSchema.safeParse({ ...offset, amount }));
    expect(issue?.path).toBe('amount');
    expect(issue?.message).toMatch(/^amount must be/);
  });

  it('accepts every unit and rejects others by name', () => {
    for (const unit of ['minutes', 'hours', 'days', 'working-days', 'weeks', 'months']) {
      expect(TimingOffsetSchema.parse({ ...offset, unit }).unit).toBe(unit);
    }
    expect(issues(TimingOffsetSchema.safeParse({ ...offset, unit: 'workdays' }))).toEqual([
      { path: 'unit', message: 'unit must be one of: minutes, hours, days, working-days, weeks, months' },
    ]);
  });

  it('rejects a direction other than before/after by name', () => {
    expect(issues(TimingOffsetSchema.safeParse({ ...offset, direction: 'around' }))).toEqual([
      { path: 'direction', message: "direction must be 'before' or 'after'" },
    ]);
  });
});

describe('TemplateTimingSchema', () => {
  const timing = { start: offset, end: { ...offset, amount: 0, unit: 'days' } };

  it('links start and end and tolerates 24 hours in the past by default', () => {
    const parsed = TemplateTimingSchema.parse(timing);
    expect(parsed.linkStartEnd).toBe(true);
    expect(parsed.pastStartToleranceHours).toBe(24);
    expect(parsed.timeOfDay).toBeUndefined();
  });

  it('keeps explicit values', () => {
    const parsed = TemplateTimingSchema.parse({
      ...timing,
      timeOfDay: '17:30',
      linkStartEnd: false,
      pastStartToleranceHours: 0,
    });
    expect(parsed).toMatchObject({ timeOfDay: '17:30', linkStartEnd: false, pastStartToleranceHours: 0 });
  });

  it.each(['00:00', '09:05', '23:59'])('accepts the time of day %s', (timeOfDay) => {
    expect(TemplateTimingSchema.parse({ ...timing, timeOfDay }).timeOfDay).toBe(timeOfDay);
  });

  it.each(['24:00', '9:00', '12:60', '12:5', '0900', ' 09:00'])(
    'rejects the time of day %j by name',
    (timeOfDay) => {
      expect(issues(TemplateTimingSchema.safeParse({ ...timing, timeOfDay }))).toEqual([
        { path: 'timeOfDay', message: 'timeOfDay must be a time as HH:mm between 00:00 and 23:59' },
      ]);
    },
  );

  it('rejects a negative tolerance by name', () => {
    expect(issues(TemplateTimingSchema.safeParse({ ...timing, pastStartToleranceHours: -1 }))).toEqual([
      { path: 'pastStartToleranceHours', message: 'pastStartToleranceHours must be 0 or more' },
    ]);
  });

  it('names the nested field of a bad offset', () => {
    const result = TemplateTimingSchema.safeParse({ ...timing, end: { ...offset, amount: -3 } });
    expect(issues(result)).toEqual([{ path: 'end.amount', message: 'amount must be 0 or more' }]);
  });
});
