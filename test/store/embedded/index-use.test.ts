import fc from 'fast-check';
import type { Db, Document, Filter } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

/**
 * Indexes only narrow which documents a query looks at; they must never change its answer. The same
 * documents go into a collection with indexes and one without, and every query must find the same ids.
 * (Against a real mongod this holds by construction; against the embedded server it checks its planner.)
 */
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase('index_use');
  db = database.db;
  await db
    .collection('indexed')
    .createIndexes([
      { key: { group: 1, courseId: 1 } },
      { key: { 'links.id': 1, state: 1 } },
      { key: { 'record.id': 1, state: 1 } },
    ]);
});
afterAll(() => database.close());

const value = fc.constantFrom('a', 'b', 'c', null);
const doc = fc.record(
  {
    group: fc.constantFrom('course', 'participant'),
    courseId: value,
    state: fc.constantFrom('open', 'waiting', 'done'),
    record: fc.record({ id: value }, { requiredKeys: [] }),
    links: fc.array(fc.record({ id: value }), { maxLength: 3 }),
  },
  { requiredKeys: ['group', 'state'] },
);
const someOf = fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 });
const query: fc.Arbitrary<Filter<Document>> = fc.oneof(
  fc.record({ group: fc.constantFrom('course', 'participant'), courseId: fc.record({ $in: someOf }) }),
  fc.record({ group: fc.constantFrom('course', 'participant'), courseId: value }),
  fc.record({
    state: fc.record({ $in: fc.constant(['open', 'waiting']) }),
    'links.id': fc.record({ $in: someOf }),
  }),
  fc.record({
    state: fc.record({ $in: fc.constant(['open', 'waiting']) }),
    $or: fc.tuple(someOf, someOf).map(([a, b]) => [{ 'record.id': { $in: a } }, { 'links.id': { $in: b } }]),
  }),
);

describe('index-assisted queries', () => {
  it('find the same documents with and without indexes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { minLength: 1, maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        async (docs, queries) => {
          for (const name of ['indexed', 'plain']) {
            await db.collection(name).deleteMany({});
            await db
              .collection(name)
              .insertMany(docs.map((entry, index) => ({ _id: `d${index}`, ...entry }) as Document));
          }
          for (const filter of queries) {
            const ids = async (name: string) =>
              (
                await db
                  .collection(name)
                  .find(filter, { projection: { _id: 1 } })
                  .toArray()
              )
                .map((entry) => entry._id)
                .sort();
            expect(await ids('indexed'), JSON.stringify(filter)).toEqual(await ids('plain'));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
