import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleInbox, INBOX_TTL_SECONDS } from '../../adapters/console/inbox.js';
import type { Address, OutgoingMessage } from '../../src/delivery/platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let inbox: ConsoleInbox;
// A recent moment: the inbox's TTL index would reap messages older than 30 days while the test runs.
let now = new Date(Date.now() - 60_000);

beforeAll(async () => {
  database = await openTestDatabase('console_inbox');
  inbox = new ConsoleInbox(database.db, () => now);
  await inbox.ensureIndexes();
});
afterAll(() => database.close());

let sequence = 0;
function message(fields: { text?: string; actionId?: string; dedupeKey?: string } = {}): OutgoingMessage {
  sequence += 1;
  const text = fields.text ?? `Action ${sequence} starts now`;
  return {
    locale: 'en',
    kind: 'notice',
    purpose: 'reminder',
    dedupeKey: fields.dedupeKey ?? `key-${sequence}`,
    views: [
      { kind: 'text', lines: [text] },
      ...(fields.actionId ? [{ ...cardStub, actionId: fields.actionId }] : []),
    ],
  };
}

const cardStub = {
  kind: 'action-card' as const,
  actionId: 'act_0',
  number: 1,
  title: 'A card',
  recordLabel: 'Course',
  record: { group: 'course', id: 'crs_1' },
  state: 'open' as const,
  stateLabel: 'Open',
  colour: 'today' as const,
  colourLabel: 'Today',
  execution: 'manual' as const,
  ownerName: null,
  start: new Date(),
  end: new Date(),
  window: '',
  facts: [],
  buttons: [],
};

async function user(id: string): Promise<Address> {
  return inbox.directAddress({ id, name: id, chatIdentities: [] });
}

describe('the console inbox', () => {
  it('is a chat platform that stores what is posted to a user, with the card it shows', async () => {
    expect(inbox).toMatchObject({ id: 'console', editable: false });
    const result = await inbox.post(await user('u-anna'), message({ actionId: 'act_1', text: 'Hello Anna' }));
    expect(result).toMatchObject({ ok: true, ref: { id: expect.stringMatching(/^msg_/) } });
    expect(await inbox.unreadFor('u-anna')).toEqual([
      expect.objectContaining({ text: 'Hello Anna', actionId: 'act_1', purpose: 'reminder', createdAt: now }),
    ]);
    expect(await inbox.unreadFor('u-bram')).toEqual([]);
  });

  it('stores a retried send once (dedupeKey) and answers with the first message', async () => {
    const first = await inbox.post(await user('u-retry'), message({ dedupeKey: 'overdue:act_9:3' }));
    const again = await Promise.all(
      [1, 2, 3].map(async () => inbox.post(await user('u-retry'), message({ dedupeKey: 'overdue:act_9:3' }))),
    );
    expect(first.ok).toBe(true);
    expect(again.map((result) => (result.ok ? result.ref.id : result.reason))).toEqual(
      Array(3).fill(first.ok ? first.ref.id : ''),
    );
    expect(await inbox.unreadFor('u-retry')).toHaveLength(1);
    expect(
      await database.db.collection('consoleInbox').countDocuments({ dedupeKey: 'overdue:act_9:3' }),
    ).toBe(1);
  });

  it('shows channel messages to everyone, read per person', async () => {
    const planning = await inbox.channelAddress('#planning');
    expect(planning).toMatchObject({ key: 'console:channel:planning', label: '#planning' });
    expect(await inbox.channelAddress('two words')).toBeUndefined();
    await inbox.post(planning!, message({ text: 'Digest for planning' }));
    const [forCarla] = (await inbox.unreadFor('u-carla')).filter((m) => m.text === 'Digest for planning');
    expect(forCarla?.target).toEqual({ kind: 'channel', channel: 'planning' });
    expect(await inbox.acknowledge('u-carla', forCarla!.id)).toBe(true);
    expect((await inbox.unreadFor('u-carla')).map((m) => m.text)).not.toContain('Digest for planning');
    expect((await inbox.unreadFor('u-dirk')).map((m) => m.text)).toContain('Digest for planning');
  });

  it("lists oldest first and refuses to acknowledge someone else's message", async () => {
    const recent = Date.now();
    now = new Date(recent - 60_000);
    await inbox.post(await user('u-eva'), message({ text: 'later' }));
    now = new Date(recent - 120_000);
    await inbox.post(await user('u-eva'), message({ text: 'earlier' }));
    const own = (await inbox.unreadFor('u-eva')).filter((m) => m.target.kind === 'user');
    expect(own.map((m) => m.text)).toEqual(['earlier', 'later']);
    expect(await inbox.acknowledge('u-frank', own[0]!.id)).toBe(false);
    expect(await inbox.acknowledge('u-eva', 'msg_unknown')).toBe(false);
    expect(await inbox.acknowledge('u-eva', own[0]!.id)).toBe(true);
    expect((await inbox.unreadFor('u-eva')).map((m) => m.text)).toContain('later');
  });

  it('keeps messages for 30 days (TTL index) and dedupes with a unique index', async () => {
    const indexes = await database.db.collection('consoleInbox').listIndexes().toArray();
    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { createdAt: 1 }, expireAfterSeconds: INBOX_TTL_SECONDS }),
        expect.objectContaining({ key: { dedupeKey: 1 }, unique: true }),
      ]),
    );
    expect(INBOX_TTL_SECONDS).toBe(2_592_000);
  });
});
