import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address, ChatPlatform } from '../../src/delivery/platform.js';
import { DeliveryWorker } from '../../src/delivery/worker.js';
import { DeliveryStore, type LiveCopy } from '../../src/store/deliveries.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

/** Tells when recording a live copy failed, so the test can move on at exactly that moment. */
class WatchedStore extends DeliveryStore {
  readonly copyFailed: Promise<void>;
  #failed!: () => void;

  constructor(...args: ConstructorParameters<typeof DeliveryStore>) {
    super(...args);
    this.copyFailed = new Promise((resolve) => {
      this.#failed = resolve;
    });
  }

  override async recordCopy(copy: LiveCopy): Promise<void> {
    try {
      await super.recordCopy(copy);
    } catch (error) {
      this.#failed();
      throw error;
    }
  }
}

let database: TestDatabase;
let store: WatchedStore;

beforeAll(async () => {
  database = await openTestDatabase('delivery-worker');
  store = new WatchedStore(database.db);
  await store.ensureIndexes();
});
afterAll(() => database.close());

function address(channel: string): Address {
  return { platform: 'slack', key: `slack:T1:${channel}`, label: channel, data: { channel } };
}

async function enqueue(channel: string): Promise<string> {
  const now = new Date();
  const id = `dlv_${channel.toLowerCase()}`;
  await store.enqueue({
    id,
    dedupeKey: `test:${channel}`,
    purpose: 'post',
    address: address(channel),
    content: { type: 'card', actionId: 'act_1' },
    viewer: { locale: 'en' },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  return id;
}

describe('the delivery worker', () => {
  it('finishes every lane of a pass before the pass reports the failure of one', async () => {
    let ts = 0;
    // The network edge: a Slack that holds the post into SLOW until the other lane has failed.
    const platform: ChatPlatform = {
      id: 'slack',
      pacingMs: 0,
      editable: true,
      directAddress: async () => undefined,
      channelAddress: async (channel) => address(channel),
      post: async (to) => {
        if (to.data.channel === 'SLOW') await store.copyFailed;
        ts += 1;
        return { ok: true, ref: { channel: to.data.channel ?? '', ts: String(ts) } };
      },
      update: async (_to, ref) => ({ ok: true, ref }),
    };
    await enqueue('SLOW');
    const clashing = await enqueue('CLASH');
    // A copy under the id the worker will give CLASH's copy (as a second sender after a lapsed lease would
    // leave): recording it fails, and so does that lane.
    const now = new Date();
    await store.recordCopy({
      id: `copy_${clashing.slice(4)}`,
      kind: 'card',
      address: address('CLASH'),
      ref: { channel: 'CLASH', ts: '0' },
      content: { type: 'card', actionId: 'act_1' },
      viewer: { locale: 'en' },
      actionIds: ['act_1'],
      versions: { act_1: 1 },
      final: false,
      dirty: false,
      attempts: 0,
      createdAt: now,
      renderedAt: now,
    });
    const sent: string[] = [];
    const worker = new DeliveryWorker({
      store,
      platforms: new Map([['slack', platform]]),
      views: { build: async () => ({ views: [], locale: 'en', versions: { act_1: 1 }, final: false }) },
      clock: () => new Date(),
      logger: pino({ level: 'silent' }),
      settings: { concurrency: 2 },
      events: { outcome: (_platform, _kind, outcome) => sent.push(outcome) },
    });
    await expect(worker.runOnce()).rejects.toThrow();
    // Both messages were sent and recorded before the pass ended: no lane is left running behind it.
    expect(sent).toEqual(['sent', 'sent']);
    expect((await store.get('dlv_slow'))?.status).toBe('sent');
  });
});

describe('the delivery store', () => {
  it('does not turn a message another worker sent into a failure', async () => {
    const id = await enqueue('LAPSED');
    const now = new Date();
    // The first worker's claim lapses while it still works on the message; a second one sends it.
    await store.claimDue(now, 0);
    const second = await store.claimDue(new Date(now.getTime() + 1), 30_000);
    expect(second?.id).toBe(id);
    await store.markSent(id, { channel: 'LAPSED', ts: '1' }, new Date());
    await store.markFailed(id, 'request_timeout');
    expect(await store.get(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
