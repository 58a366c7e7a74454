import type { Logger } from '../observability/logger.js';
import type { DeliveryRecord, DeliveryStore, LiveCopy } from '../store/deliveries.js';
import { LIVE_COPY_DAYS } from './live.js';
import type { ChatPlatform, OutgoingMessage, PlatformId, PlatformOutcome } from './platform.js';
import type { BuiltMessage, MessageViews } from './views.js';

export interface DeliverySettings {
  /** How often an idle worker looks for work queued by other instances. */
  pollMs: number;
  /** How long a claimed message or copy is held before another worker may assume a crash. */
  leaseMs: number;
  /** Messages sent side by side (into different conversations; one conversation is paced anyway). */
  concurrency: number;
  /** Attempts of a message or card edit before it is given up and shown to admins as failed. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

const defaultDeliverySettings: DeliverySettings = {
  pollMs: 1_000,
  leaseMs: 30_000,
  concurrency: 4,
  maxAttempts: 8,
  retryBaseMs: 2_000,
  retryMaxMs: 600_000,
};

/** What the worker reports, for metrics and tests. */
export interface DeliveryEvents {
  outcome?(platform: PlatformId, kind: 'post' | 'update', outcome: 'sent' | 'retry' | 'failed'): void;
}

export interface WorkerDeps {
  store: DeliveryStore;
  platforms: ReadonlyMap<PlatformId, ChatPlatform>;
  views: MessageViews;
  clock: () => Date;
  logger: Logger;
  settings?: Partial<DeliverySettings>;
  events?: DeliveryEvents;
}

function messageOf(built: BuiltMessage, kind: OutgoingMessage['kind'], purpose: string, dedupeKey: string) {
  return { locale: built.locale, views: built.views, kind, purpose, dedupeKey };
}

/**
 * Sends what the outbox holds and keeps posted copies current (docs/delivery.md). Every instance runs
 * one; claims are conditional updates, so instances share the work without sending anything twice, and
 * pacing slots live in the database, so together they keep each conversation's pace.
 */
export class DeliveryWorker {
  readonly #deps: WorkerDeps;
  readonly #settings: DeliverySettings;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  /** Not started yet or stopped: no timers. A pass asked for directly (`runOnce`) still runs. */
  #stopped = true;
  #stopping = false;
  /** The earliest moment something released during a pass becomes due again. */
  #nextDue: number | undefined;

  constructor(deps: WorkerDeps) {
    this.#deps = deps;
    this.#settings = { ...defaultDeliverySettings, ...deps.settings };
  }

  start(): void {
    this.#stopped = false;
    this.#stopping = false;
    this.#schedule(0);
  }

  /** Look for work now (something was queued or marked dirty in this instance). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) this.#again = true;
    else this.#schedule(0);
  }

  /** Look for work at `at` (a dirty copy's coalescing delay), unless a pass comes sooner anyway. */
  wakeAt(at: Date): void {
    if (this.#stopped) return;
    this.#noteDue(at);
    if (!this.#running) this.#schedule(Math.max(0, at.getTime() - this.#deps.clock().getTime()));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), delayMs);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    if (this.#running || this.#stopped) return;
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.runOnce().catch((error: unknown) =>
          this.#deps.logger.error({ err: error }, 'delivery pass failed'),
        );
      } while (this.#again && !this.#stopped);
    })();
    await this.#running;
    this.#running = undefined;
    if (this.#stopped) return;
    const now = this.#deps.clock().getTime();
    const next = this.#nextDue === undefined ? this.#settings.pollMs : Math.max(0, this.#nextDue - now);
    this.#nextDue = undefined;
    this.#schedule(Math.min(next, this.#settings.pollMs));
  }

  #noteDue(at: Date): void {
    this.#nextDue = Math.min(this.#nextDue ?? Number.POSITIVE_INFINITY, at.getTime());
  }

