/** Unit tests of engine pieces whose behaviour the driver-level suites cannot reach directly. */
import { Decimal128, Double, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { Collection } from '../../../src/store/embedded/engine/collection.js';
import { canonicalKey, compareValues } from '../../../src/store/embedded/engine/compare.js';
import { CURSOR_IDLE_TIMEOUT_MS, CursorRegistry } from '../../../src/store/embedded/engine/cursors.js';
import { countQuery, runQuery } from '../../../src/store/embedded/engine/execute.js';
import { compileFilter } from '../../../src/store/embedded/engine/filter.js';
import { compileProjection } from '../../../src/store/embedded/engine/projection.js';
import {
  buildUpsertDocument,
  parseUpdate,
  updateDocument,
} from '../../../src/store/embedded/engine/update/index.js';
import { fromWire } from '../../../src/store/embedded/engine/values.js';
import { MongoCommandError } from '../../../src/store/embedded/errors.js';

function codeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof MongoCommandError) return error.code;
    throw error;
  }
  return undefined;
}

describe('value ordering and equality', () => {
  it('orders values by BSON type, then value', () => {
    const values = [
      new Date(1),
      true,
      new ObjectId(),
      [1],
      { a: 1 },
      'b',
      'a',
      Long.fromNumber(3),
      2.5,
      null,
    ];
    const sorted = values.slice().sort(compareValues);
    expect(sorted).toEqual([
      null,
      2.5,
      Long.fromNumber(3),
      'a',
      'b',
      { a: 1 },
      [1],
      values[2],
      true,
      new Date(1),
    ]);
  });

  it('gives numerically equal values of different BSON types the same key', () => {
    const keys = [1, new Double(1), Long.fromNumber(1), Decimal128.fromString('1.0')].map(canonicalKey);
    expect(new Set(keys).size).toBe(1);
    expect(canonicalKey('1')).not.toBe(keys[0]);
    expect(canonicalKey({ a: 1, b: 2 })).not.toBe(canonicalKey({ b: 2, a: 1 }));
  });

  it('keeps integral doubles wrapped when decoding so they stay doubles', () => {
    const decoded = fromWire({ a: new Double(2), b: new Double(2.5), c: [new Double(3)] }) as Record<
      string,
      unknown
    >;
    expect(decoded.a).toBeInstanceOf(Double);
    expect(decoded.b).toBe(2.5);
    expect((decoded.c as unknown[])[0]).toBeInstanceOf(Double);
  });
});

describe('cursors', () => {
  it('expire after ten idle minutes unless opened without timeout', () => {
    const registry = new CursorRegistry();
    const docs = Array.from({ length: 5 }, (_, i) => ({ i }));
    // Read before opening: the cursors were last used at this moment or later, however slow the machine.
    const opened = Date.now();
    const idle = registry.open('db.c', docs, { batchSize: 1 });
    const pinned = registry.open('db.c', docs, { batchSize: 1, noTimeout: true });
    registry.expireIdle(opened + CURSOR_IDLE_TIMEOUT_MS - 1000);
    expect(registry.getMore(idle.id, 'db.c', 1).batch).toEqual([{ i: 1 }]);
    registry.expireIdle(Date.now() + CURSOR_IDLE_TIMEOUT_MS + 1000);
    expect(codeOf(() => registry.getMore(idle.id, 'db.c', 1))).toBe(43);
    expect(registry.getMore(pinned.id, 'db.c', 10).batch).toHaveLength(4);
  });

  it('refuses getMore from another namespace', () => {
    const registry = new CursorRegistry();
    const opened = registry.open('db.a', [{}, {}], { batchSize: 1 });
    expect(codeOf(() => registry.getMore(opened.id, 'db.b', 1))).toBe(13);
  });
});

describe('filters', () => {
  it('validates operator arguments up front, even with nothing to match', () => {
    expect(codeOf(() => compileFilter({ a: { $in: 5 } }))).toBe(2);
    expect(codeOf(() => compileFilter({ $or: [] }))).toBe(2);
    expect(codeOf(() => compileFilter({ $expr: { $fooBar: [] } }))).toBe(168);
    expect(codeOf(() => compileFilter({ a: { $type: 'nonsense' } }))).toBe(2);
  });

  it('matches plain equalities through arrays and treats missing as null', () => {
    const matcher = compileFilter({ 'items.sku': 'x', gone: null });
    expect(matcher.test({ items: [{ sku: 'y' }, { sku: 'x' }] })).toBe(true);
    expect(matcher.test({ items: [{ sku: 'y' }], gone: null })).toBe(false);
    expect(matcher.test({ items: { sku: 'x' }, gone: 1 })).toBe(false);
  });
});

