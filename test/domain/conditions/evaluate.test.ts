import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Condition,
  type ConditionSet,
  evaluateConditions,
  failureReasons,
  holds,
  renderExplanation,
} from '../../../src/domain/conditions/index.js';
import { buildRecordContext } from '../../../src/domain/dossiers/index.js';
import { courseContext, participantContext } from '../support/contexts.js';
import { NOW, record } from '../support/records.js';

const en = { locale: 'en', timeZone: 'Europe/Amsterdam' } as const;
const nl = { locale: 'nl', timeZone: 'Europe/Amsterdam' } as const;
const all = (...conditions: Condition[]): ConditionSet => ({ all: conditions, any: [] });

describe('evaluateConditions', () => {
  it('holds for an empty set', () => {
    expect(evaluateConditions({ all: [], any: [] }, courseContext(), NOW)).toEqual({
      holds: true,
      explanations: [],
    });
  });

  it('explains why "course is full" does not hold yet (docs/domain.md §8 example 4)', () => {
    const result = evaluateConditions(
      all({ field: 'course.full', op: 'eq', value: true }),
      courseContext(),
      NOW,
    );
    expect(result.holds).toBe(false);
    expect(result.explanations).toEqual([
      { field: 'course.full', op: 'eq', expected: true, actual: false, holds: false },
    ]);
    expect(renderExplanation(result.explanations[0]!, en)).toBe('course.full is false, expected true');
    expect(renderExplanation(result.explanations[0]!, nl)).toBe('course.full is onwaar, verwacht waar');
  });

  it('holds once the course fills up', () => {
    const full = courseContext({}, [{ status: 'planned' }, { status: 'planned' }, { status: 'planned' }]);
    expect(evaluateConditions(all({ field: 'course.full', op: 'eq', value: true }), full, NOW).holds).toBe(
      true,
    );
  });

  it('needs every all-condition and one condition of every any-group', () => {
    const context = participantContext('p-1');
    const set: ConditionSet = {
      all: [{ field: 'participant.active', op: 'eq', value: true }],
      any: [
        [
          { field: 'participant.status', op: 'eq', value: 'waiting-list' },
          { field: 'course.minimumReached', op: 'eq', value: false },
        ],
        [{ field: 'person.firstName', op: 'contains', value: 'first' }],
      ],
    };
    const result = evaluateConditions(set, context, NOW);
    expect(result.holds).toBe(true);
    expect(result.explanations.map((explanation) => explanation.anyGroup)).toEqual([undefined, 0, 0, 1]);

    const failing = {
      ...set,
      any: [[{ field: 'participant.status', op: 'eq', value: 'waiting-list' } as const]],
    };
    const failed = evaluateConditions(failing, context, NOW);
    expect(failed.holds).toBe(false);
    expect(failureReasons(failed, en)).toEqual([
      'none of these holds: participant.status is planned, expected waiting-list',
    ]);
    expect(failureReasons(failed, nl)).toEqual([
      'geen van deze geldt: participant.status is planned, verwacht waiting-list',
    ]);
  });

  it('lists every failing all-condition, not just the first', () => {
    const result = evaluateConditions(
      all(
        { field: 'course.full', op: 'eq', value: true },
        { field: 'course.participantCount', op: 'gte', value: 5 },
        { field: 'course.name', op: 'exists' },
      ),
      courseContext(),
      NOW,
    );
    expect(failureReasons(result, en)).toEqual([
      'course.full is false, expected true',
      'course.participantCount is 1, expected at least 5',
    ]);
  });

  it('compares dates as dates, including ISO texts and relative dates', () => {
    const context = courseContext();
    const check = (condition: Condition) => evaluateConditions(all(condition), context, NOW).holds;
    expect(check({ field: 'course.startDate', op: 'gt', value: new Date('2026-11-01T00:00:00Z') })).toBe(
      true,
    );
    expect(check({ field: 'course.startDate', op: 'lt', value: '2026-11-01T00:00:00Z' })).toBe(false);
    expect(check({ field: 'course.startDate', op: 'eq', value: '2026-11-14T09:00:00+01:00' })).toBe(true);
    expect(check({ field: 'course.startDate', op: 'lt', value: { daysFromNow: 60 } })).toBe(true);
    expect(check({ field: 'course.startDate', op: 'lt', value: { daysFromNow: 30 } })).toBe(false);
  });

  it('renders dates in explanations in the locale', () => {
    const result = evaluateConditions(
      all({ field: 'course.startDate', op: 'lt', value: '2026-11-01T09:00:00+01:00' }),
      courseContext(),
      NOW,
    );
    expect(renderExplanation(result.explanations[0]!, nl)).toBe(
      'course.startDate is 14 november 2026, verwacht minder dan 1 november 2026',
    );
  });

  it('reads custom fields and treats missing ones as empty', () => {
    const context = courseContext();
    const result = evaluateConditions(
      all(
        { field: 'course.custom.room', op: 'eq', value: 'A1' },
        { field: 'course.custom.floor', op: 'exists' },
      ),
      context,
      NOW,
    );
    expect(result.explanations.map((explanation) => explanation.holds)).toEqual([true, false]);
    expect(renderExplanation(result.explanations[1]!, en)).toBe(
      'course.custom.floor is empty, expected a value',
    );
    expect(renderExplanation(result.explanations[1]!, nl)).toBe(
      'course.custom.floor is leeg, verwacht een waarde',
    );
  });

  it('explains in, ne and exists=false', () => {
    const context = courseContext();
    const result = evaluateConditions(
      all(
        { field: 'course.status', op: 'in', value: ['definitive', 'executed'] },
        { field: 'course.status', op: 'ne', value: 'to-start' },
        { field: 'course.name', op: 'exists', value: false },
      ),
      context,
      NOW,
    );
    expect(failureReasons(result, en)).toEqual([
      'course.status is to-start, expected one of definitive or executed',
      'course.status is to-start, expected anything but to-start',
      'course.name is Workshop basics, expected no value',
    ]);
  });

  it('reads absent relations as empty', () => {
    const context = buildRecordContext({ primary: record('participant') }, NOW);
    const result = evaluateConditions(
      all({ field: 'course.status', op: 'ne', value: 'cancelled' }),
      context,
      NOW,
    );
    expect(result.explanations[0]).toMatchObject({ actual: null, holds: true });
  });
});

