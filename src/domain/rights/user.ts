import { z } from 'zod';
import { IdSchema } from '../dossiers/values.js';
import { LocaleSchema } from '../i18n/locale.js';

/** A person who uses Stempel, as far as rights and localisation need to know. */
export const UserSchema = z.object({
  id: IdSchema,
  name: z.string({ error: 'name must be a text' }).trim().min(1, { error: 'name must not be empty' }),
  email: z.email({ error: 'email must be an e-mail address' }).optional(),
  roles: z.array(z.string().trim().min(1)).default([]),
  /** Admins see and may do everything, the automatic-workflow right included. */
  admin: z.boolean().default(false),
  /** May create and change semi-automatic and automatic templates. */
  automaticWorkflow: z.boolean().default(false),
  locale: LocaleSchema.default('nl'),
  /** The user's own zone for dates; the workspace's when absent. */
  timeZone: z.string().optional(),
  active: z.boolean().default(true),
});
export type User = z.infer<typeof UserSchema>;
