import type { FieldType } from '../dossiers/catalogue.js';
import type { ConditionOp } from './schema.js';

/** The type of a custom field is not known until a record has a value for it. */
export type ConditionFieldType = FieldType | 'custom';

/** Which comparisons make sense on which kind of field. */
export const OPS_BY_TYPE: Readonly<Record<ConditionFieldType, readonly ConditionOp[]>> = {
  string: ['eq', 'ne', 'in', 'exists', 'contains'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists'],
  boolean: ['eq', 'ne', 'exists'],
  enum: ['eq', 'ne', 'in', 'exists'],
  'string[]': ['contains', 'exists'],
  custom: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists', 'contains'],
};
