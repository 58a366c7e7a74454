import { pathWords } from '../../i18n/labels.js';
import type { RecordKind } from '../dossiers/kinds.js';
import { availableFieldPaths, type FieldRef, resolveFieldPath } from '../dossiers/paths.js';
import { type DomainIssue, invalidInputs, issuesFromZod } from '../errors.js';
import { toDate } from './compare.js';
import { type ConditionFieldType, OPS_BY_TYPE } from './operators.js';
import {
  type Condition,
  type ConditionSet,
  ConditionSetSchema,
  type ConditionValue,
  conditionsWithPaths,
  RelativeDateSchema,
} from './schema.js';

/**
 * Parses and checks a condition set for a template of `group`. @throws DomainError naming the field
 * (e.g. 'conditions.all.0.field'); an unknown field lists the valid ones in details.valid.
 */
export function validateConditions(input: unknown, group: RecordKind, prefix = 'conditions'): ConditionSet {
  const parsed = ConditionSetSchema.safeParse(input);
  const issues = parsed.success
    ? conditionIssues(parsed.data, group, prefix)
    : issuesFromZod(parsed.error, 'condition.invalid', prefix);
  const [first, ...rest] = issues;
  if (first) throw invalidInputs([first, ...rest]);
  return parsed.data as ConditionSet;
}

/** The problems of an already parsed set against the field catalogue of `group`. */
export function conditionIssues(set: ConditionSet, group: RecordKind, prefix = 'conditions'): DomainIssue[] {
  return conditionsWithPaths(set).flatMap(({ condition, path }) =>
    issuesOf(condition, group, `${prefix}.${path}`),
  );
}

function issuesOf(condition: Condition, group: RecordKind, at: string): DomainIssue[] {
  const ref = resolveFieldPath(group, condition.field);
  if (!ref) {
    return [
      {
        code: 'condition.unknown-field',
        field: `${at}.field`,
        message: `Unknown field '${condition.field}' for data group ${group}`,
        params: { conditionField: condition.field },
        details: { valid: availableFieldPaths(group) },
      },
    ];
  }
  const type = typeOf(ref);
  const ops = OPS_BY_TYPE[type];
  if (!ops.includes(condition.op)) {
    return [
      {
        code: 'condition.operator-not-allowed',
        field: `${at}.op`,
        message: `'${condition.op}' cannot be used on ${condition.field} (${type})`,
        params: { conditionField: pathWords(condition.field) },
        details: { valid: [...ops] },
      },
    ];
  }
  const problem = valueProblem(condition, ref, type);
  return problem
    ? [
        {
          code: 'condition.invalid-value',
          field: `${at}.value`,
          message: `${condition.field}: ${problem}`,
          params: { conditionField: pathWords(condition.field) },
        },
      ]
    : [];
}

function typeOf(ref: FieldRef): ConditionFieldType {
  return 'spec' in ref ? ref.spec.type : 'custom';
}

function valueProblem(condition: Condition, ref: FieldRef, type: ConditionFieldType): string | undefined {
  const { op, value } = condition;
  if (op === 'exists')
    return value === undefined || typeof value === 'boolean' ? undefined : 'exists takes true or false';
  if (value === undefined) return `${op} needs a value`;
  if (op === 'contains') return typeof value === 'string' ? undefined : 'contains takes a text';
  if (op === 'in') {
    if (!Array.isArray(value) || value.length === 0) return 'in takes a non-empty list';
    return value.map((item) => scalarValueProblem(item, ref, type)).find((problem) => problem !== undefined);
  }
  if (Array.isArray(value)) return `${op} takes a single value, not a list`;
  return scalarValueProblem(value, ref, type);
}

/** What is wrong with `value` for the field `ref`, or undefined when it fits. */
export function scalarValueProblem(
  value: ConditionValue,
  ref: FieldRef,
  type: ConditionFieldType = typeOf(ref),
): string | undefined {
  const relative = RelativeDateSchema.safeParse(value).success;
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'enum': {
      const values = 'spec' in ref ? (ref.spec.values ?? []) : [];
      return typeof value === 'string' && values.includes(value)
        ? undefined
        : `must be one of: ${values.join(', ')}`;
    }
    case 'date':
      return relative || toDate(value) ? undefined : 'must be a date (ISO 8601) or { daysFromNow }';
    case 'string[]':
      return 'lists are compared with contains';
    case 'custom':
      return Array.isArray(value) ? 'must be a single value' : undefined;
  }
}
