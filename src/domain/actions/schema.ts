import { z } from 'zod';
import { DataGroupSchema, RECORD_KINDS } from '../dossiers/kinds.js';
import { DateValueSchema, IdSchema } from '../dossiers/values.js';
import { ProcessSchema } from '../templates/process.js';
import { ExecutionSchema, PrioritySchema } from '../templates/schema.js';
import { ACTION_STATES } from './state-machine.js';

export const ActionStateSchema = z.enum(ACTION_STATES);

export const HISTORY_KINDS = [
  'stamped',
  'revealed',
  'hidden',
  'completed',
  'executed',
  'execution-failed',
  'rejected',
  'cancelled',
  'expired',
  'rescheduled',
  'dates-edited',
  'owner-changed',
  'remarks-edited',
  'priority-changed',
  'retry-scheduled',
  'notified',
  /** A person's Execute of a rejected or failed action took the template's current process settings. */
  'process-updated',
] as const;

const LocalTextSchema = z.object({ en: z.string(), nl: z.string() });

/**
 * A reason as a code and its parameters (src/i18n/coded), so that every reader sees it in their own
 * language; words that need translating themselves (a status, a field) are stored in both languages.
 */
export const CodedSchema = z.object({
  code: z.string(),
  params: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.boolean(),
        LocalTextSchema,
        z.array(z.union([z.string(), z.number()])).readonly(),
      ]),
    )
    .optional(),
});

/** 'system' marks what the bot did by itself: automatic stamping, execution, expiry, rescheduling. */
export const ActorSchema = z.union([IdSchema, z.literal('system')]);
export type Actor = z.infer<typeof ActorSchema>;

export const HistoryEntrySchema = z.object({
  at: DateValueSchema,
  actorUserId: ActorSchema,
  kind: z.enum(HISTORY_KINDS),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  /** Stable codes chat layers translate, e.g. 'start-in-past', 'window-adjusted', 'anchor-moved'. */
  codes: z.array(z.string()).optional(),
  /** Free text: a person's remark, an error message from a process. */
  note: z.string().optional(),
  /** The reason coded: what chat layers show instead of `note` when it is not a person's own words. */
  coded: CodedSchema.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const RecordRefSchema = z.object({ group: z.enum(RECORD_KINDS), id: IdSchema });
export type RecordRef = z.infer<typeof RecordRefSchema>;

/** One stamped action (docs/domain.md §6): the single source of truth for when something is due. */
export const ActionSchema = z.object({
  id: IdSchema,
  /** A short running number people can type in chat ("/actie done 1042"); assigned by the store. */
  number: z.int().min(1),
  templateId: IdSchema,
  templateKey: z.string(),
  /** Unique per action: template + record (+ event for per-event templates), so stamping twice is a no-op. */
  identityKey: z.string(),
  record: z.object({ group: DataGroupSchema, id: IdSchema }),
  /** The related records of the context it was stamped in, for lists and cancelling with a record. */
  linkedRecords: z.array(RecordRefSchema),
  name: z.string(),
  ownerUserId: IdSchema.nullable(),
  start: DateValueSchema,
  end: DateValueSchema,
  timeOfDay: z.string().nullable(),
  /** Moving one date by hand moves the other by the same interval. */
  linkedDates: z.boolean(),
  /** Set once a person moves the dates; rescheduling then leaves the action alone. */
  datesEditedByHand: z.boolean(),
  /** The record dates the window was computed from, by anchor path, to tell whether an anchor moved. */
  anchorDates: z.record(z.string(), DateValueSchema),
  /** When the event happened, for the 'event' anchor: the stamping moment when stamped by hand. */
  eventAt: DateValueSchema.nullable(),
  eventId: IdSchema.optional(),
  priority: PrioritySchema,
  remarks: z.string(),
  execution: ExecutionSchema,
  processSnapshot: ProcessSchema.nullable(),
  /** False for automatic actions stamped with a start too far in the past: a person decides instead. */
  autoExecute: z.boolean(),
  state: ActionStateSchema,
  /** Why the action is in its state: the failure, the rejection cause, the unmet conditions. */
  stateReason: z.string().optional(),
  /** The same reason coded, for people to read in their language; `stateReason` is English for the API. */
  stateReasonCoded: CodedSchema.optional(),
  history: z.array(HistoryEntrySchema),
  stampedBy: ActorSchema,
  stampedAt: DateValueSchema,
  readRoles: z.array(z.string()),
  writeRoles: z.array(z.string()),
  /**
   * Held while the bot executes the action (or waits to retry it): whoever holds an unexpired lease is the
   * only one who may execute, so two instances or a double click never run the process twice. A lease left
   * by a crashed instance expires and the work is picked up again.
   */
  lease: z.object({ token: z.string(), until: DateValueSchema, attempt: z.int().min(1) }).optional(),
  /** A retryable failure waits here for its next attempt; the due-sweep picks it up at `at`. */
  retry: z.object({ at: DateValueSchema, attempt: z.int().min(1) }).optional(),
  /** When the owner was told the action started and when that it was overdue, so each is said once. */
  notified: z
    .object({
      start: DateValueSchema.optional(),
      overdue: DateValueSchema.optional(),
      /** When it was escalated to a channel, so that it is escalated once. */
      escalated: DateValueSchema.optional(),
    })
    .optional(),
  /** Incremented on every change; updates are conditional on it, so concurrent changes cannot both win. */
  version: z.int().min(1),
});
export type Action = z.infer<typeof ActionSchema>;

/** An action as the stamping planner proposes it; the store assigns the id, number and version 1. */
export type ActionDraft = Omit<Action, 'id' | 'number' | 'version'>;
