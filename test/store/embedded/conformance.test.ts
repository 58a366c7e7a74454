/**
 * MongoDB behaviour the project relies on, exercised only through the real driver. Every assertion
 * states real MongoDB (7/8) behaviour, so this suite passes unchanged against a real mongod
 * (MONGODB_URI) as well as against the embedded wire server.
 */
import {
  Binary,
  type CommandSucceededEvent,
  type Db,
  Decimal128,
  Double,
  Int32,
  Long,
  MongoClient,
  MongoServerError,
  ObjectId,
} from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase('conformance');
  db = database.db;
});

afterAll(async () => {
  await database.close();
});

/** Runs `action` and returns the MongoServerError it must fail with. */
async function serverError(action: () => Promise<unknown>): Promise<MongoServerError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof MongoServerError) return error;
    throw error;
  }
  throw new Error('expected the server to refuse the operation');
}

/** Polls until `check` holds; a slow machine only makes it poll longer (the test's own timeout still applies). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('server commands', () => {
  it('answers ping, hello and buildInfo like a modern standalone', async () => {
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const hello = await db.admin().command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    const info = await db.admin().buildInfo();
    expect(info.version).toMatch(/^\d+\.\d+/);
  });
});

describe('insert and find', () => {
  const people = () => db.collection('people');

  beforeAll(async () => {
    await people().insertMany([
      {
        _id: new ObjectId(),
        name: 'Ann',
        age: 31,
        born: new Date('1993-04-01'),
        tags: ['a', 'b'],
        city: { name: 'Utrecht' },
      },
      { _id: new ObjectId(), name: 'Bob', age: 25, born: new Date('1999-01-15'), tags: ['b'], city: null },
      { name: 'Cas', age: 40, born: new Date('1984-09-30'), tags: [], nickname: 'C' },
      { name: 'Dee', age: 25, born: new Date('2000-12-31'), tags: ['c', 'a'] },
    ]);
  });

  it('generates ObjectId _ids and returns _id first', async () => {
    const cas = await people().findOne({ name: 'Cas' });
    expect(cas?._id).toBeInstanceOf(ObjectId);
    expect(Object.keys(cas!)[0]).toBe('_id');
  });

  it('finds by ObjectId equality and $in', async () => {
    const ann = await people().findOne({ name: 'Ann' });
    const bob = await people().findOne({ name: 'Bob' });
    expect((await people().findOne({ _id: new ObjectId(ann!._id.toHexString()) }))?.name).toBe('Ann');
    const both = await people()
      .find({ _id: { $in: [ann!._id, bob!._id] } })
      .sort({ name: 1 })
      .toArray();
    expect(both.map((p) => p.name)).toEqual(['Ann', 'Bob']);
  });

  it('queries Date ranges and sorts by Date', async () => {
    const nineties = await people()
      .find({ born: { $gte: new Date('1990-01-01'), $lt: new Date('2000-01-01') } })
      .sort({ born: -1 })
      .toArray();
    expect(nineties.map((p) => p.name)).toEqual(['Bob', 'Ann']);
  });

  it('supports the usual filter operators', async () => {
    const names = async (filter: object) =>
      (await people().find(filter).sort({ name: 1 }).toArray()).map((p) => p.name);
    expect(await names({ tags: 'a' })).toEqual(['Ann', 'Dee']);
    expect(await names({ tags: { $all: ['a', 'b'] } })).toEqual(['Ann']);
    expect(await names({ tags: { $size: 0 } })).toEqual(['Cas']);
    expect(await names({ nickname: { $exists: true } })).toEqual(['Cas']);
    expect(await names({ city: null })).toEqual(['Bob', 'Cas', 'Dee']);
    expect(await names({ city: { $ne: null } })).toEqual(['Ann']);
    expect(await names({ 'city.name': 'Utrecht' })).toEqual(['Ann']);
    expect(await names({ $or: [{ age: { $gt: 35 } }, { name: /^b/i }] })).toEqual(['Bob', 'Cas']);
    expect(await names({ $nor: [{ age: 25 }, { age: 40 }] })).toEqual(['Ann']);
    expect(await names({ age: { $in: [25, 40] }, name: { $nin: ['Dee'] } })).toEqual(['Bob', 'Cas']);
    expect(await names({ name: { $regex: 'e$' } })).toEqual(['Dee']);
    expect(await names({ $expr: { $gt: ['$age', 30] } })).toEqual(['Ann', 'Cas']);
  });

  it('compares embedded documents field by field, in order, with and without an index', async () => {
    for (const [name, indexed] of [
      ['order_plain', false],
      ['order_indexed', true],
    ] as const) {
      const collection = db.collection<{ _id: number; d: object; list: object[] }>(name);
      if (indexed) await collection.createIndexes([{ key: { d: 1 } }, { key: { list: 1 } }]);
      await collection.insertMany([
        { _id: 1, d: { a: 1, b: 2 }, list: [{ a: 1, b: 2 }, { c: 3 }] },
        { _id: 2, d: { b: 2, a: 1 }, list: [{ b: 2, a: 1 }] },
      ]);
      const ids = async (filter: object) =>
        (await collection.find(filter).sort({ _id: 1 }).toArray()).map((doc) => doc._id);
      const label = indexed ? 'indexed' : 'plain';
      expect(await ids({ d: { a: 1, b: 2 } }), label).toEqual([1]);
      expect(await ids({ d: { b: 2, a: 1 } }), label).toEqual([2]);
      expect(await ids({ d: { a: 1 } }), label).toEqual([]);
      expect(await ids({ d: { $in: [{ b: 2, a: 1 }, { x: 1 }] } }), label).toEqual([2]);
      expect(await ids({ d: { $ne: { a: 1, b: 2 } } }), label).toEqual([2]);
      expect(await ids({ d: { $nin: [{ a: 1, b: 2 }] } }), label).toEqual([2]);
      expect(await ids({ list: { a: 1, b: 2 } }), label).toEqual([1]);
      expect(await ids({ list: { $all: [{ c: 3 }, { a: 1, b: 2 }] } }), label).toEqual([1]);
      expect(await ids({ list: { $elemMatch: { a: 1, b: 2 } } }), label).toEqual([1, 2]);
      expect(await ids({ $expr: { $eq: ['$d', { $literal: { b: 2, a: 1 } }] } }), label).toEqual([2]);
      expect(await ids({ $expr: { $ne: ['$d', { $literal: { a: 1, b: 2 } }] } }), label).toEqual([2]);
    }
  });

  it('applies sort, skip, limit and projections', async () => {
    const page = await people()
      .find({}, { projection: { _id: 0, name: 1, age: 1 } })
      .sort({ age: 1, name: -1 })
      .skip(1)
      .limit(2)
      .toArray();
    expect(page).toEqual([
      { name: 'Bob', age: 25 },
      { name: 'Ann', age: 31 },
    ]);
    const excluded = await people().findOne({ name: 'Ann' }, { projection: { tags: 0, city: 0, born: 0 } });
    expect(Object.keys(excluded!).sort()).toEqual(['_id', 'age', 'name']);
    const nested = await people().findOne({ name: 'Ann' }, { projection: { 'city.name': 1, _id: 0 } });
    expect(nested).toEqual({ city: { name: 'Utrecht' } });
    const sliced = await people().findOne(
      { name: 'Ann' },
      { projection: { tags: { $slice: 1 }, _id: 0, name: 1 } },
    );
    expect(sliced).toEqual({ name: 'Ann', tags: ['a'] });
  });

  it('counts and lists distinct values', async () => {
    expect(await people().countDocuments({ age: 25 })).toBe(2);
    expect(await people().countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await people().estimatedDocumentCount()).toBe(4);
    expect((await people().distinct('age')).sort()).toEqual([25, 31, 40]);
    expect((await people().distinct('tags', { age: { $lt: 35 } })).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('cursors', () => {
  const numbers = () => db.collection('numbers');

  beforeAll(async () => {
    await numbers().insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
  });

  it('returns results in several batches through getMore', async () => {
    // promoteLongs: false keeps cursor ids as Long however small they are.
    const command = (body: object) => db.command(body, { promoteLongs: false });
    const first = await command({ find: 'numbers', filter: {}, sort: { i: 1 }, batchSize: 100 });
    expect(first.cursor.firstBatch).toHaveLength(100);
    expect(first.cursor.ns).toBe(`${db.databaseName}.numbers`);
    expect(first.cursor.id).toBeInstanceOf(Long);
    expect(first.cursor.id.isZero()).toBe(false);
    const second = await command({ getMore: first.cursor.id, collection: 'numbers', batchSize: 100 });
    expect(second.cursor.nextBatch.map((d: { i: number }) => d.i)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 100),
    );
    const third = await command({ getMore: first.cursor.id, collection: 'numbers', batchSize: 100 });
    expect(third.cursor.nextBatch).toHaveLength(50);
    expect(third.cursor.id.isZero()).toBe(true);
  });

  it('iterates every document with a small driver batch size', async () => {
    const seen = await numbers().find({}, { batchSize: 7 }).sort({ i: -1 }).toArray();
    expect(seen.map((d) => d.i)).toEqual(Array.from({ length: 250 }, (_, i) => 249 - i));
  });

  it('closes a cursor on killCursors', async () => {
    const first = await db.command({ find: 'numbers', filter: {}, batchSize: 10 });
    const killed = await db.command({ killCursors: 'numbers', cursors: [first.cursor.id] });
    expect(killed.cursorsKilled).toHaveLength(1);
    const error = await serverError(() => db.command({ getMore: first.cursor.id, collection: 'numbers' }));
    expect(error.code).toBe(43);
  });

  it('returns a single batch and no cursor with singleBatch', async () => {
    const reply = await db.command(
      { find: 'numbers', filter: {}, batchSize: 5, singleBatch: true },
      { promoteLongs: false },
    );
    expect(reply.cursor.firstBatch).toHaveLength(5);
    expect(reply.cursor.id.isZero()).toBe(true);
  });
});

/** The driver's update typings reject array operators on untyped collections, hence a schema. */
interface Item {
  _id?: ObjectId;
  sku?: string;
  kind?: string;
  state?: string;
  createdBy?: string;
  label?: string;
  qty?: number;
  price?: number;
  low?: number;
  high?: number;
  old?: number;
  renamed?: number;
  touched?: Date;
  list?: number[];
  set?: string[];
  grades?: Array<{ name: string; score: number }>;
}

