import { z } from 'zod';
import { LocaleSchema } from './i18n/locale.js';
import { WorkCalendarConfigSchema } from './timing/index.js';

/** The workspace: its calendar (zone, holidays, closing days, default time) and its language. */
export const WorkspaceSettingsSchema = z.object({
  calendar: WorkCalendarConfigSchema,
  locale: LocaleSchema,
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;
