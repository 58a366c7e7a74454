import { z } from 'zod';
import { TEXT_LIMITS, text } from '../text.js';

/** The chat platforms a channel can be on (docs/delivery.md). */
export const CHAT_PLATFORMS = ['slack', 'teams', 'console'] as const;
export type ChatPlatformId = (typeof CHAT_PLATFORMS)[number];

export const RECIPIENT_ROLES = [
  'participant',
  'person-business',
  'person-first',
  'contact',
  'debtor',
  'course-contact',
  'owner',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** Who receives an e-mail: a role resolved from the record when the action runs, or a fixed address. */
export const RecipientSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('symbolic'),
      role: z.enum(RECIPIENT_ROLES, { error: `role must be one of: ${RECIPIENT_ROLES.join(', ')}` }),
    }),
    z.strictObject({
      kind: z.literal('address'),
      address: z.email({ error: 'address must be an e-mail address' }).max(254),
    }),
  ],
  { error: "kind must be 'symbolic' or 'address'" },
);
export type Recipient = z.infer<typeof RecipientSchema>;

export const TEMPLATE_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TemplateKeySchema = z
  .string({ error: 'must be a text' })
  .regex(TEMPLATE_KEY_PATTERN, { error: 'must be a slug of lower-case letters, digits and dashes' })
  .max(80, { error: 'must be at most 80 characters' });

const short = text({ max: TEXT_LIMITS.short });

/** A secret is named, never stored in the template: exported templates must not leak it. */
const SECRET_REF = /^[A-Z][A-Z0-9_]*$/;
const SECRET_VARIABLE_PREFIX = 'WEBHOOK_SECRET_';

/**
 * The name a `secretRef` stands for: `CRM` for the variable WEBHOOK_SECRET_CRM. The whole variable name is
 * accepted too, since that is what people copy from their environment.
 */
export function webhookSecretName(secretRef: string): string {
  return secretRef.startsWith(SECRET_VARIABLE_PREFIX)
    ? secretRef.slice(SECRET_VARIABLE_PREFIX.length)
    : secretRef;
}

/** What the bot does when the action is executed (docs/domain.md §5). */
export const ProcessSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('email'),
      documentTemplate: z.strictObject({
        subject: text({ max: TEXT_LIMITS.name }),
        body: text({ max: TEXT_LIMITS.body, multiline: true }),
      }),
      /** Falls back to the workspace's default sender when absent; no sender at all rejects the action. */
      sender: z.email({ error: 'sender must be an e-mail address' }).max(254).optional(),
      to: z.array(RecipientSchema).min(1, { error: 'to needs at least one recipient' }).max(50),
      cc: z.array(RecipientSchema).max(50).default([]),
      bcc: z.array(RecipientSchema).max(50).default([]),
    }),
    z.strictObject({ type: z.literal('set-status'), status: short }),
    z.strictObject({
      type: z.literal('set-field'),
      /** A field of the template's own record: 'portalPublished', 'emails.business', 'custom.room'. */
      field: short,
      value: z.union(
        [
          text({ max: TEXT_LIMITS.note, multiline: true, required: false, trim: false }),
          z.number(),
          z.boolean(),
          z.date(),
          z.null(),
        ],
        {
          error: 'value must be text, a number, true/false, a date or null',
        },
      ),
    }),
    z.strictObject({
      type: z.literal('person-category'),
      category: short,
      mode: z.enum(['add', 'remove'], { error: "mode must be 'add' or 'remove'" }),
    }),
    z.strictObject({ type: z.literal('create-invoice') }),
    z.strictObject({
      type: z.literal('webhook'),
      url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }).max(TEXT_LIMITS.line),
      secretRef: z
        .string()
        .max(100, { error: 'secretRef must be at most 100 characters' })
        .regex(SECRET_REF, {
          error: 'secretRef must name a configured secret: CRM for the variable WEBHOOK_SECRET_CRM',
        })
        .optional()
        .describe('The <NAME> of a WEBHOOK_SECRET_<NAME> variable (the whole variable name works too)'),
    }),
    z.strictObject({
      type: z.literal('chat-message'),
      target: z.discriminatedUnion(
        'kind',
        [
          z.strictObject({
            kind: z.literal('channel'),
            /** Which chat platform the channel is on; the web console's channels when not said. */
            platform: z
              .enum(CHAT_PLATFORMS, { error: `platform must be one of: ${CHAT_PLATFORMS.join(', ')}` })
              .default('console'),
            channel: short,
          }),
          z.strictObject({ kind: z.literal('user'), userId: short }),
        ],
        { error: "target kind must be 'channel' or 'user'" },
      ),
      text: text({ max: TEXT_LIMITS.note, multiline: true }),
    }),
    z.strictObject({
      type: z.literal('stamp'),
      templateKeys: z
        .array(TemplateKeySchema)
        .min(1, { error: 'templateKeys needs at least one template' })
        .max(20),
    }),
  ],
  {
    error:
      'type must be one of: email, set-status, set-field, person-category, create-invoice, webhook, chat-message, stamp',
  },
);
export type Process = z.infer<typeof ProcessSchema>;
export type ProcessType = Process['type'];
