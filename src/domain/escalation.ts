import { z } from 'zod';
import { DigestTargetSchema } from './digests/subscription.js';

const ESCALATION_MAX_DAYS = 60;

const afterWorkingDays = z
  .int({ error: 'afterWorkingDays must be a whole number' })
  .min(1, { error: 'afterWorkingDays must be at least 1' })
  .max(ESCALATION_MAX_DAYS, { error: `afterWorkingDays must be at most ${ESCALATION_MAX_DAYS}` });

/**
 * When an overdue action is escalated, and where to (docs/digests.md): after this many working days past
 * its end, once, to a channel, with who owns it. A template may set its own days or channel; the rest comes
 * from the workspace. Without a channel anywhere nothing is escalated.
 */
export const TemplateEscalationSchema = z.strictObject({
  afterWorkingDays: afterWorkingDays.optional(),
  channel: DigestTargetSchema.optional(),
});

export const WorkspaceEscalationSchema = z.strictObject({
  afterWorkingDays: afterWorkingDays.default(3),
  channel: DigestTargetSchema.optional(),
});
