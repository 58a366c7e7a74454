import fc from 'fast-check';
import type { Db, Document, Filter, Sort } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collection } from '../../../src/store/embedded/engine/collection.js';
import { runQuery } from '../../../src/store/embedded/engine/execute.js';
import { parseSort } from '../../../src/store/embedded/engine/sort.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

/**
 * Sorted, ranged, limited and counted queries give the same answer with indexes as without: the same
 * documents in the same order (every sort ends with the unique `n`, so the order is total), and the same
 * counts. Against a real mongod this holds by construction; against the embedded server it checks the
 * planner's bounds, merges, early stops and index-only counts.
 */
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase('planner');
  db = database.db;
  await db
    .collection('indexed')
    .createIndexes([
      { key: { state: 1, end: 1, n: 1 } },
      { key: { owner: 1, state: 1, end: -1 } },
      { key: { state: 1, 'notified.start': 1, owner: 1, start: 1 } },
      { key: { tags: 1, end: 1 } },
      { key: { 'retry.at': 1 }, sparse: true },
      { key: { start: -1 } },
    ]);
});
afterAll(() => database.close());

const day = (offset: number) => new Date(Date.UTC(2026, 0, 10 + offset));
const state = fc.constantFrom('open', 'waiting', 'failed', 'done');
const owner = fc.constantFrom('u1', 'u2', null);
const moment = fc.integer({ min: -3, max: 3 }).map(day);
const doc = fc.record(
  {
    state,
    owner,
    end: fc.oneof(moment, fc.constant(null), fc.constant('text'), fc.integer({ min: 0, max: 3 })),
    start: moment,
    tags: fc.oneof(
      fc.constantFrom('a', 'b'),
      fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
    ),
    notified: fc.record({ start: moment }, { requiredKeys: [] }),
    retry: fc.record({ at: moment }),
  },
  { requiredKeys: ['state', 'start'] },
);

const states = fc.uniqueArray(state, { minLength: 1, maxLength: 3 });
const range = fc.oneof(
  moment.map((at) => ({ $lt: at })),
  moment.map((at) => ({ $gte: at })),
  fc.tuple(moment, moment).map(([a, b]) => ({ $gt: a, $lte: b })),
  fc.constant({ $lt: null }),
  fc.constant({ $gte: null }),
  fc.integer({ min: 0, max: 3 }).map((n) => ({ $lte: n })),
);
const condition: fc.Arbitrary<Filter<Document>> = fc.oneof(
  states.map((list) => ({ state: { $in: list } })),
  state.map((value) => ({ state: value })),
  owner.map((value) => ({ owner: value })),
  fc.constant({ owner: { $ne: null } }),
  range.map((bounds) => ({ end: bounds })),
  range.map((bounds) => ({ start: bounds })),
  fc.constant({ 'notified.start': { $exists: false } }),
  moment.map((at) => ({ 'retry.at': { $lte: at } })),
  fc.constantFrom('a', 'b', 'c').map((tag) => ({ tags: tag })),
  fc.tuple(moment, moment).map(([a, b]) => ({ tags: { $in: ['a', 'c'] }, end: { $gte: a, $lt: b } })),
);
const filter: fc.Arbitrary<Filter<Document>> = fc.oneof(
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((parts) => ({ $and: parts })),
  fc
    .tuple(
      fc.array(condition, { maxLength: 2 }),
      fc.array(condition, { minLength: 1, maxLength: 2 }),
      condition,
    )
    .map(([outer, left, right]) => ({
      ...(outer.length ? { $and: outer } : {}),
      $or: [{ $and: left }, right],
    })),
);
const sort: fc.Arbitrary<Sort> = fc.constantFrom<Sort>(
  { end: 1, n: 1 },
  { state: 1, end: 1, n: 1 },
  { end: -1, n: -1 },
  { start: -1, n: 1 },
  { start: 1, n: 1 },
  { n: 1 },
);
const query = fc.record({
  filter,
  sort,
  skip: fc.integer({ min: 0, max: 5 }),
  limit: fc.integer({ min: 0, max: 8 }),
});

describe('planned queries', () => {
  it('find the same documents in the same order, and count the same, with and without indexes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { minLength: 1, maxLength: 60 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        async (docs, queries) => {
          for (const name of ['indexed', 'plain']) {
            await db.collection(name).deleteMany({});
            await db
              .collection(name)
              .insertMany(docs.map((entry, index) => ({ _id: `d${index}`, n: index, ...entry }) as Document));
          }
          for (const { filter: where, sort: order, skip, limit } of queries) {
            const ids = async (name: string) =>
              (
                await db
                  .collection(name)
                  .find(where, { sort: order, skip, limit, projection: { _id: 1 } })
                  .toArray()
              ).map((entry) => entry._id);
            const label = JSON.stringify({ where, order, skip, limit });
            expect(await ids('indexed'), label).toEqual(await ids('plain'));
            const count = (name: string) =>
              db.collection(name).countDocuments(where, limit ? { skip, limit } : { skip });
            expect(await count('indexed'), label).toBe(await count('plain'));
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('an $or whose branches do not all provide the sort', () => {
  it('reads a sorted branch only up to the limit and still answers like a collection scan', () => {
    const indexed = new Collection('db', 'or_indexed');
    indexed.addIndex({ v: 2, key: { state: 1, start: 1, n: 1 }, name: 'state_start' });
    indexed.addIndex({ v: 2, key: { 'retry.at': 1 }, name: 'retry', sparse: true });
    const plain = new Collection('db', 'or_plain');
    for (let n = 0; n < 2_000; n++) {
      const doc = {
        _id: n,
        n,
        state: n % 4 === 0 ? 'failed' : 'open',
        start: (n * 7919) % 1_000,
        ...(n % 4 === 0 && n % 3 === 0 ? { retry: { at: (n * 31) % 500 } } : {}),
      };
      indexed.insert(doc);
      plain.insert(structuredClone(doc));
    }
    const request = {
      filter: { $or: [{ state: 'open', start: { $lte: 600 } }, { 'retry.at': { $lte: 300 } }] },
      sort: parseSort({ start: 1, n: 1 }),
      skip: 3,
      limit: 25,
    };
    const planned = runQuery(indexed, request);
    expect(planned.plan.kind).toBe('or');
    expect(planned.docs.map((doc) => doc._id)).toEqual(runQuery(plain, request).docs.map((doc) => doc._id));
    // The open branch alone has about 900 matches; only skip + limit of them are read.
    expect(planned.stats.docsExamined).toBeLessThan(300);
  });
});
