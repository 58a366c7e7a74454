import { randomBytes } from 'node:crypto';
import type { Action } from '../domain/actions/index.js';
import type { Logger } from '../observability/logger.js';
import type { DeliveryContent, DeliveryStore, DeliveryViewer, LiveCopy } from '../store/deliveries.js';
import type { Address, MessageRef } from './platform.js';

/** How long a posted copy keeps following its actions; older messages are left as they are. */
export const LIVE_COPY_DAYS = 30;

export interface LiveCopiesDeps {
  store: DeliveryStore;
  clock: () => Date;
  logger: Logger;
  /** Wakes the worker when the first of a burst of changes is due. */
  wakeAt(at: Date): void;
  /** Current versions of actions, to find copies a lost notification left behind. */
  versionsOf(ids: readonly string[]): Promise<Map<string, number>>;
  /** Changes within this window become one edit of each copy. */
  coalesceMs?: number;
}

/** A person whose App Home lists an action: its owner now, and its previous owner after a reassignment. */
function homeOwners(action: Action): string[] {
  const owners = action.ownerUserId ? [action.ownerUserId] : [];
  const last = action.history.at(-1);
  if (last?.kind === 'owner-changed' && typeof last.before === 'string') owners.push(last.before);
  return owners;
}

/**
 * Keeps posted messages showing their actions as they are (docs/delivery.md). Any change to an action —
 * from any platform, the API, the console, the due-sweep — reaches `actionsChanged` through the action
 * store, which marks every copy showing it dirty; the worker renders and edits them. A crash between the
 * write and the mark loses nothing for long: `reconcile` finds copies whose actions moved on.
 */
export class LiveCopies {
  readonly #coalesceMs: number;

  constructor(private readonly deps: LiveCopiesDeps) {
    this.#coalesceMs = deps.coalesceMs ?? 500;
  }

  async actionsChanged(actions: readonly Action[]): Promise<void> {
    const due = new Date(this.deps.clock().getTime() + this.#coalesceMs);
    try {
      const marked = await this.deps.store.markDirty(
        actions.map((action) => action.id),
        [...new Set(actions.flatMap(homeOwners))],
        due,
      );
      if (marked > 0) this.deps.wakeAt(due);
    } catch (error) {
      // The change itself is written; the periodic reconcile repairs the copies.
      this.deps.logger.warn({ err: error }, 'could not mark live copies dirty');
    }
  }

  /**
   * Records a message a platform adapter posted itself (a reply carrying a card, a card posted into a
   * channel on request), so that it follows its actions like the messages the worker sends.
   */
  async recordPosted(copy: {
    kind: LiveCopy['kind'];
    address: Address;
    ref: MessageRef;
    content: DeliveryContent;
    viewer: DeliveryViewer;
    versions: Record<string, number>;
  }): Promise<void> {
    const now = this.deps.clock();
    await this.deps.store.recordCopy({
      id: `copy_${randomBytes(8).toString('hex')}`,
      kind: copy.kind,
      address: copy.address,
      ref: copy.ref,
      content: copy.content,
      viewer: copy.viewer,
      actionIds: Object.keys(copy.versions),
      versions: copy.versions,
      final: false,
      dirty: false,
      attempts: 0,
      createdAt: now,
      renderedAt: now,
      expiresAt: new Date(now.getTime() + LIVE_COPY_DAYS * 86_400_000),
    });
  }

  /** Marks copies whose actions changed since they were rendered; returns how many. */
  async reconcile(pageSize = 200): Promise<number> {
    let after = '';
    let marked = 0;
    for (;;) {
      const copies = await this.deps.store.liveCopiesAfter(after, pageSize);
      if (copies.length === 0) return marked;
      after = copies.at(-1)!.id;
      const versions = await this.deps.versionsOf(copies.flatMap((copy) => copy.actionIds));
      const stale = copies.filter((copy) =>
        copy.actionIds.some((id) => versions.get(id) !== undefined && versions.get(id) !== copy.versions[id]),
      );
      if (stale.length > 0) {
        const staleIds = [...new Set(stale.flatMap((copy) => copy.actionIds))];
        marked += await this.deps.store.markDirty(staleIds, [], this.deps.clock());
        this.deps.wakeAt(this.deps.clock());
      }
    }
  }
}
