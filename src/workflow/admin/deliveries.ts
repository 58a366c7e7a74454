import type { User } from '../../domain/rights/user.js';
import type { DeliveryRecord, DeliveryStatus, DeliveryTarget } from '../../store/deliveries.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requireAdmin } from './authorize.js';

/**
 * What administrators see of the chat delivery (docs/delivery.md): the conversations messages go into,
 * with the ones the platform refused for good marked broken and why, and the messages themselves.
 */
export async function listDeliveryTargets(
  deps: WorkflowDeps,
  actor: User,
  filter: { broken?: boolean | undefined; limit: number },
): Promise<DeliveryTarget[]> {
  requireAdmin(actor, 'see chat delivery');
  return deps.stores.deliveries.listTargets({
    limit: filter.limit,
    ...(filter.broken === undefined ? {} : { broken: filter.broken }),
  });
}

/** The cause is fixed (the bot was invited, the channel unarchived): messages may go there again. */
export async function clearBrokenTarget(
  deps: WorkflowDeps,
  actor: User,
  key: string,
): Promise<DeliveryTarget> {
  requireAdmin(actor, 'repair chat delivery');
  const target = await deps.stores.deliveries.target(key);
  if (!target) throw notFound('delivery-target', key, 'key');
  if (await deps.stores.deliveries.clearBroken(key)) {
    await deps.stores.audit.write({
      at: deps.clock(),
      actor: actor.id,
      kind: 'delivery.target-cleared',
      entity: { type: 'delivery-target', id: key },
      before: { broken: target.broken },
    });
  }
  return (await deps.stores.deliveries.target(key))!;
}

export async function listDeliveries(
  deps: WorkflowDeps,
  actor: User,
  filter: { status?: DeliveryStatus | undefined; target?: string | undefined; limit: number },
): Promise<DeliveryRecord[]> {
  requireAdmin(actor, 'see chat delivery');
  return deps.stores.deliveries.list({
    limit: filter.limit,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.target ? { targetKey: filter.target } : {}),
  });
}
