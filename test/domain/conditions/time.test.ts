import { describe, expect, it } from 'vitest';
import { type Condition, changesWithTime } from '../../../src/domain/conditions/index.js';

const set = (all: Condition[], any: Condition[][] = []) => ({ all, any });

describe('conditions that change with time alone', () => {
  it('are the ones on a fact that changes with time, or comparing with a date relative to now', () => {
    expect(changesWithTime(set([{ field: 'invoice.overdue', op: 'eq', value: true }]), 'invoice')).toBe(true);
    expect(
      changesWithTime(
        set([], [[{ field: 'invoice.dueDate', op: 'lt', value: { daysFromNow: -7 } }]]),
        'invoice',
      ),
    ).toBe(true);
    expect(
      changesWithTime(
        set([{ field: 'course.startDate', op: 'gte', value: { daysFromNow: 0 } }]),
        'participant',
      ),
    ).toBe(true);
  });

  it('are not the ones on stored fields and other derived facts, whatever their values', () => {
    expect(changesWithTime(set([{ field: 'invoice.paid', op: 'eq', value: false }]), 'invoice')).toBe(false);
    expect(changesWithTime(set([{ field: 'course.full', op: 'eq', value: true }]), 'course')).toBe(false);
    expect(
      changesWithTime(
        set([{ field: 'course.startDate', op: 'lt', value: new Date('2027-01-01') }]),
        'course',
      ),
    ).toBe(false);
    expect(changesWithTime(set([]), 'course')).toBe(false);
  });
});
