import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError, fromZodError } from '../../domain/errors.js';
import { LocaleSchema } from '../../domain/i18n/locale.js';
import type { User } from '../../domain/rights/user.js';
import { CHAT_PLATFORMS } from '../../domain/templates/process.js';
import { TEXT_LIMITS, text } from '../../domain/text.js';
import { WorkCalendarConfigSchema } from '../../domain/timing/index.js';
import type { UserRecord } from '../../store/users.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requireAdmin } from './authorize.js';

// Field shapes without defaults, shared by creation (defaults added) and patches (all optional): zod would
// fill defaults into a partial patch and silently reset fields the patch does not name.
const userFields = {
  email: z
    .email({ error: 'email must be an e-mail address' })
    .max(254, { error: 'email must be at most 254 characters' })
    .transform((email) => email.toLowerCase()),
  name: text({ max: TEXT_LIMITS.name }),
  roles: z.array(text({ max: TEXT_LIMITS.short })).max(50),
  admin: z.boolean({ error: 'admin must be true or false' }),
  automaticWorkflow: z.boolean({ error: 'automaticWorkflow must be true or false' }),
  locale: LocaleSchema,
  /** The user's own zone; the workspace's when absent (null clears it). */
  timeZone: WorkCalendarConfigSchema.shape.timeZone.unwrap().nullable(),
  active: z.boolean({ error: 'active must be true or false' }),
  /** Where chat messages go when the user is linked on several platforms; null: the default order. */
  chatPreference: z
    .enum(CHAT_PLATFORMS, { error: `chatPreference must be one of: ${CHAT_PLATFORMS.join(', ')}` })
    .nullable(),
};

/**
 * A new user. The e-mail is required: it is how chat identities are linked, how tokens are issued from
 * the CLI and how template files refer to people.
 */
export const NewUserSchema = z.strictObject({
  ...userFields,
  roles: userFields.roles.default([]),
  admin: userFields.admin.default(false),
  automaticWorkflow: userFields.automaticWorkflow.default(false),
  locale: userFields.locale.default('nl'),
  timeZone: userFields.timeZone.optional(),
  active: userFields.active.default(true),
  chatPreference: userFields.chatPreference.optional(),
});
export type NewUser = z.input<typeof NewUserSchema>;

export const UserPatchSchema = z.strictObject(userFields).partial();
export type UserPatch = z.input<typeof UserPatchSchema>;

export function newUserId(): string {
  return `usr_${randomBytes(6).toString('hex')}`;
}

function emailTaken(email: string): DomainError {
  return new DomainError({
    category: 'conflict',
    code: 'user.email-taken',
    field: 'email',
    message: `A user with e-mail ${email} already exists`,
    params: { email },
  });
}

/** The stored shape: an absent time zone is left out rather than stored as null. */
/** The stored shape: a cleared chat preference (null) is left out, as if never set. */
function withPreference(
  user: UserRecord,
  preference: UserRecord['chatPreference'] | null | undefined,
): UserRecord {
  const { chatPreference: _previous, ...rest } = user;
  if (preference === null) return rest;
  return preference === undefined ? user : { ...rest, chatPreference: preference };
}

function withTimeZone(user: UserRecord, timeZone: string | null | undefined): UserRecord {
  const { timeZone: _previous, ...rest } = user;
  if (timeZone === null) return rest;
  return timeZone === undefined ? user : { ...rest, timeZone };
}

export async function createUser(deps: WorkflowDeps, actor: User, input: unknown): Promise<UserRecord> {
  requireAdmin(actor, 'create users');
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'user.invalid');
  const { timeZone, chatPreference, ...fields } = parsed.data;
  const now = deps.clock();
  const user = withPreference(
    withTimeZone(
      { ...fields, id: newUserId(), chatIdentities: [], createdAt: now, updatedAt: now },
      timeZone,
    ),
    chatPreference,
  );
  if ((await deps.stores.users.insert(user)) === 'email-taken') throw emailTaken(fields.email);
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'user.created',
    entity: { type: 'user', id: user.id },
    after: user,
  });
  return user;
}

export async function updateUser(
  deps: WorkflowDeps,
  actor: User,
  command: { id: string; patch: unknown },
): Promise<UserRecord> {
  requireAdmin(actor, 'change users');
  const parsed = UserPatchSchema.safeParse(command.patch);
  if (!parsed.success) throw fromZodError(parsed.error, 'user.invalid');
  const before = await getUser(deps, actor, command.id);
  const { timeZone, chatPreference, ...fields } = parsed.data;
  if (before.id === actor.id && (fields.admin === false || fields.active === false)) {
    // Otherwise the last administrator can lock everyone out; another admin has to do it.
    throw new DomainError({
      category: 'conflict',
      code: 'user.cannot-demote-self',
      field: fields.admin === false ? 'admin' : 'active',
      message: 'You cannot take away your own administrator rights or deactivate yourself',
    });
  }
  const now = deps.clock();
  const after = withPreference(
    withTimeZone({ ...before, ...fields, updatedAt: now }, timeZone),
    chatPreference,
  );
  if ((await deps.stores.users.replace(after)) === 'email-taken') throw emailTaken(after.email ?? '');
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'user.updated',
    entity: { type: 'user', id: after.id },
    before,
    after,
  });
  // As stored: with a chat identity linked while the edit was on its way.
  return (await deps.stores.users.get(after.id)) ?? after;
}

export async function getUser(deps: WorkflowDeps, actor: User, id: string): Promise<UserRecord> {
  requireAdmin(actor, 'manage users');
  const user = await deps.stores.users.get(id);
  if (!user) throw notFound('user', id);
  return user;
}

export async function listUsers(
  deps: WorkflowDeps,
  actor: User,
  filter: { role?: string | undefined; active?: boolean | undefined },
): Promise<UserRecord[]> {
  requireAdmin(actor, 'list users');
  return deps.stores.users.list({
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.active === undefined ? {} : { active: filter.active }),
  });
}

/** The user with this id when they may act now (exist and are active): who a token or session acts as. */
export async function activeUser(deps: WorkflowDeps, id: string): Promise<UserRecord | undefined> {
  const user = await deps.stores.users.get(id);
  return user?.active ? user : undefined;
}

/** Everyone who may act now, by name: the console's user picker. */
export function activeUsers(deps: WorkflowDeps): Promise<UserRecord[]> {
  return deps.stores.users.list({ active: true });
}

/**
 * A user as people name them in chat: `me`, an e-mail address or an id. Undefined when there is none;
 * the caller decides what that means (an error naming the field).
 */
export async function findUser(
  deps: WorkflowDeps,
  actor: User,
  word: string,
): Promise<UserRecord | undefined> {
  if (!actor.active) return undefined;
  if (word === 'me') return deps.stores.users.get(actor.id);
  return word.includes('@') ? deps.stores.users.findByEmail(word) : deps.stores.users.get(word);
}
