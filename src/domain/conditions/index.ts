export { holds, toDate } from './compare.js';
export { type ConditionResult, type Explanation, evaluateConditions } from './evaluate.js';
export { failureReasons, failuresCoded, renderExplanation } from './explain.js';
export { type ConditionFieldType, OPS_BY_TYPE } from './operators.js';
export {
  CONDITION_OPS,
  type Condition,
  type ConditionOp,
  ConditionSchema,
  type ConditionSet,
  type ConditionSetInput,
  ConditionSetSchema,
  type ConditionValue,
  isEmptyConditionSet,
  NO_CONDITIONS,
  type RelativeDate,
} from './schema.js';
export { changesWithTime } from './time.js';
export { conditionIssues, scalarValueProblem, validateConditions } from './validate.js';
