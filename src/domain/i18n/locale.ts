import { z } from 'zod';

export const LOCALES = ['nl', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES, { error: "locale must be 'nl' or 'en'" });
export type Locale = z.infer<typeof LocaleSchema>;

/** How user-facing text is localised: language plus the zone dates are shown in. */
export interface RenderOptions {
  readonly locale: Locale;
  readonly timeZone: string;
}
