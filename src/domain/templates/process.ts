import { z } from 'zod';

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
      address: z.email({ error: 'address must be an e-mail address' }),
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

const text = z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' });

/** A secret is named, never stored in the template: exported templates must not leak it. */
const SECRET_REF = /^[A-Z][A-Z0-9_]*$/;

/** What the bot does when the action is executed (docs/domain.md §5). */
export const ProcessSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('email'),
      documentTemplate: z.strictObject({ subject: text, body: text }),
      /** Falls back to the workspace's default sender when absent; no sender at all rejects the action. */
      sender: z.email({ error: 'sender must be an e-mail address' }).optional(),
      to: z.array(RecipientSchema).min(1, { error: 'to needs at least one recipient' }),
      cc: z.array(RecipientSchema).default([]),
      bcc: z.array(RecipientSchema).default([]),
    }),
    z.strictObject({ type: z.literal('set-status'), status: text }),
    z.strictObject({
      type: z.literal('set-field'),
      /** A field of the template's own record: 'portalPublished', 'emails.business', 'custom.room'. */
      field: text,
      value: z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()], {
        error: 'value must be text, a number, true/false, a date or null',
      }),
    }),
    z.strictObject({
      type: z.literal('person-category'),
      category: text,
      mode: z.enum(['add', 'remove'], { error: "mode must be 'add' or 'remove'" }),
    }),
    z.strictObject({ type: z.literal('create-invoice') }),
    z.strictObject({
      type: z.literal('webhook'),
      url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
      secretRef: z
        .string()
        .regex(SECRET_REF, { error: 'secretRef must name a configured secret, e.g. WEBHOOK_SECRET' })
        .optional(),
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
            channel: text,
          }),
          z.strictObject({ kind: z.literal('user'), userId: text }),
        ],
        { error: "target kind must be 'channel' or 'user'" },
      ),
      text,
    }),
    z.strictObject({
      type: z.literal('stamp'),
      templateKeys: z.array(TemplateKeySchema).min(1, { error: 'templateKeys needs at least one template' }),
    }),
  ],
  {
    error:
      'type must be one of: email, set-status, set-field, person-category, create-invoice, webhook, chat-message, stamp',
  },
);
export type Process = z.infer<typeof ProcessSchema>;
export type ProcessType = Process['type'];
