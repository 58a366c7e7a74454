/**
 * Behaviour specific to the embedded server, tested against its own instance: what it deliberately
 * refuses (always with an error naming the feature), and details a real mongod suite cannot pin down
 * (TTL timing, error message formats, batch size limits).
 */
import { type Db, Decimal128, Long, MongoClient, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../../src/store/embedded/server.js';

let server: EmbeddedMongo;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  server = await startEmbeddedMongo({ ttlIntervalMs: 50 });
  client = await new MongoClient(server.uri).connect();
  db = client.db('strictness');
});

afterAll(async () => {
  await client.close();
  await server.stop();
});

async function refusal(action: () => Promise<unknown>): Promise<MongoServerError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof MongoServerError) return error;
    throw error;
  }
  throw new Error('expected the server to refuse the operation');
}

describe('deliberately unsupported features are errors naming them', () => {
  const things = () => db.collection('things');

  it.each([
    ['$where', () => things().find({ $where: 'this.a > 1' }).toArray()],
    [
      '$text',
      () =>
        things()
          .find({ $text: { $search: 'x' } })
          .toArray(),
    ],
    [
      '$near',
      () =>
        things()
          .find({ loc: { $near: [0, 0] } })
          .toArray(),
    ],
    [
      'collation',
      () =>
        things()
          .find({}, { collation: { locale: 'nl' } })
          .toArray(),
    ],
    ['pipeline-style updates', () => things().updateOne({}, [{ $set: { a: 1 } }])],
    [
      '$out',
      () =>
        things()
          .aggregate([{ $out: 'copy' }])
          .toArray(),
    ],
    [
      '$merge',
      () =>
        things()
          .aggregate([{ $merge: { into: 'copy' } }])
          .toArray(),
    ],
    ['$changeStream', () => things().watch().next()],
    [
      '$function',
      () =>
        things()
          .aggregate([{ $project: { x: { $function: { body: 'return 1', args: [], lang: 'js' } } } }])
          .toArray(),
    ],
    ['text', () => things().createIndex({ body: 'text' })],
    ['capped', () => db.createCollection('capped', { capped: true, size: 1024 })],
    [
      '$meta',
      () =>
        things()
          .find({}, { projection: { score: { $meta: 'textScore' } } })
          .toArray(),
    ],
  ])('%s', async (feature, action) => {
    const error = await refusal(action);
    expect(error.message).toContain(feature);
  });

  it('refuses Decimal128 arithmetic rather than computing it in binary floating point', async () => {
    const { insertedId } = await things().insertOne({ amount: Decimal128.fromString('0.1') });
    const error = await refusal(() => things().updateOne({ _id: insertedId }, { $inc: { amount: 0.2 } }));
    expect(error.message).toContain('Decimal128');
  });

  it('refuses transactions, as a standalone mongod does', async () => {
    const session = client.startSession();
    try {
      const error = await refusal(() =>
        session.withTransaction(async () => {
          await things().insertOne({ inTransaction: true }, { session });
        }),
      );
      // The driver rewrites mongod's code 20 "Transaction numbers are only allowed on a replica set
      // member or mongos" into this advice, exactly as against a real standalone.
      expect(error.message).toMatch(/does not support retryable writes/);
    } finally {
      await session.endSession();
    }
    expect(await things().countDocuments({ inTransaction: true })).toBe(0);
  });

  it('refuses unknown options instead of ignoring them', async () => {
    const error = await refusal(() => db.command({ find: 'things', filter: {}, fooBar: 1 }));
    expect(error.code).toBe(40415);
    expect(error.message).toContain('find.fooBar');
    const statement = await refusal(() =>
      db.command({ update: 'things', updates: [{ q: {}, u: { $set: { a: 1 } }, fooBar: true }] }),
    );
    expect(statement.message).toContain('fooBar');
  });

  it('treats command names case-sensitively', async () => {
    const error = await refusal(() => db.command({ Ping: 1 }));
    expect(error.code).toBe(59);
    expect(error.message).toContain('Ping');
  });

  it('refuses authentication', async () => {
    const withCredentials = new MongoClient(server.uri.replace('mongodb://', 'mongodb://user:secret@'), {
      serverSelectionTimeoutMS: 2000,
    });
    await expect(withCredentials.connect()).rejects.toThrow(/authentication is not supported/);
    await withCredentials.close();
  });
});

