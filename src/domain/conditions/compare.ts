import type { FieldValue } from '../dossiers/paths.js';
import { type ConditionOp, type ConditionValue, RelativeDateSchema } from './schema.js';

const DAY_MS = 86_400_000;

/** A Date, or an ISO 8601 date-time text parsed into one; anything else is not a date. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The value a condition compares with: a relative date becomes a moment (in whole days of 24 hours, which
 * is precise enough for a threshold), and a date text becomes a Date when the field holds a date.
 */
export function resolveExpected(
  value: ConditionValue | undefined,
  actual: FieldValue,
  now: Date,
): ConditionValue | undefined {
  const relative = RelativeDateSchema.safeParse(value);
  if (relative.success) return new Date(now.getTime() + relative.data.daysFromNow * DAY_MS);
  if (Array.isArray(value)) return value.map((item) => resolveExpected(item, actual, now) as typeof item);
  if (actual instanceof Date) return toDate(value) ?? value;
  return value;
}

/** Empty texts and lists count as absent: a form field that was cleared is not a value. */
export function isPresent(value: FieldValue): boolean {
  if (value === null) return false;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  return true;
}

function comparable(value: unknown): number | string | boolean | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return undefined;
}

function equal(actual: FieldValue, expected: unknown): boolean {
  const a = comparable(actual);
  return a !== undefined && typeof a === typeof comparable(expected) && a === comparable(expected);
}

function order(actual: FieldValue, expected: unknown): number | undefined {
  const a = comparable(actual);
  const b = comparable(expected);
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  return a - b;
}

/**
 * Whether `actual op expected` holds. An empty field fails every comparison except `ne` (a missing status
 * is indeed not 'cancelled') and `exists false`. Texts compare exactly, except `contains`, which ignores
 * case on texts and list items.
 */
export function holds(op: ConditionOp, actual: FieldValue, expected: ConditionValue | undefined): boolean {
  switch (op) {
    case 'exists':
      return isPresent(actual) === (expected ?? true);
    case 'eq':
      return equal(actual, expected);
    case 'ne':
      return !equal(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((item) => equal(actual, item));
    case 'contains':
      return contains(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const difference = order(actual, expected);
      if (difference === undefined) return false;
      if (op === 'gt') return difference > 0;
      if (op === 'gte') return difference >= 0;
      if (op === 'lt') return difference < 0;
      return difference <= 0;
    }
  }
}

function contains(actual: FieldValue, expected: unknown): boolean {
  if (typeof expected !== 'string') return false;
  const needle = expected.toLowerCase();
  if (typeof actual === 'string') return actual.toLowerCase().includes(needle);
  if (Array.isArray(actual)) return actual.some((item) => item.toLowerCase() === needle);
  return false;
}
