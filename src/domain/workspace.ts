import { z } from 'zod';
import { WorkspaceEscalationSchema } from './escalation.js';
import { LocaleSchema } from './i18n/locale.js';
import { WorkCalendarConfigSchema } from './timing/index.js';

/** The workspace: its calendar (zone, holidays, closing days, default time) and its language. */
export const WorkspaceSettingsSchema = z.object({
  calendar: WorkCalendarConfigSchema,
  locale: LocaleSchema,
  /** Where overdue actions escalate when their template says nothing else (docs/digests.md). */
  escalation: WorkspaceEscalationSchema.default({ afterWorkingDays: 3 }),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;