describe('updates', () => {
  const items = () => db.collection<Item>('items');

  it('reports matched and modified counts', async () => {
    await items().insertMany([
      { sku: 'a', qty: 1, state: 'new' },
      { sku: 'b', qty: 2, state: 'new' },
    ]);
    const changed = await items().updateMany({ state: 'new' }, { $set: { state: 'open' } });
    expect(changed).toMatchObject({ matchedCount: 2, modifiedCount: 2, upsertedCount: 0 });
    const unchanged = await items().updateMany({ state: 'open' }, { $set: { state: 'open' } });
    expect(unchanged).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
  });

  it('upserts with $setOnInsert only on insert, seeding the query fields', async () => {
    const first = await items().updateOne(
      { sku: 'z', kind: 'widget' },
      { $set: { qty: 5 }, $setOnInsert: { createdBy: 'first' } },
      { upsert: true },
    );
    expect(first.upsertedCount).toBe(1);
    expect(first.upsertedId).toBeInstanceOf(ObjectId);
    const second = await items().updateOne(
      { sku: 'z', kind: 'widget' },
      { $set: { qty: 6 }, $setOnInsert: { createdBy: 'second' } },
      { upsert: true },
    );
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(await items().findOne({ sku: 'z' }, { projection: { _id: 0 } })).toEqual({
      sku: 'z',
      kind: 'widget',
      qty: 6,
      createdBy: 'first',
    });
  });

  it('upserts replacement documents, keeping an _id from the query', async () => {
    const id = new ObjectId();
    const result = await items().replaceOne({ _id: id }, { sku: 'r', qty: 0 }, { upsert: true });
    expect(result.upsertedId?.toHexString()).toBe(id.toHexString());
    expect(await items().findOne({ _id: id })).toEqual({ _id: id, sku: 'r', qty: 0 });
  });

  it('applies field, array and positional operators', async () => {
    const { insertedId } = await items().insertOne({
      sku: 'ops',
      qty: 10,
      price: 2,
      low: 5,
      high: 5,
      old: 1,
      list: [3, 1, 2],
      grades: [
        { name: 'x', score: 70 },
        { name: 'y', score: 90 },
      ],
      set: ['a'],
    });
    await items().updateOne(
      { _id: insertedId },
      {
        $inc: { qty: -3 },
        $mul: { price: 1.5 },
        $min: { low: 2 },
        $max: { high: 9 },
        $rename: { old: 'renamed' },
        $push: { list: { $each: [5, 4], $sort: 1, $slice: -4 } },
        $addToSet: { set: { $each: ['a', 'b'] } },
        $currentDate: { touched: true },
      },
    );
    await items().updateOne({ _id: insertedId, 'grades.name': 'y' }, { $set: { 'grades.$.score': 95 } });
    await items().updateOne(
      { _id: insertedId },
      { $inc: { 'grades.$[g].score': 1 } },
      { arrayFilters: [{ 'g.score': { $lt: 80 } }] },
    );
    await items().updateOne({ _id: insertedId }, { $pull: { list: { $gte: 5 } }, $unset: { low: '' } });
    const doc = await items().findOne({ _id: insertedId });
    expect(doc).toMatchObject({
      qty: 7,
      price: 3,
      high: 9,
      renamed: 1,
      list: [2, 3, 4],
      set: ['a', 'b'],
      grades: [
        { name: 'x', score: 71 },
        { name: 'y', score: 95 },
      ],
    });
    expect(doc).not.toHaveProperty('low');
    expect(doc).not.toHaveProperty('old');
    expect(doc?.touched).toBeInstanceOf(Date);
    await items().updateOne({ _id: insertedId }, { $pop: { list: -1 }, $pullAll: { set: ['a'] } });
    expect(await items().findOne({ _id: insertedId }, { projection: { _id: 0, list: 1, set: 1 } })).toEqual({
      list: [3, 4],
      set: ['b'],
    });
  });

  it('refuses to change _id (code 66)', async () => {
    const untyped = db.collection('items');
    const { insertedId } = await untyped.insertOne({ sku: 'immutable' });
    expect(
      (await serverError(() => untyped.updateOne({ _id: insertedId }, { $set: { _id: new ObjectId() } })))
        .code,
    ).toBe(66);
    expect(
      (await serverError(() => untyped.replaceOne({ _id: insertedId }, { _id: new ObjectId(), sku: 'x' })))
        .code,
    ).toBe(66);
    const same = await untyped.replaceOne({ _id: insertedId }, { _id: insertedId, sku: 'kept' });
    expect(same.modifiedCount).toBe(1);
  });

  it('refuses $inc on a non-numeric field', async () => {
    const untyped = db.collection('items');
    const { insertedId } = await untyped.insertOne({ label: 'text' });
    const error = await serverError(() => untyped.updateOne({ _id: insertedId }, { $inc: { label: 1 } }));
    expect(error.code).toBe(14);
  });

  it('reports bulk write results as MongoDB does', async () => {
    const result = await db
      .collection('bulk')
      .bulkWrite([
        { insertOne: { document: { k: 1 } } },
        { insertOne: { document: { k: 2 } } },
        { updateOne: { filter: { k: 1 }, update: { $set: { v: 1 } } } },
        { updateOne: { filter: { k: 3 }, update: { $set: { v: 3 } }, upsert: true } },
        { deleteOne: { filter: { k: 2 } } },
      ]);
    expect(result.insertedCount).toBe(2);
    expect(result.matchedCount).toBe(1);
    expect(result.modifiedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    expect(Object.keys(result.upsertedIds)).toEqual(['3']);
    expect(result.deletedCount).toBe(1);
  });

  it('deletes one or many', async () => {
    const collection = db.collection('deletes');
    await collection.insertMany([{ g: 1 }, { g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await collection.deleteOne({ g: 1 })).deletedCount).toBe(1);
    expect((await collection.deleteMany({ g: 1 })).deletedCount).toBe(2);
    expect(await collection.countDocuments()).toBe(1);
  });
});

describe('findAndModify', () => {
  const jobs = () => db.collection('jobs');

  beforeAll(async () => {
    await jobs().insertMany([
      { name: 'j1', priority: 1, state: 'free' },
      { name: 'j2', priority: 5, state: 'free' },
      { name: 'j3', priority: 3, state: 'free' },
    ]);
  });

  it('returns the document before or after the update, honouring sort and projection', async () => {
    const before = await jobs().findOneAndUpdate(
      { state: 'free' },
      { $set: { state: 'taken' } },
      { sort: { priority: -1 }, returnDocument: 'before', projection: { _id: 0, name: 1, state: 1 } },
    );
    expect(before).toEqual({ name: 'j2', state: 'free' });
    const after = await jobs().findOneAndUpdate(
      { state: 'free' },
      { $set: { state: 'taken' } },
      { sort: { priority: -1 }, returnDocument: 'after' },
    );
    expect(after).toMatchObject({ name: 'j3', state: 'taken' });
    expect(await jobs().findOneAndUpdate({ state: 'missing' }, { $set: { x: 1 } })).toBeNull();
  });

  it('upserts and returns the new document', async () => {
    const created = await jobs().findOneAndUpdate(
      { name: 'j9' },
      { $setOnInsert: { priority: 0 }, $set: { state: 'free' } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(created).toMatchObject({ name: 'j9', priority: 0, state: 'free' });
    expect(created?._id).toBeInstanceOf(ObjectId);
  });

  it('replaces and deletes, returning the affected document', async () => {
    const replaced = await jobs().findOneAndReplace(
      { name: 'j1' },
      { name: 'j1', state: 'replaced' },
      { returnDocument: 'after' },
    );
    expect(replaced).toMatchObject({ name: 'j1', state: 'replaced' });
    expect(replaced).not.toHaveProperty('priority');
    const removed = await jobs().findOneAndDelete(
      { state: { $in: ['taken', 'free'] } },
      { sort: { priority: 1 } },
    );
    expect(removed?.name).toBe('j9');
    expect(await jobs().countDocuments({ name: 'j9' })).toBe(0);
  });

  it('lets exactly one of many concurrent claimers win each document', async () => {
    const claims = db.collection('claims');
    await claims.insertMany(Array.from({ length: 5 }, (_, i) => ({ n: i, owner: null })));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, worker) =>
        claims.findOneAndUpdate({ owner: null }, { $set: { owner: worker } }, { returnDocument: 'after' }),
      ),
    );
    const won = results.filter((doc) => doc !== null);
    expect(won).toHaveLength(5);
    expect(new Set(won.map((doc) => doc!.n)).size).toBe(5);
    expect(await claims.countDocuments({ owner: null })).toBe(0);
  });
});

describe('unique indexes', () => {
  const users = () => db.collection('users');

  beforeAll(async () => {
    await users().createIndex({ email: 1 }, { unique: true });
  });

  it('rejects duplicates with code 11000 and names the key', async () => {
    await users().insertOne({ email: 'a@example.org' });
    const error = await serverError(() => users().insertOne({ email: 'a@example.org' }));
    expect(error.code).toBe(11000);
    expect(error.message).toContain('email_1');
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: 'a@example.org' });
  });

  it('rejects a duplicate _id', async () => {
    const _id = new ObjectId();
    await users().insertOne({ _id, email: 'id@example.org' });
    const error = await serverError(() => users().insertOne({ _id, email: 'other@example.org' }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ _id });
  });

  it('stops ordered batches at the first error and continues unordered ones', async () => {
    const ordered = await serverError(() =>
      users().insertMany([{ email: 'o1@x' }, { email: 'a@example.org' }, { email: 'o2@x' }], {
        ordered: true,
      }),
    );
    expect(ordered.code).toBe(11000);
    expect(await users().countDocuments({ email: { $in: ['o1@x', 'o2@x'] } })).toBe(1);
    const unordered = await serverError(() =>
      users().insertMany([{ email: 'u1@x' }, { email: 'a@example.org' }, { email: 'u2@x' }], {
        ordered: false,
      }),
    );
    expect(unordered.code).toBe(11000);
    expect(await users().countDocuments({ email: { $in: ['u1@x', 'u2@x'] } })).toBe(2);
  });

  it('rejects updates that would create a duplicate', async () => {
    const { insertedId } = await users().insertOne({ email: 'b@example.org' });
    const error = await serverError(() =>
      users().updateOne({ _id: insertedId }, { $set: { email: 'a@example.org' } }),
    );
    expect(error.code).toBe(11000);
    expect(await users().countDocuments({ email: 'b@example.org' })).toBe(1);
  });

  it('honours sparse and partial unique indexes', async () => {
    const accounts = db.collection('accounts');
    await accounts.createIndex({ handle: 1 }, { unique: true, sparse: true });
    await accounts.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await accounts.insertMany([{ name: 'no handle 1' }, { name: 'no handle 2' }]);
    await accounts.insertMany([
      { code: 'x', active: false },
      { code: 'x', active: false },
      { code: 'x', active: true },
    ]);
    expect((await serverError(() => accounts.insertOne({ code: 'x', active: true }))).code).toBe(11000);
  });

  it('refuses to build a unique index over duplicate data', async () => {
    const dupes = db.collection('dupes');
    await dupes.insertMany([{ k: 1 }, { k: 1 }]);
    expect((await serverError(() => dupes.createIndex({ k: 1 }, { unique: true }))).code).toBe(11000);
    expect((await dupes.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });
});

describe('indexes', () => {
  it('lists, creates idempotently and drops indexes', async () => {
    const collection = db.collection('indexed');
    expect(await collection.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    expect(await collection.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    await collection.createIndex({ c: 1 }, { name: 'by_c' });
    const listed = await collection.listIndexes().toArray();
    expect(listed.map((index) => index.name)).toEqual(['_id_', 'a_1_b_-1', 'by_c']);
    expect(listed[1]?.key).toEqual({ a: 1, b: -1 });
    await collection.dropIndex('by_c');
    expect((await serverError(() => collection.dropIndex('by_c'))).code).toBe(27);
    expect((await serverError(() => collection.dropIndex('_id_'))).code).toBe(72);
    await collection.dropIndexes();
    expect((await collection.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });

  it('expires documents through a TTL index', async () => {
    const sessions = db.collection('sessions');
    await sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const spec = (await sessions.listIndexes().toArray()).find((index) => index.name === 'expiresAt_1');
    expect(spec?.expireAfterSeconds).toBe(0);
    await sessions.insertMany([
      { name: 'stale', expiresAt: new Date(Date.now() - 60_000) },
      { name: 'fresh', expiresAt: new Date(Date.now() + 3_600_000) },
      { name: 'no date', expiresAt: 'tomorrow' },
    ]);
    // A real mongod reaps only every 60 s; the embedded server is started with a fast reaper.
    if (database.kind !== 'embedded') return;
    await eventually(async () => (await sessions.countDocuments({ name: 'stale' })) === 0);
    expect((await sessions.find().sort({ name: 1 }).toArray()).map((doc) => doc.name)).toEqual([
      'fresh',
      'no date',
    ]);
  });
});

describe('collections and databases', () => {
  it('creates, lists (filtered by name) and drops collections', async () => {
    await db.createCollection('created');
    expect((await serverError(() => db.createCollection('created'))).code).toBe(48);
    const listed = await db.listCollections({ name: 'created' }).toArray();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'created', type: 'collection' });
    expect(await db.collection('created').drop()).toBe(true);
    expect(await db.listCollections({ name: 'created' }).toArray()).toEqual([]);
  });

  it('drops whole databases', async () => {
    const other = database.client.db(`${db.databaseName}_x`);
    await other.collection('c').insertOne({ a: 1 });
    const before = await database.client.db('admin').admin().listDatabases({ nameOnly: true });
    expect(before.databases.map((d) => d.name)).toContain(other.databaseName);
    await other.dropDatabase();
    const after = await database.client.db('admin').admin().listDatabases({ nameOnly: true });
    expect(after.databases.map((d) => d.name)).not.toContain(other.databaseName);
    expect(await other.collection('c').countDocuments()).toBe(0);
  });

  it('ends sessions when a client closes', async () => {
    const client = new MongoClient(database.uri, { monitorCommands: true });
    const succeeded: string[] = [];
    client.on('commandSucceeded', (event: CommandSucceededEvent) => succeeded.push(event.commandName));
    await client.connect();
    const session = client.startSession();
    await client.db(db.databaseName).collection('sessions_used').insertOne({ a: 1 }, { session });
    await session.endSession();
    await client.close();
    expect(succeeded).toContain('endSessions');
  });
});

describe('aggregation', () => {
  const orders = () => db.collection('orders');

  beforeAll(async () => {
    await orders().insertMany([
      { customer: 'ann', total: 10, items: ['pen', 'ink'], placed: new Date('2024-01-01') },
      { customer: 'bob', total: 25, items: ['book'], placed: new Date('2024-02-01') },
      { customer: 'ann', total: 5, items: ['pen'], placed: new Date('2024-03-01') },
      { customer: 'cas', total: 40, items: [], placed: new Date('2024-04-01') },
    ]);
    await db.collection<{ _id: string; city: string }>('customers').insertMany([
      { _id: 'ann', city: 'Utrecht' },
      { _id: 'bob', city: 'Gouda' },
    ]);
  });

  it('groups, sorts, limits and projects', async () => {
    const result = await orders()
      .aggregate([
        { $match: { total: { $gte: 5 } } },
        {
          $group: {
            _id: '$customer',
            spent: { $sum: '$total' },
            orders: { $sum: 1 },
            last: { $max: '$placed' },
          },
        },
        { $sort: { spent: -1 } },
        { $skip: 1 },
        { $limit: 2 },
        { $project: { _id: 0, customer: '$_id', spent: 1, orders: 1 } },
      ])
      .toArray();
    expect(result).toEqual([
      { spent: 25, orders: 1, customer: 'bob' },
      { spent: 15, orders: 2, customer: 'ann' },
    ]);
  });

  it('unwinds, counts and facets', async () => {
    const unwound = await orders()
      .aggregate([
        { $unwind: '$items' },
        { $group: { _id: '$items', n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(unwound).toEqual([
      { _id: 'book', n: 1 },
      { _id: 'ink', n: 1 },
      { _id: 'pen', n: 2 },
    ]);
    expect(
      await orders()
        .aggregate([{ $match: { customer: 'ann' } }, { $count: 'n' }])
        .toArray(),
    ).toEqual([{ n: 2 }]);
    const [facets] = await orders()
      .aggregate([
        {
          $facet: {
            big: [{ $match: { total: { $gt: 20 } } }, { $count: 'n' }],
            customers: [{ $group: { _id: '$customer' } }, { $sort: { _id: 1 } }],
          },
        },
      ])
      .toArray();
    expect(facets).toEqual({ big: [{ n: 2 }], customers: [{ _id: 'ann' }, { _id: 'bob' }, { _id: 'cas' }] });
  });

  it('buckets values, and $push skips missing values', async () => {
    const buckets = await orders()
      .aggregate([
        { $sort: { total: 1 } },
        {
          $bucket: {
            groupBy: '$total',
            boundaries: [0, 10, 30],
            default: 'big',
            output: { n: { $sum: 1 }, customers: { $push: '$customer' } },
          },
        },
      ])
      .toArray();
    expect(buckets).toEqual([
      { _id: 0, n: 1, customers: ['ann'] },
      { _id: 10, n: 2, customers: ['ann', 'bob'] },
      { _id: 'big', n: 1, customers: ['cas'] },
    ]);
    const [pushed] = await orders()
      .aggregate([{ $group: { _id: null, coupons: { $push: '$coupon' }, kinds: { $addToSet: '$coupon' } } }])
      .toArray();
    expect(pushed).toEqual({ _id: null, coupons: [], kinds: [] });
    expect(
      await orders()
        .aggregate([{ $match: { total: { $gt: 1000 } } }, { $count: 'n' }])
        .toArray(),
    ).toEqual([]);
  });

  it('looks up documents in another collection of the same database', async () => {
    const joined = await orders()
      .aggregate([
        { $match: { customer: { $in: ['bob', 'cas'] } } },
        { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'who' } },
        { $project: { _id: 0, customer: 1, city: { $first: '$who.city' } } },
        { $sort: { customer: 1 } },
      ])
      .toArray();
    expect(joined).toEqual([{ customer: 'bob', city: 'Gouda' }, { customer: 'cas' }]);
  });

  it('hands out aggregation results through a cursor', async () => {
    const docs = await orders()
      .aggregate([{ $sort: { placed: 1 } }], { batchSize: 1 })
      .toArray();
    expect(docs.map((doc) => doc.total)).toEqual([10, 25, 5, 40]);
  });
});

describe('BSON values', () => {
  const values = () => db.collection('values');

  it('keeps numeric types on a round trip', async () => {
    const { insertedId } = await values().insertOne({
      int: 1,
      double: new Double(1),
      fraction: 1.5,
      long: Long.fromNumber(5),
      bigLong: Long.fromString('9007199254740993'),
      decimal: Decimal128.fromString('1.10'),
    });
    const raw = await values().findOne({ _id: insertedId }, { promoteValues: false });
    expect(raw?.int).toBeInstanceOf(Int32);
    expect(raw?.double).toBeInstanceOf(Double);
    expect(raw?.fraction).toBeInstanceOf(Double);
    expect(raw?.long).toBeInstanceOf(Long);
    expect(raw?.bigLong.toString()).toBe('9007199254740993');
    expect(raw?.decimal.toString()).toBe('1.10');
    for (const [field, type] of [
      ['int', 'int'],
      ['double', 'double'],
      ['fraction', 'double'],
      ['long', 'long'],
      ['decimal', 'decimal'],
    ]) {
      expect(await values().countDocuments({ _id: insertedId, [field!]: { $type: type! } })).toBe(1);
    }
    expect(await values().countDocuments({ _id: insertedId, int: { $type: 'double' } })).toBe(0);
    expect(await values().countDocuments({ _id: insertedId, double: { $type: 'int' } })).toBe(0);
    expect(
      await values().countDocuments({ _id: insertedId, double: 1, long: 5, int: { $type: 'number' } }),
    ).toBe(1);
  });

  it('follows MongoDB numeric type rules in $inc', async () => {
    const { insertedId } = await values().insertOne({ i: 1, d: new Double(2), big: 2147483647 });
    await values().updateOne({ _id: insertedId }, { $inc: { i: 1, d: 1, big: 1 } });
    const raw = await values().findOne({ _id: insertedId }, { promoteValues: false });
    expect(raw?.i).toBeInstanceOf(Int32);
    expect(raw?.d).toBeInstanceOf(Double);
    expect(raw?.d.valueOf()).toBe(3);
    expect(raw?.big).toBeInstanceOf(Long);
    expect(raw?.big.toString()).toBe('2147483648');
  });

  it('round-trips dates, ObjectIds, binary, null and nested arrays', async () => {
    const doc = {
      _id: new ObjectId(),
      when: new Date('2024-05-06T07:08:09.010Z'),
      ref: new ObjectId(),
      bytes: new Binary(Buffer.from([0, 1, 2, 255])),
      nothing: null,
      nested: [[1, 2], [3, [4, { five: 5 }]], []],
      deep: { a: { b: { c: ['x'] } } },
    };
    await values().insertOne(doc);
    const back = await values().findOne({ _id: doc._id });
    expect(back).toEqual(doc);
    expect(await values().countDocuments({ ref: doc.ref, nothing: null, 'deep.a.b.c': 'x' })).toBe(1);
  });

  it('sorts mixed types in BSON order', async () => {
    const mixed = db.collection('mixed');
    const oid = new ObjectId();
    await mixed.insertMany([
      { v: new Date(0) },
      { v: true },
      { v: oid },
      { v: { x: 1 } },
      { v: 'text' },
      { v: 2 },
      { v: null },
      { v: 1.5 },
    ]);
    const sorted = await mixed
      .find({}, { projection: { _id: 0 } })
      .sort({ v: 1 })
      .toArray();
    expect(sorted.map((doc) => doc.v)).toEqual([null, 1.5, 2, 'text', { x: 1 }, oid, true, new Date(0)]);
  });
});

describe('unsupported or unknown operators are errors that name them', () => {
  it('refuses an unknown query operator', async () => {
    const error = await serverError(() =>
      db
        .collection('people')
        .find({ age: { $fooBar: 1 } })
        .toArray(),
    );
    expect(error.message).toContain('$fooBar');
  });

  it('refuses an unknown top-level query operator', async () => {
    const error = await serverError(() => db.collection('people').find({ $fooBar: [] }).toArray());
    expect(error.message).toContain('$fooBar');
  });

  it('refuses an unknown aggregation stage and expression', async () => {
    const stage = await serverError(() =>
      db
        .collection('people')
        .aggregate([{ $fooBar: {} }])
        .toArray(),
    );
    expect(stage.message).toContain('$fooBar');
    const expression = await serverError(() =>
      db
        .collection('people')
        .aggregate([{ $project: { x: { $fooBar: 1 } } }])
        .toArray(),
    );
    expect(expression.message).toContain('$fooBar');
  });

  it('refuses an unknown update operator', async () => {
    const error = await serverError(() => db.collection('people').updateOne({}, { $fooBar: { a: 1 } }));
    expect(error.message).toContain('$fooBar');
  });

  it('refuses an unknown command', async () => {
    const error = await serverError(() => db.command({ fooBar: 1 }));
    expect(error.message).toContain('fooBar');
  });
});
