import type { RecordKind } from '../dossiers/kinds.js';
import { resolveFieldPath } from '../dossiers/paths.js';
import type { Condition, ConditionSet } from './schema.js';
import { RelativeDateSchema } from './schema.js';

/**
 * Whether a condition set can start or stop holding as time passes, with no record changing: it compares
 * with a date relative to now (`{ daysFromNow: -3 }`) or reads a fact such as `invoice.overdue`. Actions
 * of such templates are re-checked on a schedule (docs/workflow.md), not only when their records change.
 */
export function changesWithTime(set: ConditionSet, group: RecordKind): boolean {
  return [...set.all, ...set.any.flat()].some((condition) => conditionChangesWithTime(condition, group));
}

function conditionChangesWithTime(condition: Condition, group: RecordKind): boolean {
  if (RelativeDateSchema.safeParse(condition.value).success) return true;
  const ref = resolveFieldPath(group, condition.field);
  return ref !== undefined && 'spec' in ref && ref.spec.changesWithTime === true;
}