describe('comparison rules', () => {
  it('contains works on texts (ignoring case) and on lists', () => {
    expect(holds('contains', 'Workshop Basics', 'basics')).toBe(true);
    expect(holds('contains', ['vca', 'first-aid-expired'], 'First-Aid-Expired')).toBe(true);
    expect(holds('contains', ['vca'], 'v')).toBe(false);
    expect(holds('contains', 12, '1')).toBe(false);
  });

  it('exists means a value that is not null, empty text or an empty list', () => {
    expect(holds('exists', null, undefined)).toBe(false);
    expect(holds('exists', '', undefined)).toBe(false);
    expect(holds('exists', [], undefined)).toBe(false);
    expect(holds('exists', 0, undefined)).toBe(true);
    expect(holds('exists', false, undefined)).toBe(true);
    expect(holds('exists', null, false)).toBe(true);
  });

  it('fails every comparison on an empty field except ne', () => {
    for (const op of ['eq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'] as const) {
      expect(holds(op, null, op === 'in' ? [1] : op === 'contains' ? 'x' : 1)).toBe(false);
    }
    expect(holds('ne', null, 'cancelled')).toBe(true);
  });

  it('never equates values of different types', () => {
    expect(holds('eq', '1', 1)).toBe(false);
    expect(holds('eq', true, 'true')).toBe(false);
    expect(holds('gt', 'b', 'a')).toBe(false);
  });

  it('orders numbers consistently', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        expect(holds('lt', a, b)).toBe(a < b);
        expect(holds('gte', a, b)).toBe(!(a < b));
        expect(holds('eq', a, b)).toBe(a === b);
        expect(holds('ne', a, b)).toBe(a !== b);
      }),
    );
  });

  it('orders dates consistently', () => {
    const date = fc.date({ noInvalidDate: true });
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(holds('gt', a, b)).toBe(a.getTime() > b.getTime());
        expect(holds('lte', a, b)).toBe(a.getTime() <= b.getTime());
        expect(holds('eq', a, new Date(a.getTime()))).toBe(true);
      }),
    );
  });
});
