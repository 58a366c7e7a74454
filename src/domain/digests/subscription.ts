import { z } from 'zod';
import { DataGroupSchema } from '../dossiers/kinds.js';
import { IdSchema } from '../dossiers/values.js';
import { LocaleSchema } from '../i18n/locale.js';
import { CHAT_PLATFORMS } from '../templates/process.js';
import { DigestScheduleSchema } from './schedule.js';

/** Where a digest goes: a channel or conversation on one platform, as `chat-message` targets name it. */
export const DigestTargetSchema = z.strictObject({
  platform: z.enum(CHAT_PLATFORMS, { error: `platform must be one of: ${CHAT_PLATFORMS.join(', ')}` }),
  channel: z
    .string({ error: 'channel must be a text' })
    .trim()
    .min(1, { error: 'channel must not be empty' })
    .max(200),
});
export type DigestTarget = z.infer<typeof DigestTargetSchema>;

/** Which actions a digest is about; every given filter narrows, none means all the channel may read. */
const DigestScopeSchema = z.strictObject({
  courseTypeIds: z.array(IdSchema).max(50, { error: 'at most 50 course types' }).default([]),
  dataGroups: z.array(DataGroupSchema).max(20).default([]),
  templateIds: z.array(IdSchema).max(100, { error: 'at most 100 templates' }).default([]),
  /** Actions owned by these people. */
  ownerUserIds: z.array(IdSchema).max(100, { error: 'at most 100 owners' }).default([]),
  /** Actions owned by anyone with this role. */
  ownerRole: z.string().trim().min(1).max(80).optional(),
  /** Actions of one record (and, for a course, its participants). */
  recordId: IdSchema.optional(),
});

const DIGEST_TOP_MAX = 25;

/** A subscription as it is asked for (chat command or REST API). */
export const DigestRequestSchema = z.strictObject({
  target: DigestTargetSchema,
  schedule: DigestScheduleSchema,
  scope: DigestScopeSchema.default({ courseTypeIds: [], dataGroups: [], templateIds: [], ownerUserIds: [] }),
  /** An empty digest is skipped, or says there is nothing overdue. */
  whenEmpty: z.enum(['skip', 'say'], { error: "whenEmpty must be 'skip' or 'say'" }).default('say'),
  /**
   * Show what this role may read instead of only what everyone may: allowed only to someone who holds
   * the role, and the digest says so.
   */
  audienceRole: z.string().trim().min(1).max(80).optional(),
  /** How many overdue actions are shown as cards (the rest are counted). */
  top: z
    .int({ error: 'top must be a whole number' })
    .min(1)
    .max(DIGEST_TOP_MAX, { error: `top must be at most ${DIGEST_TOP_MAX}` })
    .default(10),
  /** The digest's language; the workspace's when absent. */
  locale: LocaleSchema.optional(),
});
export type DigestRequest = z.infer<typeof DigestRequestSchema>;
export type DigestRequestInput = z.input<typeof DigestRequestSchema>;

/** The outcome of a digest's last run, for administrators. */
export interface DigestRun {
  at: Date;
  /** The scheduled moment this run was for. */
  occurrence: Date;
  outcome: 'sent' | 'empty-skipped' | 'not-a-working-day' | 'failed';
  reason?: string;
  counts?: { overdue: number; today: number; week: number };
}

export interface DigestSubscription extends DigestRequest {
  id: string;
  /** The conversation's delivery key (`slack:T…:C…`): one subscription per channel. */
  addressKey: string;
  addressLabel: string;
  /** Who set the current settings: an audience restricted to a role names them. */
  setBy: string;
  createdAt: Date;
  updatedAt: Date;
  lastRun?: DigestRun;
}