describe('server details', () => {
  it('formats duplicate key errors like mongod', async () => {
    const users = db.collection('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ email: 'a@example.org' });
    const error = await refusal(() => users.insertOne({ email: 'a@example.org' }));
    expect(error.message).toBe(
      'E11000 duplicate key error collection: strictness.users index: email_1 dup key: { email: "a@example.org" }',
    );
  });

  it('expires TTL documents at the configured reaper interval', async () => {
    const sessions = db.collection('sessions');
    await sessions.createIndex({ at: 1 }, { expireAfterSeconds: 1 });
    await sessions.insertOne({ at: new Date() });
    const start = Date.now();
    // Only the lower bound is the server's promise (never before the document expired); how soon after,
    // depends on the machine, so the loop waits for the removal itself.
    while ((await sessions.countDocuments()) > 0) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(Date.now() - start).toBeGreaterThanOrEqual(900);
  });

  it('splits large results into batches that fit the 16 MiB document limit', async () => {
    const blobs = db.collection('blobs');
    const payload = 'x'.repeat(1024 * 1024);
    await blobs.insertMany(Array.from({ length: 40 }, (_, i) => ({ i, payload })));
    const reply = await db.command({ find: 'blobs', filter: {}, batchSize: 40 });
    expect(reply.cursor.firstBatch.length).toBeLessThan(40);
    expect(reply.cursor.firstBatch.length).toBeGreaterThan(10);
    const all = await blobs.find({}, { projection: { i: 1 } }).toArray();
    expect(all).toHaveLength(40);
    expect((await blobs.find().toArray()).map((doc) => doc.i)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
  });

  it('compares wrapped numbers by value in queries, sorts and aggregations', async () => {
    const numbers = db.collection('wrapped');
    await numbers.insertMany([
      { n: Long.fromNumber(5) },
      { n: 2.5 },
      { n: 7 },
      { n: Decimal128.fromString('3') },
    ]);
    expect(await numbers.countDocuments({ n: { $gt: 4 } })).toBe(2);
    expect(await numbers.countDocuments({ n: 3 })).toBe(1);
    const sorted = await numbers
      .find({}, { projection: { _id: 0 } })
      .sort({ n: -1 })
      .toArray();
    expect(sorted.map((doc) => Number(doc.n))).toEqual([7, 5, 3, 2.5]);
    const [sum] = await numbers.aggregate([{ $group: { _id: null, total: { $sum: '$n' } } }]).toArray();
    expect(sum?.total).toBe(17.5);
  });

  it('keeps the types of a document returned unchanged by aggregate $match/$sort', async () => {
    const typed = db.collection('typed');
    await typed.insertOne({ n: Long.fromNumber(9) });
    const [doc] = await typed
      .aggregate([{ $match: { n: 9 } }, { $sort: { n: 1 } }], { promoteLongs: false })
      .toArray();
    expect(doc?.n).toBeInstanceOf(Long);
  });
});

describe('embedded documents in aggregation compare field by field, in order', () => {
  const ordered = () => db.collection<{ _id: number; d: object }>('field_order');

  it('keeps documents that differ only in field order apart in $in and $addToSet', async () => {
    await ordered().insertMany([
      { _id: 1, d: { a: 1, b: 2 } },
      { _id: 2, d: { b: 2, a: 1 } },
    ]);
    const inList = await ordered()
      .find({ $expr: { $in: ['$d', [{ $literal: { b: 2, a: 1 } }]] } })
      .toArray();
    expect(inList.map((doc) => doc._id)).toEqual([2]);
    const [set] = await ordered()
      .aggregate([{ $group: { _id: null, s: { $addToSet: '$d' } } }])
      .toArray();
    expect(set?.s).toHaveLength(2);
  });

  it('refuses to group by documents that differ only in field order, naming it; groups others', async () => {
    const error = await refusal(() =>
      ordered()
        .aggregate([{ $group: { _id: '$d', n: { $sum: 1 } } }])
        .toArray(),
    );
    expect(error.code).toBe(115);
    expect(error.message).toContain('field order');
    const built = await ordered()
      .aggregate([
        { $group: { _id: { first: '$_id', kind: 'x' }, n: { $sum: 1 } } },
        { $sort: { '_id.first': 1 } },
      ])
      .toArray();
    expect(built.map((group) => group._id)).toEqual([
      { first: 1, kind: 'x' },
      { first: 2, kind: 'x' },
    ]);
  });
});
