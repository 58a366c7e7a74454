import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHEST, KeyBound, LOWEST, SortedKeys } from '../../../src/store/embedded/engine/sorted-keys.js';

/**
 * The ordered key list against a plain sorted array: thousands of inserts and deletes (enough to split and
 * empty blocks), then seeks, counts and scans in both directions over random bounds.
 */
type Key = [number | string | null, number, string];

const reference = (keys: Key[], directions: readonly number[]) =>
  [...keys].sort((a, b) => new SortedKeys(directions).compare(a, b));

const key = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom('a', 'b'), fc.constant(null)),
  fc.integer({ min: 0, max: 9 }),
  fc.integer({ min: 0, max: 5_000 }).map((n) => `id${n}`),
) as fc.Arbitrary<Key>;

describe('SortedKeys', () => {
  it('keeps keys in order through inserts and deletes, and scans and counts ranges exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { minLength: 600, maxLength: 2_500, selector: (k) => k[2] }),
        fc.constantFrom([1, 1], [-1, 1], [1, -1]),
        fc.array(fc.tuple(fc.integer({ min: -1, max: 41 }), fc.integer({ min: -1, max: 41 })), {
          maxLength: 6,
        }),
        (keys, directions, ranges) => {
          const sorted = new SortedKeys(directions);
          for (const entry of keys) sorted.insert(entry);
          const removed = keys.filter((_, index) => index % 3 === 0);
          for (const entry of removed) expect(sorted.delete(entry)).toBe(true);
          expect(sorted.delete(['nope', 0, 'none'])).toBe(false);
          const kept = reference(
            keys.filter((_, index) => index % 3 !== 0),
            directions,
          );
          expect(sorted.size).toBe(kept.length);
          // In index order a descending first field starts at the highest values.
          const [first, last] = directions[0] === 1 ? [LOWEST, HIGHEST] : [HIGHEST, LOWEST];
          const all = { from: sorted.seek([first]), to: sorted.seekAfter([last]) };
          expect([...sorted.between(all.from, all.to)]).toEqual(kept);
          expect([...sorted.between(all.from, all.to, true)]).toEqual([...kept].reverse());
          for (const [a, b] of ranges) {
            const [low, high] = directions[0] === 1 ? [a, b] : [b, a];
            const from = sorted.seek([low]);
            const to = sorted.seekAfter([high]);
            const expected = kept.filter(
              (entry) => sorted.compare(entry, [low]) >= 0 && sorted.compare(entry, [high]) <= 0,
            );
            expect([...sorted.between(from, to)]).toEqual(expected);
            expect(sorted.countBetween(from, to)).toBe(expected.length);
          }
          const [below, above] = [new KeyBound(3, false), new KeyBound(3, true)];
          const numbers =
            directions[0] === 1
              ? { from: sorted.seek([below]), to: sorted.seekAfter([above]) }
              : { from: sorted.seek([above]), to: sorted.seekAfter([below]) };
          const expectedNumbers = kept.filter((entry) => typeof entry[0] === 'number');
          expect(sorted.countBetween(numbers.from, numbers.to)).toBe(expectedNumbers.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