describe('projections', () => {
  it('keeps document field order and refuses mixing inclusion and exclusion', () => {
    const project = compileProjection({ b: 1, a: 1 })!;
    expect(Object.keys(project({ _id: 1, a: 1, b: 2, c: 3 }))).toEqual(['_id', 'a', 'b']);
    expect(codeOf(() => compileProjection({ a: 1, b: 0 }))).toBe(31254);
    expect(codeOf(() => compileProjection({ a: 0, b: 1 }))).toBe(31253);
  });

  it('does not modify the projected document', () => {
    const doc = { _id: 1, list: [{ x: 1, y: 2 }] };
    compileProjection({ 'list.y': 0 })!(doc);
    expect(doc).toEqual({ _id: 1, list: [{ x: 1, y: 2 }] });
  });
});

describe('updates', () => {
  const now = new Date();

  it('refuses conflicting paths, unknown modifiers and unused array filters', () => {
    expect(codeOf(() => parseUpdate({ $set: { a: 1, 'a.b': 2 } }, undefined))).toBe(40);
    expect(codeOf(() => parseUpdate({ $set: { a: 1 }, $inc: { a: 1 } }, undefined))).toBe(40);
    expect(codeOf(() => parseUpdate({ $fooBar: { a: 1 } }, undefined))).toBe(9);
    expect(codeOf(() => parseUpdate({ $set: { a: 1 } }, [{ x: 1 }]))).toBe(9);
    expect(codeOf(() => parseUpdate({ $set: { 'a.$[y]': 1 } }, undefined))).toBe(2);
  });

  it('never modifies the stored document', () => {
    const stored = { _id: 1, list: [1, 2], nested: { n: 1 } };
    const { doc, changed } = updateDocument(
      stored,
      parseUpdate({ $push: { list: 3 }, $inc: { 'nested.n': 1 } }, undefined),
      {},
      now,
    );
    expect(changed).toBe(true);
    expect(doc).toEqual({ _id: 1, list: [1, 2, 3], nested: { n: 2 } });
    expect(stored).toEqual({ _id: 1, list: [1, 2], nested: { n: 1 } });
  });

  it('reports an unchanged document as not modified', () => {
    const stored = { _id: 1, a: 1 };
    expect(updateDocument(stored, parseUpdate({ $set: { a: 1 } }, undefined), {}, now).changed).toBe(false);
    expect(
      updateDocument(stored, parseUpdate({ $set: { a: new Double(1) } }, undefined), {}, now).changed,
    ).toBe(true);
  });

  it('creates fields in lexicographic order and puts _id first on upsert', () => {
    const doc = buildUpsertDocument(
      { k: 'x', 'n.m': 1 },
      parseUpdate({ $set: { z: 1, b: 1 } }, undefined),
      now,
    );
    expect(Object.keys(doc)).toEqual(['_id', 'k', 'n', 'b', 'z']);
    expect(doc.n).toEqual({ m: 1 });
  });

  it('refuses to create a field inside a scalar', () => {
    expect(
      codeOf(() => updateDocument({ _id: 1, a: 5 }, parseUpdate({ $set: { 'a.b': 1 } }, undefined), {}, now)),
    ).toBe(28);
  });
});

describe('query time limits (maxTimeMS)', () => {
  it('stops a query that is past its deadline with MaxTimeMSExpired, and leaves one within it alone', () => {
    const collection = new Collection('db', 'limits');
    for (let n = 0; n < 1_000; n++) collection.insert({ _id: n, n });
    const past = Date.now() - 1;
    expect(codeOf(() => runQuery(collection, { filter: { n: { $gte: 0 } }, deadline: past }))).toBe(50);
    expect(codeOf(() => countQuery(collection, { filter: { n: { $mod: [2, 0] } }, deadline: past }))).toBe(
      50,
    );
    const later = Date.now() + 60_000;
    expect(runQuery(collection, { filter: { n: { $gte: 0 } }, deadline: later }).docs).toHaveLength(1_000);
  });
});
