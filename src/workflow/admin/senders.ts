import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError, fromZodError } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import { TEXT_LIMITS, text } from '../../domain/text.js';
import type { SenderAddress } from '../../store/senders.js';
import type { WorkflowDeps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { requireAdmin } from './authorize.js';

export const NewSenderSchema = z.strictObject({
  address: z
    .email({ error: 'address must be an e-mail address' })
    .max(254, { error: 'address must be at most 254 characters' })
    .transform((value) => value.toLowerCase()),
  displayName: text({ max: TEXT_LIMITS.name, required: false }).default(''),
});
export type NewSender = z.input<typeof NewSenderSchema>;

/**
 * A new sender address starts unapproved: approving is a separate, deliberate step (in practice after the
 * domain's SPF/DKIM set-up is checked), and only approved addresses can be used by e-mail templates.
 */
export async function createSender(deps: WorkflowDeps, actor: User, input: unknown): Promise<SenderAddress> {
  requireAdmin(actor, 'manage sender addresses');
  const parsed = NewSenderSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'sender.invalid');
  const now = deps.clock();
  const sender: SenderAddress = {
    id: `snd_${randomBytes(6).toString('hex')}`,
    ...parsed.data,
    approved: false,
    createdAt: now,
    updatedAt: now,
  };
  if ((await deps.stores.senders.insert(sender)) === 'address-taken') {
    throw new DomainError({
      category: 'conflict',
      code: 'sender.exists',
      field: 'address',
      message: `The sender address ${sender.address} already exists`,
      params: { address: sender.address },
    });
  }
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'sender.created',
    entity: { type: 'sender', id: sender.id },
    after: sender,
  });
  return sender;
}

async function getSender(deps: WorkflowDeps, id: string): Promise<SenderAddress> {
  const sender = await deps.stores.senders.get(id);
  if (!sender) throw notFound('sender', id);
  return sender;
}

/** Approving twice is harmless: the second call changes nothing and writes no audit entry. */
export async function approveSender(deps: WorkflowDeps, actor: User, id: string): Promise<SenderAddress> {
  requireAdmin(actor, 'approve sender addresses');
  const before = await getSender(deps, id);
  if (before.approved) return before;
  const now = deps.clock();
  const after = { ...before, approved: true, updatedAt: now };
  if (!(await deps.stores.senders.replace(after))) throw notFound('sender', id);
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'sender.approved',
    entity: { type: 'sender', id },
    before,
    after,
  });
  return after;
}

/**
 * Removes a sender address. Templates that name it are refused at their next save, and e-mails that
 * would use it are rejected with the reason (docs/domain.md §5), so nothing sends from an address that was
 * taken away.
 */
export async function deleteSender(deps: WorkflowDeps, actor: User, id: string): Promise<void> {
  requireAdmin(actor, 'manage sender addresses');
  const before = await getSender(deps, id);
  if (!(await deps.stores.senders.delete(id))) throw notFound('sender', id);
  await deps.stores.audit.write({
    at: deps.clock(),
    actor: actor.id,
    kind: 'sender.deleted',
    entity: { type: 'sender', id },
    before,
  });
}

/** Template authors need to see which senders exist to pick one, so listing is not admin-only. */
export async function listSenders(
  deps: WorkflowDeps,
  actor: User,
  filter: { approved?: boolean | undefined },
): Promise<SenderAddress[]> {
  if (!actor.active) throw forbidden('user.inactive', 'Deactivated users cannot see sender addresses');
  const senders = await deps.stores.senders.list();
  return filter.approved === undefined ? senders : senders.filter((s) => s.approved === filter.approved);
}