  /** Sends everything due now and edits every dirty copy; returns how many items it handled. */
  async runOnce(): Promise<number> {
    let handled = 0;
    const lane = async () => {
      for (;;) {
        if (this.#stopping) return;
        const now = this.#deps.clock();
        const delivery = await this.#deps.store.claimDue(now, this.#settings.leaseMs);
        if (delivery) {
          await this.#send(delivery);
          handled += 1;
          continue;
        }
        const copy = await this.#deps.store.claimDirty(now, this.#settings.leaseMs);
        if (!copy) return;
        await this.#refresh(copy);
        handled += 1;
      }
    };
    // Every lane ends before the pass does, also when one fails: a lane left running would outlive stop()
    // and run beside the next pass's lanes.
    const lanes = await Promise.allSettled(Array.from({ length: this.#settings.concurrency }, lane));
    const failed = lanes.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    return handled;
  }

  #backoff(attempts: number): number {
    return Math.min(this.#settings.retryBaseMs * 2 ** Math.max(0, attempts - 1), this.#settings.retryMaxMs);
  }

  async #send(delivery: DeliveryRecord): Promise<void> {
    const { store, logger } = this.#deps;
    const platform = this.#deps.platforms.get(delivery.address.platform);
    if (!platform) {
      await store.markFailed(delivery.id, `${delivery.address.platform} is not configured`);
      return;
    }
    const now = this.#deps.clock();
    const slot = await store.takeSlot(delivery.address.key, now, platform.pacingMs);
    if (!slot.ok) {
      const target = await store.target(delivery.address.key);
      if (target?.broken) {
        await store.markFailed(
          delivery.id,
          `${delivery.address.label} is unreachable: ${target.broken.reason}`,
        );
        return;
      }
      await store.release(delivery.id, slot.at);
      this.#noteDue(slot.at);
      return;
    }
    const kind = delivery.content.type;
    let built: BuiltMessage | undefined;
    let outcome: PlatformOutcome;
    try {
      built = await this.#deps.views.build(delivery.content, delivery.viewer);
      if (!built) {
        await store.markFailed(delivery.id, 'nothing to show');
        return;
      }
      outcome = await platform.post(
        delivery.address,
        messageOf(built, kind, delivery.purpose, delivery.dedupeKey),
      );
    } catch (error) {
      logger.warn({ err: error, deliveryId: delivery.id }, 'chat delivery threw');
      outcome = { ok: false, kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    const at = this.#deps.clock();
    if (outcome.ok) {
      await store.markSent(delivery.id, outcome.ref, at);
      await store.recordOutcome(delivery.address.key, { ok: true });
      this.#deps.events?.outcome?.(platform.id, 'post', 'sent');
      if (platform.editable && built) await this.#recordCopy(delivery, outcome.ref, built, at);
      return;
    }
    await store.recordOutcome(delivery.address.key, { ok: false, reason: outcome.reason, at });
    const attempts = delivery.attempts + 1;
    if (outcome.kind === 'retry' && attempts < this.#settings.maxAttempts) {
      const wait = outcome.retryAfterMs ?? this.#backoff(attempts);
      const next = new Date(at.getTime() + wait);
      if (outcome.retryAfterMs !== undefined) await store.holdUntil(delivery.address.key, next);
      await store.release(delivery.id, next, outcome.reason);
      this.#noteDue(next);
      this.#deps.events?.outcome?.(platform.id, 'post', 'retry');
      return;
    }
    await store.markFailed(delivery.id, outcome.reason);
    this.#deps.events?.outcome?.(platform.id, 'post', 'failed');
    if (outcome.kind === 'permanent' && outcome.targetBroken) {
      await store.markBroken(delivery.address.key, outcome.reason, at);
      logger.warn({ target: delivery.address.label, reason: outcome.reason }, 'chat target marked broken');
    }
  }

  async #recordCopy(delivery: DeliveryRecord, ref: Record<string, string>, built: BuiltMessage, at: Date) {
    const kind = delivery.content.type;
    const actionIds = Object.keys(built.versions);
    if (kind === 'notice' && actionIds.length === 0) return;
    const copy: LiveCopy = {
      id: kind === 'home' ? `home:${delivery.address.key}` : `copy_${delivery.id.slice(4)}`,
      kind,
      address: delivery.address,
      ref,
      content: delivery.content,
      viewer: delivery.viewer,
      actionIds,
      versions: built.versions,
      ...(delivery.content.type === 'home' ? { homeUserId: delivery.content.userId } : {}),
      final: kind !== 'home' && kind !== 'digest' && built.final,
      dirty: false,
      attempts: 0,
      createdAt: at,
      renderedAt: at,
      // A digest follows its actions for a day: by then the next digest says what is current.
      ...(kind === 'home'
        ? {}
        : { expiresAt: new Date(at.getTime() + (kind === 'digest' ? 1 : LIVE_COPY_DAYS) * 86_400_000) }),
    };
    if (kind === 'home') await this.#deps.store.upsertHome(copy);
    else await this.#deps.store.recordCopy(copy);
  }

  async #refresh(copy: LiveCopy): Promise<void> {
    const { store, logger } = this.#deps;
    const platform = this.#deps.platforms.get(copy.address.platform);
    if (!platform) {
      await store.copyGone(copy.id, `${copy.address.platform} is not configured`, this.#deps.clock());
      return;
    }
    const now = this.#deps.clock();
    // Edits do not count against a conversation's pace of new messages (Slack paces posts per channel);
    // they only wait while the platform asked everyone to hold off (Retry-After).
    const slot = await store.takeSlot(copy.address.key, now, 0);
    if (!slot.ok) {
      await store.copyRetry(copy.id, slot.at, false);
      this.#noteDue(slot.at);
      return;
    }
    let built: BuiltMessage | undefined;
    let outcome: PlatformOutcome;
    try {
      built = await this.#deps.views.build(copy.content, copy.viewer);
      if (!built) {
        await store.copyGone(copy.id, 'nothing to show', now);
        return;
      }
      const message = messageOf(built, copy.kind, 'update', copy.id);
      outcome = await platform.update(copy.address, copy.ref, message);
    } catch (error) {
      logger.warn({ err: error, copyId: copy.id }, 'chat update threw');
      outcome = { ok: false, kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    const at = this.#deps.clock();
    if (outcome.ok && built) {
      await store.copyRendered(copy.id, {
        ref: outcome.ref,
        final: copy.kind !== 'home' && copy.kind !== 'digest' && built.final,
        actionIds: Object.keys(built.versions),
        versions: built.versions,
        at,
      });
      this.#deps.events?.outcome?.(platform.id, 'update', 'sent');
      return;
    }
    if (outcome.ok) return; // nothing was built, so nothing was sent
    if (outcome.kind === 'retry' && copy.attempts + 1 < this.#settings.maxAttempts) {
      const next = new Date(at.getTime() + (outcome.retryAfterMs ?? this.#backoff(copy.attempts + 1)));
      if (outcome.retryAfterMs !== undefined) await store.holdUntil(copy.address.key, next);
      await store.copyRetry(copy.id, next, true);
      this.#noteDue(next);
      this.#deps.events?.outcome?.(platform.id, 'update', 'retry');
      return;
    }
    await store.copyGone(copy.id, outcome.reason, at);
    this.#deps.events?.outcome?.(platform.id, 'update', 'failed');
    if (outcome.kind === 'permanent' && outcome.targetBroken) {
      await store.markBroken(copy.address.key, outcome.reason, at);
    }
  }
}
