/**
 * The ordered key list of one index: keys in MongoDB's value order (per-field direction), ties broken by
 * the document's canonical id. Held as a list of sorted blocks (as in Python's sortedcontainers): an insert
 * or delete moves at most a block, a range scan is a binary search and then sequential reads, and counting
 * a range costs one step per block, never per key.
 */
import { compareValues, typeRank } from './compare.js';

/** Values of the indexed fields, in index order, then the canonical document id. */
export type IndexKey = readonly unknown[];

/**
 * A bound inside one type bracket (or beyond all of them): below (`high` false) or above every value of
 * that BSON type rank. Bounds never appear in stored keys, only in scan limits.
 */
export class KeyBound {
  constructor(
    readonly rank: number,
    readonly high: boolean,
  ) {}
}

export const LOWEST = new KeyBound(Number.NEGATIVE_INFINITY, false);
export const HIGHEST = new KeyBound(Number.POSITIVE_INFINITY, true);

/** Value order, with KeyBounds placed around the values of their type rank. */
export function compareKeyPart(a: unknown, b: unknown): number {
  if (a instanceof KeyBound) {
    if (b instanceof KeyBound) return a.rank === b.rank ? Number(a.high) - Number(b.high) : a.rank - b.rank;
    const rank = typeRank(b);
    return a.rank === rank ? (a.high ? 1 : -1) : a.rank < rank ? -1 : 1;
  }
  if (b instanceof KeyBound) return -compareKeyPart(b, a);
  return compareValues(a, b);
}

const BLOCK = 256;

export interface KeyPosition {
  block: number;
  offset: number;
}

export class SortedKeys {
  private blocks: IndexKey[][] = [];
  private maxes: IndexKey[] = [];
  private total = 0;

  constructor(private readonly directions: readonly number[]) {}

  get size(): number {
    return this.total;
  }

  /**
   * Orders two keys, or a key and a bound (values and KeyBounds are in value order; a descending field
   * reverses both). A bound shorter than a key compares on its own fields only, so `seek` and `seekAfter`
   * of a prefix find the first and past the last key starting with it.
   */
  compare(a: IndexKey, b: IndexKey): number {
    const fields = this.directions.length;
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const order = compareKeyPart(a[i], b[i]);
      if (order !== 0) return i < fields ? order * this.directions[i]! : order;
    }
    return 0;
  }

  insert(key: IndexKey): void {
    if (this.blocks.length === 0) {
      this.blocks.push([key]);
      this.maxes.push(key);
      this.total = 1;
      return;
    }
    let block = this.blockFor(key);
    if (block === this.blocks.length) block -= 1;
    const keys = this.blocks[block]!;
    const offset = this.bisect(keys, key);
    keys.splice(offset, 0, key);
    this.total += 1;
    if (offset === keys.length - 1) this.maxes[block] = key;
    if (keys.length > 2 * BLOCK) {
      const upper = keys.splice(BLOCK);
      this.blocks.splice(block + 1, 0, upper);
      this.maxes.splice(block, 1, keys[keys.length - 1]!, upper[upper.length - 1]!);
    }
  }

  /** Removes the key equal to `key` (values and id); false when it is not there. */
  delete(key: IndexKey): boolean {
    const block = this.blockFor(key);
    const keys = this.blocks[block];
    if (!keys) return false;
    const offset = this.bisect(keys, key);
    if (offset >= keys.length || this.compare(keys[offset]!, key) !== 0) return false;
    keys.splice(offset, 1);
    this.total -= 1;
    if (keys.length === 0) {
      this.blocks.splice(block, 1);
      this.maxes.splice(block, 1);
    } else if (offset === keys.length) {
      this.maxes[block] = keys[keys.length - 1]!;
    }
    return true;
  }

  /** The first position whose key is not below `bound` (end position when none). */
  seek(bound: IndexKey): KeyPosition {
    const block = this.blockFor(bound);
    if (block === this.blocks.length) return { block, offset: 0 };
    return { block, offset: this.bisect(this.blocks[block]!, bound) };
  }

  /** The position after the last key not above `bound`. */
  seekAfter(bound: IndexKey): KeyPosition {
    let low = 0;
    let high = this.maxes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(this.maxes[middle]!, bound) <= 0) low = middle + 1;
      else high = middle;
    }
    if (low === this.blocks.length) return { block: low, offset: 0 };
    const keys = this.blocks[low]!;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const middle = (lo + hi) >> 1;
      if (this.compare(keys[middle]!, bound) <= 0) lo = middle + 1;
      else hi = middle;
    }
    return { block: low, offset: lo };
  }

  /** How many keys lie from `from` (inclusive) to `to` (exclusive). */
  countBetween(from: KeyPosition, to: KeyPosition): number {
    if (from.block > to.block || (from.block === to.block && from.offset >= to.offset)) return 0;
    if (from.block === to.block) return to.offset - from.offset;
    let count = this.blocks[from.block]!.length - from.offset;
    for (let block = from.block + 1; block < to.block && block < this.blocks.length; block++)
      count += this.blocks[block]!.length;
    return count + (to.block < this.blocks.length ? to.offset : 0);
  }

  /** Keys from `from` up to (excluding) `to`, in order, or in reverse order when `backward`. */
  *between(from: KeyPosition, to: KeyPosition, backward = false): Generator<IndexKey> {
    if (!backward) {
      let { block, offset } = from;
      while (block < to.block || (block === to.block && offset < to.offset)) {
        const keys = this.blocks[block];
        if (!keys) return;
        if (offset >= keys.length) {
          block += 1;
          offset = 0;
          continue;
        }
        yield keys[offset]!;
        offset += 1;
      }
      return;
    }
    let block = to.block;
    let offset = to.offset - 1;
    while (block > from.block || (block === from.block && offset >= from.offset)) {
      if (offset < 0) {
        block -= 1;
        offset = (this.blocks[block]?.length ?? 0) - 1;
        continue;
      }
      const keys = this.blocks[block];
      if (!keys) {
        block -= 1;
        offset = (this.blocks[block]?.length ?? 0) - 1;
        continue;
      }
      yield keys[offset]!;
      offset -= 1;
    }
  }

  /** The keys that equal `prefix` on its fields (used for unique checks). */
  *withPrefix(prefix: IndexKey): Generator<IndexKey> {
    yield* this.between(this.seek(prefix), this.seekAfter(prefix));
  }

  clear(): void {
    this.blocks = [];
    this.maxes = [];
    this.total = 0;
  }

  /** The first block whose last key is not below `key` (blocks.length when none). */
  private blockFor(key: IndexKey): number {
    let low = 0;
    let high = this.maxes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(this.maxes[middle]!, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private bisect(keys: readonly IndexKey[], key: IndexKey): number {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(keys[middle]!, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
