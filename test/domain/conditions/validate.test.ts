import { describe, expect, it } from 'vitest';
import { validateConditions } from '../../../src/domain/conditions/index.js';
import { DomainError } from '../../../src/domain/errors.js';

function errorOf(input: unknown, group: Parameters<typeof validateConditions>[1] = 'course'): DomainError {
  try {
    validateConditions(input, group);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('validateConditions', () => {
  it('accepts valid conditions and fills in an empty any', () => {
    expect(validateConditions({ all: [{ field: 'course.full', op: 'eq', value: true }] }, 'course')).toEqual({
      all: [{ field: 'course.full', op: 'eq', value: true }],
      any: [],
    });
  });

  it('accepts fields of relations and custom fields of any type', () => {
    const input = {
      all: [
        { field: 'course.minimumReached', op: 'eq', value: true },
        { field: 'person.categories', op: 'contains', value: 'vca' },
        { field: 'participant.custom.diet', op: 'in', value: ['vegan', 3] },
        { field: 'company.name', op: 'exists' },
      ],
    };
    expect(() => validateConditions(input, 'participant')).not.toThrow();
  });

  it('refuses an unknown field, listing the valid ones', () => {
    const error = errorOf({ all: [{ field: 'course.ful', op: 'eq', value: true }] });
    expect(error).toMatchObject({
      category: 'invalid-input',
      code: 'condition.unknown-field',
      field: 'conditions.all.0.field',
    });
    expect(error.details?.valid).toContain('course.full');
    expect(error.details?.valid).toContain('courseType.name');
  });

  it('refuses a field of a record the group cannot reach', () => {
    expect(errorOf({ all: [{ field: 'person.active', op: 'eq', value: true }] }).code).toBe(
      'condition.unknown-field',
    );
  });

  it.each([
    ['course.full', 'eq', 'yes', 'must be true or false'],
    ['course.participantCount', 'gt', '3', 'must be a number'],
    ['course.status', 'eq', 'started', 'must be one of'],
    ['course.startDate', 'lt', '14-11-2026', 'must be a date'],
    ['course.name', 'eq', 5, 'must be a text'],
    ['course.name', 'contains', 5, 'contains takes a text'],
    ['course.status', 'in', [], 'non-empty list'],
    ['course.status', 'in', ['definitive', 'nope'], 'must be one of'],
    ['course.name', 'eq', undefined, 'eq needs a value'],
    ['course.name', 'exists', 'x', 'exists takes true or false'],
    ['course.name', 'eq', ['a'], 'single value'],
  ])('refuses %s %s %j, naming the value', (field, op, value, message) => {
    const error = errorOf({ all: [{ field, op, value }] });
    expect(error.code).toBe('condition.invalid-value');
    expect(error.field).toBe('conditions.all.0.value');
    expect(error.message).toContain(field);
    expect(error.message).toContain(message);
  });

  it.each([
    ['course.full', 'gt'],
    ['course.status', 'lt'],
    ['course.startDate', 'contains'],
    ['course.name', 'gte'],
  ])('refuses %s with %s, listing the allowed operators', (field, op) => {
    const error = errorOf({ all: [{ field, op, value: true }] });
    expect(error.code).toBe('condition.operator-not-allowed');
    expect(error.field).toBe('conditions.all.0.op');
    expect(Array.isArray(error.details?.valid)).toBe(true);
  });

  it('names fields inside any-groups and reports all issues', () => {
    const error = errorOf({
      all: [{ field: 'course.nope', op: 'eq', value: 1 }],
      any: [
        [
          { field: 'course.full', op: 'eq', value: true },
          { field: 'course.full', op: 'eq', value: 1 },
        ],
      ],
    });
    expect(error.issues.map((issue) => issue.field)).toEqual([
      'conditions.all.0.field',
      'conditions.any.0.1.value',
    ]);
  });

  it('refuses malformed sets with the field at fault', () => {
    expect(errorOf({ all: [{ field: 'course.full', op: 'is', value: true }] }).field).toBe(
      'conditions.all.0.op',
    );
    expect(errorOf({ all: [], any: [[]] }).field).toBe('conditions.any.0');
    expect(errorOf({ all: [{ field: 'course.full', op: 'eq', value: true, extra: 1 }] }).field).toBe(
      'conditions.all.0',
    );
  });
});
