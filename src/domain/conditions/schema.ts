import { z } from 'zod';
import { TEXT_LIMITS, text } from '../text.js';

export const CONDITION_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists', 'contains'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** A date relative to the moment of evaluation: `{ daysFromNow: -3 }` is three days ago. */
export const RelativeDateSchema = z.strictObject({
  daysFromNow: z.int({ error: 'daysFromNow must be a whole number' }),
});
export type RelativeDate = z.infer<typeof RelativeDateSchema>;

const ScalarSchema = z.union([
  text({ max: TEXT_LIMITS.line, required: false, trim: false }),
  z.number(),
  z.boolean(),
  z.date(),
]);
export type ConditionScalar = z.infer<typeof ScalarSchema>;

export const ConditionValueSchema = z.union(
  [ScalarSchema, RelativeDateSchema, z.array(ScalarSchema).max(500)],
  {
    error: 'value must be text, a number, true/false, a date, { daysFromNow } or a list',
  },
);
export type ConditionValue = z.infer<typeof ConditionValueSchema>;

/**
 * One comparison: `field` is a path into the record context ('course.full', 'participant.status',
 * 'course.custom.room'). `exists` takes an optional boolean value: false asks for the field to be empty.
 */
export const ConditionSchema = z.strictObject({
  field: z
    .string({ error: 'field must be a field path such as course.full' })
    .min(1)
    .max(TEXT_LIMITS.id)
    .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: 'field must be a field path such as course.full' }),
  op: z.enum(CONDITION_OPS, { error: `op must be one of: ${CONDITION_OPS.join(', ')}` }),
  value: ConditionValueSchema.optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

/**
 * Every condition in `all` must hold, and every group in `any` needs at least one of its conditions to
 * hold: (a ∧ b) ∧ (c ∨ d) ∧ (e ∨ f). Flat and serialisable, yet enough for what templates ask.
 */
export const ConditionSetSchema = z.strictObject({
  all: z.array(ConditionSchema).max(100).default([]),
  any: z
    .array(z.array(ConditionSchema).min(1, { error: 'an any-group needs at least one condition' }).max(100))
    .max(100)
    .default([]),
});
export type ConditionSet = z.infer<typeof ConditionSetSchema>;
export type ConditionSetInput = z.input<typeof ConditionSetSchema>;

export const NO_CONDITIONS: ConditionSet = { all: [], any: [] };

export function isEmptyConditionSet(set: ConditionSet): boolean {
  return set.all.length === 0 && set.any.length === 0;
}

/** Every condition of a set with the dotted path it has inside the set ('all.0', 'any.1.0'). */
export function conditionsWithPaths(
  set: ConditionSet,
): { condition: Condition; path: string; group?: number }[] {
  return [
    ...set.all.map((condition, index) => ({ condition, path: `all.${index}` })),
    ...set.any.flatMap((conditions, group) =>
      conditions.map((condition, index) => ({ condition, path: `any.${group}.${index}`, group })),
    ),
  ];
}
