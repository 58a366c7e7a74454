import { z } from 'zod';
import { DomainError, fromZodError } from '../domain/errors.js';
import type { User } from '../domain/rights/user.js';
import { platformName } from '../i18n/labels.js';
import type { ChatIdentity, UserRecord } from '../store/users.js';
import { requireAdmin } from './admin/authorize.js';
import type { WorkflowDeps } from './deps.js';
import { notFound } from './errors.js';

export const ChatIdentitySchema = z.discriminatedUnion(
  'platform',
  [
    z.strictObject({
      platform: z.literal('slack'),
      teamId: z.string().regex(/^[TE][A-Z0-9]{2,20}$/, { error: 'teamId must be a Slack team id (T…)' }),
      userId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/, { error: 'userId must be a Slack user id (U…)' }),
    }),
    z.strictObject({
      platform: z.literal('teams'),
      aadObjectId: z.uuid({ error: 'aadObjectId must be an Entra ID object id (a GUID)' }),
      tenantId: z.uuid({ error: 'tenantId must be a GUID' }).optional(),
    }),
  ],
  { error: "platform must be 'slack' or 'teams'" },
);

/**
 * The Stempel user behind a chat identity (docs/delivery.md). Linked identities are found directly; an
 * unknown one is linked by the e-mail address its platform reveals, when a user has that address. Nobody
 * else is anybody: unknown chat users get an explanation of how to get linked, never data.
 */
export async function resolveChatUser(
  deps: WorkflowDeps,
  identity: ChatIdentity,
  revealEmail?: () => Promise<string | undefined>,
): Promise<UserRecord | undefined> {
  const linked = await deps.stores.users.findByChatIdentity(identity);
  if (linked) return linked.active ? linked : undefined;
  const email = await revealEmail?.();
  if (!email) return undefined;
  const user = await deps.stores.users.findByEmail(email);
  if (!user?.active) return undefined;
  const now = deps.clock();
  // Two first requests at once: one links, and writes the audit entry; the other finds it linked.
  if ((await deps.stores.users.addChatIdentity(user.id, identity, now)) !== 'added') {
    const holder = await deps.stores.users.findByChatIdentity(identity);
    return holder?.active ? holder : undefined;
  }
  await deps.stores.audit.write({
    at: now,
    actor: 'system',
    kind: 'user.identity-linked',
    entity: { type: 'user', id: user.id },
    after: { identity, by: 'email' },
  });
  return { ...user, chatIdentities: [...user.chatIdentities, identity] };
}

/** The user and the validated identity an administrator's link or unlink is about. */
async function identityCommand(
  deps: WorkflowDeps,
  command: { userId: string; identity: unknown },
): Promise<{ user: UserRecord; identity: ChatIdentity }> {
  const parsed = ChatIdentitySchema.safeParse(command.identity);
  if (!parsed.success) throw fromZodError(parsed.error, 'identity.invalid');
  const user = await deps.stores.users.get(command.userId);
  if (!user) throw notFound('user', command.userId);
  return { user, identity: parsed.data };
}

function linkedElsewhere(identity: ChatIdentity, holder: UserRecord | undefined): DomainError {
  return new DomainError({
    category: 'conflict',
    code: 'identity.linked-elsewhere',
    field: 'identity',
    message: `This ${identity.platform} identity is already linked to ${holder?.email ?? holder?.id ?? 'another user'}`,
    params: {
      platform: platformName(identity.platform),
      holder: holder?.name ?? { en: 'another user', nl: 'een andere gebruiker' },
    },
    ...(holder ? { details: { userId: holder.id } } : {}),
  });
}

/** An administrator links a chat identity by hand (API, CLI, console); one identity, one user. */
export async function linkChatIdentity(
  deps: WorkflowDeps,
  actor: User,
  command: { userId: string; identity: unknown },
): Promise<UserRecord> {
  requireAdmin(actor, 'link chat identities');
  const { user, identity } = await identityCommand(deps, command);
  const holder = await deps.stores.users.findByChatIdentity(identity);
  if (holder && holder.id !== user.id) throw linkedElsewhere(identity, holder);
  const now = deps.clock();
  const linked = await deps.stores.users.addChatIdentity(user.id, identity, now);
  if (linked === 'missing') throw notFound('user', command.userId);
  // Another administrator linked it to someone else at the same moment.
  if (linked === 'taken')
    throw linkedElsewhere(identity, await deps.stores.users.findByChatIdentity(identity));
  if (linked === 'known') return (await deps.stores.users.get(user.id))!;
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'user.identity-linked',
    entity: { type: 'user', id: user.id },
    after: { identity, by: 'admin' },
  });
  return (await deps.stores.users.get(user.id))!;
}

export async function unlinkChatIdentity(
  deps: WorkflowDeps,
  actor: User,
  command: { userId: string; identity: unknown },
): Promise<UserRecord> {
  requireAdmin(actor, 'unlink chat identities');
  const { user, identity } = await identityCommand(deps, command);
  const now = deps.clock();
  if (!(await deps.stores.users.removeChatIdentity(user.id, identity, now))) {
    throw notFound('identity', `${identity.platform} identity`, 'identity');
  }
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'user.identity-unlinked',
    entity: { type: 'user', id: user.id },
    before: { identity },
  });
  return (await deps.stores.users.get(user.id))!;
}
