import { randomBytes } from 'node:crypto';
import type { DeliveryContent, DeliveryStore, DeliveryViewer } from '../store/deliveries.js';
import type { Address } from './platform.js';
import type { ChatDelivery, DeliveryResult, DeliveryTarget, OutboundMessage } from './port.js';
import type { DeliveryRouter } from './router.js';

/** How long sent and failed deliveries stay for admins to look back on. */
const RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface OutboxOptions {
  store: DeliveryStore;
  router: DeliveryRouter;
  clock: () => Date;
  /** Wakes this instance's worker, so a queued message goes out at once instead of at the next poll. */
  wake: () => void;
}

function newDeliveryId(): string {
  return `dlv_${randomBytes(8).toString('hex')}`;
}

/**
 * The outbox (docs/delivery.md): every outbound chat message becomes a delivery record before anything is
 * sent, so nothing is lost when the service stops, and a message queued twice is stored once.
 */
export class Outbox implements ChatDelivery {
  readonly available = true;

  constructor(private readonly options: OutboxOptions) {}

  async send(target: DeliveryTarget, message: OutboundMessage): Promise<DeliveryResult> {
    const route = await this.options.router.route(target);
    if (!route.ok) return { ok: false, permanent: true, reason: route.reason };
    const content: DeliveryContent = {
      type: 'notice',
      text: message.text,
      ...(message.actionId ? { actionId: message.actionId } : {}),
    };
    return this.post(route.address, route.viewer, content, message.purpose, message.dedupeKey);
  }

  /** Queues content for one address: what adapters and digests use once they know where it goes. */
  async post(
    address: Address,
    viewer: DeliveryViewer,
    content: DeliveryContent,
    purpose: string,
    dedupeKey: string,
  ): Promise<DeliveryResult> {
    const now = this.options.clock();
    const id = newDeliveryId();
    const queued = await this.options.store.enqueue({
      id,
      dedupeKey: `${dedupeKey}@${address.key}`,
      purpose,
      address,
      content,
      viewer,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RETENTION_MS),
    });
    if (!queued) return { ok: true };
    this.options.wake();
    return { ok: true, ref: id };
  }
}
