import type { RecordContext } from '../dossiers/context.js';
import { type FieldValue, readFieldRef, resolveFieldPath } from '../dossiers/paths.js';
import { holds, resolveExpected } from './compare.js';
import {
  type Condition,
  type ConditionOp,
  type ConditionSet,
  type ConditionValue,
  conditionsWithPaths,
} from './schema.js';

/** Why one condition holds or not, in data; `renderExplanation` turns it into a sentence. */
export interface Explanation {
  readonly field: string;
  readonly op: ConditionOp;
  /** The compared value after resolving relative dates. */
  readonly expected: ConditionValue | undefined;
  readonly actual: FieldValue;
  readonly holds: boolean;
  /** The index of the any-group the condition belongs to; absent for `all` conditions. */
  readonly anyGroup?: number;
}

export interface ConditionResult {
  readonly holds: boolean;
  /** One per condition, in order: all first, then the any-groups. */
  readonly explanations: readonly Explanation[];
}

/**
 * Evaluates every condition (not stopping at the first failure), so the result can explain all reasons at
 * once. A field the context's group cannot address reads as empty.
 */
export function evaluateConditions(set: ConditionSet, context: RecordContext, now: Date): ConditionResult {
  const explanations = conditionsWithPaths(set).map(({ condition, group }) =>
    explain(condition, context, now, group),
  );
  const allHold = explanations.every(
    (explanation) => explanation.anyGroup !== undefined || explanation.holds,
  );
  const everyGroupHolds = set.any.every((_, group) =>
    explanations.some((explanation) => explanation.anyGroup === group && explanation.holds),
  );
  return { holds: allHold && everyGroupHolds, explanations };
}

function explain(
  condition: Condition,
  context: RecordContext,
  now: Date,
  anyGroup: number | undefined,
): Explanation {
  const ref = resolveFieldPath(context.group, condition.field);
  const actual = ref ? readFieldRef(context, ref) : null;
  const expected = resolveExpected(condition.value, actual, now);
  return {
    field: condition.field,
    op: condition.op,
    expected,
    actual,
    holds: holds(condition.op, actual, expected),
    ...(anyGroup === undefined ? {} : { anyGroup }),
  };
}
