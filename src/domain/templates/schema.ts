import { z } from 'zod';
import { ConditionSetSchema } from '../conditions/schema.js';
import { DataGroupSchema } from '../dossiers/kinds.js';
import { DateValueSchema, IdSchema } from '../dossiers/values.js';
import { TemplateEscalationSchema } from '../escalation.js';
import { EventSpecSchema } from '../events/spec.js';
import { TEXT_LIMITS, text } from '../text.js';
import { TemplateTimingSchema } from '../timing/index.js';
import { ProcessSchema, TemplateKeySchema } from './process.js';

export const EXECUTIONS = ['manual', 'semi-automatic', 'automatic'] as const;
export const ExecutionSchema = z.enum(EXECUTIONS, {
  error: `execution must be one of: ${EXECUTIONS.join(', ')}`,
});
export type Execution = z.infer<typeof ExecutionSchema>;

/** Three levels sort a list well enough; more invite endless debate over 3 versus 4. */
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export const PrioritySchema = z.enum(PRIORITIES, {
  error: `priority must be one of: ${PRIORITIES.join(', ')}`,
});
export type Priority = z.infer<typeof PrioritySchema>;

export const CREATE_MODES = ['always', 'when-conditions-hold'] as const;

/** 'once': one action per record, ever. 'per-event': one per occurrence of the event (e.g. every move). */
export const OCCURRENCES = ['once', 'per-event'] as const;

export const OwnerRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('user'), userId: IdSchema }),
    z.strictObject({ kind: z.literal('course-contact') }),
    z.strictObject({ kind: z.literal('account-manager') }),
    z.strictObject({ kind: z.literal('stamper') }),
  ],
  { error: 'kind must be one of: none, user, course-contact, account-manager, stamper' },
);
export type OwnerRule = z.infer<typeof OwnerRuleSchema>;

const roles = z
  .array(text({ max: TEXT_LIMITS.short }))
  .max(50)
  .default([]);

/** An action template as written by a user or imported from a file (docs/domain.md §3). */
export const TemplateDefinitionSchema = z.strictObject({
  key: TemplateKeySchema,
  name: text({ max: TEXT_LIMITS.name }),
  description: text({ max: TEXT_LIMITS.note, multiline: true, required: false }).default(''),
  execution: ExecutionSchema,
  dataGroup: DataGroupSchema,
  process: ProcessSchema.nullable().default(null),
  event: EventSpecSchema.nullable().default(null),
  createMode: z
    .enum(CREATE_MODES, { error: `createMode must be one of: ${CREATE_MODES.join(', ')}` })
    .default('always'),
  occurrence: z
    .enum(OCCURRENCES, { error: `occurrence must be one of: ${OCCURRENCES.join(', ')}` })
    .default('once'),
  timing: TemplateTimingSchema,
  conditions: ConditionSetSchema.default({ all: [], any: [] }),
  ownerRule: OwnerRuleSchema.default({ kind: 'none' }),
  readRoles: roles,
  writeRoles: roles,
  categories: z
    .array(text({ max: TEXT_LIMITS.short }))
    .max(50)
    .default([]),
  priority: PrioritySchema.default('normal'),
  courseTypeIds: z.array(IdSchema).max(500).default([]),
  /** Escalating its overdue actions: its own days or channel; the workspace's for what it leaves out. */
  escalation: TemplateEscalationSchema.nullable().default(null),
  /** Off: events no longer stamp it; stamping by hand still works. */
  enabled: z.boolean().default(true),
  /** Archived: kept for the actions it stamped, but nobody can stamp it any more. */
  archived: z.boolean().default(false),
});
export type TemplateDefinition = z.infer<typeof TemplateDefinitionSchema>;
export type TemplateInput = z.input<typeof TemplateDefinitionSchema>;

/** A saved template: its definition plus what the store assigns. */
export const ActionTemplateSchema = z.object({
  ...TemplateDefinitionSchema.shape,
  id: IdSchema,
  version: z.int().min(1),
  createdAt: DateValueSchema,
  updatedAt: DateValueSchema,
});
export type ActionTemplate = z.infer<typeof ActionTemplateSchema>;
