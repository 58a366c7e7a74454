import { chatMessageViews } from './chat/message-views.js';
import { LiveCopies } from './delivery/live.js';
import { Outbox } from './delivery/outbox.js';
import type { ChatPlatform, PlatformId } from './delivery/platform.js';
import { DeliveryRouter } from './delivery/router.js';
import type { MessageViews } from './delivery/views.js';
import { type DeliveryEvents, type DeliverySettings, DeliveryWorker } from './delivery/worker.js';
import type { WorkflowDeps } from './workflow/deps.js';
import type { DigestPorts } from './workflow/digests/subscriptions.js';
import { noticeOpenedActions } from './workflow/notices/opened.js';

export interface ChatDeliveryStack {
  readonly outbox: Outbox;
  readonly worker: DeliveryWorker;
  readonly live: LiveCopies;
  readonly router: DeliveryRouter;
  readonly platforms: ReadonlyMap<PlatformId, ChatPlatform>;
  /** How messages are rendered for a reader, for adapters posting a live copy themselves. */
  readonly views: MessageViews;
}

export interface ChatDeliveryOptions {
  platforms: readonly ChatPlatform[];
  settings?: Partial<DeliverySettings>;
  events?: DeliveryEvents;
  /** Changes to an action within this window become one edit of each posted copy. */
  coalesceMs?: number;
  /**
   * The delivery's own clock, for pacing, retries and leases: real time, whatever the use cases' clock
   * says (tests move that one by hand; a conversation's pace is still a matter of seconds).
   */
  clock?: () => Date;
}

/**
 * The chat delivery of one service instance (docs/delivery.md): the platforms configured, the outbox the
 * use cases send through, the worker that sends, and the live copies that follow every action change
 * made through the action store. The caller starts and stops the worker.
 */
export function createChatDelivery(deps: WorkflowDeps, options: ChatDeliveryOptions): ChatDeliveryStack {
  const { stores, logger } = deps;
  const clock = options.clock ?? (() => new Date());
  const platforms = new Map(options.platforms.map((platform) => [platform.id, platform]));
  const views = chatMessageViews(deps);
  const worker = new DeliveryWorker({
    store: stores.deliveries,
    platforms,
    views,
    clock,
    logger,
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.events ? { events: options.events } : {}),
  });
  const router = new DeliveryRouter({
    platforms,
    store: stores.deliveries,
    user: (id) => stores.users.get(id),
    channelLocale: async () => (await deps.workspace.get()).locale,
  });
  const outbox = new Outbox({ store: stores.deliveries, router, clock, wake: () => worker.wake() });
  const live = new LiveCopies({
    store: stores.deliveries,
    clock,
    logger,
    wakeAt: (at) => worker.wakeAt(at),
    versionsOf: (ids) => stores.actions.versionsOf(ids),
    ...(options.coalesceMs === undefined ? {} : { coalesceMs: options.coalesceMs }),
  });
  stores.actions.onChange((actions) => live.actionsChanged(actions));
  stores.actions.onChange((actions) => noticeOpenedActions(deps, outbox, actions));
  return { outbox, worker, live, router, platforms, views };
}

/** How the digest use cases reach channels and their jobs: through the chat delivery's platforms. */
export function digestPortsOf(delivery: ChatDeliveryStack, jobs: DigestPorts['jobs']): DigestPorts {
  return {
    channelAddress: async (target) => delivery.platforms.get(target.platform)?.channelAddress(target.channel),
    jobs,
    post: (address, viewer, content, purpose, dedupeKey) =>
      delivery.outbox.post(address, viewer, content, purpose, dedupeKey),
  };
}
