import type { Coded } from '../../i18n/coded/index.js';
import { pathLabel, pathValueLabel } from '../../i18n/labels.js';
import { EXPLANATION_TEXT, type ExplanationText } from '../i18n/explanations.js';
import { formatValue } from '../i18n/format-value.js';
import type { Locale, RenderOptions } from '../i18n/locale.js';
import { isPresent } from './compare.js';
import type { ConditionResult, Explanation } from './evaluate.js';

/**
 * One explanation as a sentence: "course.full is false, expected true" / "course.full is onwaar, verwacht
 * waar". Dates read as "14 november 2026" in the given zone.
 */
export function renderExplanation(explanation: Explanation, options: ExplainOptions): string {
  const text = EXPLANATION_TEXT[options.locale];
  const format = options.labels
    ? (value: unknown) => pathValueLabel(explanation.field, value, options)
    : (value: unknown) => formatValue(value, { ...options, booleans: 'true-false' });
  const field = options.labels ? pathLabel(explanation.field, options.locale) : explanation.field;
  const actual = isPresent(explanation.actual) ? format(explanation.actual) : text.empty;
  return `${text.actual(field, actual)}, ${expectation(explanation, text, format)}`;
}

/**
 * `labels`: for people, fields by their label and values in words ("Vol is nee, verwacht ja"); without,
 * paths and literal values for API clients and template authors ("course.full is false, expected true").
 */
export interface ExplainOptions extends RenderOptions {
  readonly labels?: boolean;
}

function expectation(
  { op, expected }: Explanation,
  text: ExplanationText,
  format: (value: unknown) => string,
): string {
  if (op === 'exists') return expected === false ? text.expectedNoValue : text.expectedValue;
  const value = Array.isArray(expected) ? expected.map(format).join(text.listSeparator) : format(expected);
  return text.expected[op](value);
}

/**
 * Why a condition set does not hold, one line per reason: each failing `all` condition, and for each
 * any-group of which nothing holds, one line listing its conditions. Empty when the set holds.
 */
export function failureReasons(result: ConditionResult, options: ExplainOptions): string[] {
  const text = EXPLANATION_TEXT[options.locale];
  const reasons = result.explanations
    .filter((explanation) => explanation.anyGroup === undefined && !explanation.holds)
    .map((explanation) => renderExplanation(explanation, options));
  const groups = new Map<number, Explanation[]>();
  for (const explanation of result.explanations) {
    if (explanation.anyGroup === undefined) continue;
    groups.set(explanation.anyGroup, [...(groups.get(explanation.anyGroup) ?? []), explanation]);
  }
  for (const members of groups.values()) {
    if (members.some((member) => member.holds)) continue;
    reasons.push(text.noneOf(members.map((member) => renderExplanation(member, options)).join('; ')));
  }
  return reasons;
}

/**
 * Why the conditions do not hold, coded and in both languages: a recorded reason is read later by people
 * of either language, when the conditions can no longer be evaluated as they were.
 */
export function failuresCoded(result: ConditionResult, timeZone: string): Coded {
  const reasons = (locale: Locale) => failureReasons(result, { locale, timeZone, labels: true }).join('; ');
  return { code: 'conditions-not-met', params: { reasons: { en: reasons('en'), nl: reasons('nl') } } };
}
