/** Renders values the way mongod prints them in error messages, e.g. `{ _id: ObjectId('…') }`. */
import type { ObjectId } from 'bson';
import { bsonTypeTag, isPlainObject, toJsNumber } from './values.js';

export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return value.length ? `[ ${value.map(formatValue).join(', ')} ]` : '[]';
  if (isPlainObject(value)) return formatDocument(value);
  switch (bsonTypeTag(value)) {
    case 'ObjectId':
      return `ObjectId('${(value as ObjectId).toHexString()}')`;
    case 'Double':
    case 'Int32':
      return String(toJsNumber(value));
    case 'Long':
      return String(value);
    default:
      return String(value);
  }
}

export function formatDocument(doc: Record<string, unknown>): string {
  const fields = Object.entries(doc).map(([key, value]) => `${key}: ${formatValue(value)}`);
  return fields.length ? `{ ${fields.join(', ')} }` : '{}';
}
