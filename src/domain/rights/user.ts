import { z } from 'zod';
import { IdSchema } from '../dossiers/values.js';
import { LocaleSchema } from '../i18n/locale.js';
import type { ChatPlatformId } from '../templates/process.js';
import { TEXT_LIMITS, text } from '../text.js';
import { timeZoneSchema } from '../timing/zones.js';

/** A person who uses Stempel, as far as rights and localisation need to know. */
export const UserSchema = z.object({
  id: IdSchema,
  name: text({ max: TEXT_LIMITS.name }),
  email: z.email({ error: 'email must be an e-mail address' }).optional(),
  roles: z.array(text({ max: TEXT_LIMITS.short })).default([]),
  /** Admins see and may do everything, the automatic-workflow right included. */
  admin: z.boolean().default(false),
  /** May create and change semi-automatic and automatic templates. */
  automaticWorkflow: z.boolean().default(false),
  locale: LocaleSchema.default('nl'),
  /** The user's own zone for dates; the workspace's when absent. */
  timeZone: timeZoneSchema('timeZone').optional(),
  active: z.boolean().default(true),
});
export type User = z.infer<typeof UserSchema>;

/** A chat identity linked to a user: a Slack user in a workspace, or a Teams (Entra ID) user. */
export type ChatIdentity =
  | { platform: 'slack'; teamId: string; userId: string }
  | { platform: 'teams'; aadObjectId: string; tenantId?: string };

/** A user as stored: the rights-relevant part plus linked chat identities and bookkeeping. */
export interface UserRecord extends User {
  chatIdentities: ChatIdentity[];
  /** Where the user wants their chat messages when linked on several platforms (docs/delivery.md). */
  chatPreference?: ChatPlatformId;
  createdAt: Date;
  updatedAt: Date;
}
