/**
 * The ordered key list of one index: keys in MongoDB's value order (per-field direction), ties broken by
 * the document's canonical id. Held as a list of sorted blocks (as in Python's sortedcontainers): an insert
 * or delete moves at most a block, a range scan is a binary search and then sequential reads, and counting
 * a range costs one step per block, never per key. Each block stores its keys flat (the fields and the id
 * of one key after another) rather than as an array per key, which halves what an index costs per document.
 */
import { compareValues, typeRank } from './compare.js';

/** Values of the indexed fields, in index order, then what identifies the document (see Index). */
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
  /** Each block holds `length / stride` keys, flat. */
  private blocks: unknown[][] = [];
  private total = 0;
  private readonly stride: number;

  /** `tail`: how many values follow the indexed fields in every key (a record id and a document id). */
  constructor(
    private readonly directions: readonly number[],
    tail = 1,
  ) {
    this.stride = directions.length + tail;
  }

  get size(): number {
    return this.total;
  }

  /**
   * Orders two keys, or a key and a bound (values and KeyBounds are in value order; a descending field
   * reverses both). A bound shorter than a key compares on its own fields only, so `seek` and `seekAfter`
   * of a prefix find the first and past the last key starting with it.
   */
  compare(a: IndexKey, b: IndexKey): number {
    return this.compareAt(a, 0, b);
  }

  /** Orders the key stored at `base` of `flat` against `key`. */
  private compareAt(flat: readonly unknown[], base: number, key: IndexKey): number {
    const fields = this.directions.length;
    const length = Math.min(this.stride, key.length);
    for (let i = 0; i < length; i++) {
      const order = compareKeyPart(flat[base + i], key[i]);
      if (order !== 0) return i < fields ? order * this.directions[i]! : order;
    }
    return 0;
  }

  private count(block: number): number {
    return this.blocks[block]!.length / this.stride;
  }

  /** The last key of a block, compared against `key`. */
  private compareLast(block: number, key: IndexKey): number {
    const flat = this.blocks[block]!;
    return this.compareAt(flat, flat.length - this.stride, key);
  }

  insert(key: IndexKey): void {
    if (this.blocks.length === 0) {
      this.blocks.push([...key]);
      this.total = 1;
      return;
    }
    let block = this.blockFor(key, false);
    if (block === this.blocks.length) block -= 1;
    const flat = this.blocks[block]!;
    flat.splice(this.bisect(block, key, false) * this.stride, 0, ...key);
    this.total += 1;
    if (flat.length > 2 * BLOCK * this.stride)
      this.blocks.splice(block + 1, 0, flat.splice(BLOCK * this.stride));
  }

  /** Removes the key equal to `key` (values and id); false when it is not there. */
  delete(key: IndexKey): boolean {
    const block = this.blockFor(key, false);
    if (block === this.blocks.length) return false;
    const offset = this.bisect(block, key, false);
    const flat = this.blocks[block]!;
    if (offset >= this.count(block) || this.compareAt(flat, offset * this.stride, key) !== 0) return false;
    flat.splice(offset * this.stride, this.stride);
    this.total -= 1;
    if (flat.length === 0) this.blocks.splice(block, 1);
    return true;
  }

  /** The first position whose key is not below `bound` (end position when none). */
  seek(bound: IndexKey): KeyPosition {
    const block = this.blockFor(bound, false);
    if (block === this.blocks.length) return { block, offset: 0 };
    return { block, offset: this.bisect(block, bound, false) };
  }

  /** The position after the last key not above `bound`. */
  seekAfter(bound: IndexKey): KeyPosition {
    const block = this.blockFor(bound, true);
    if (block === this.blocks.length) return { block, offset: 0 };
    return { block, offset: this.bisect(block, bound, true) };
  }

  /** How many keys lie from `from` (inclusive) to `to` (exclusive). */
  countBetween(from: KeyPosition, to: KeyPosition): number {
    if (from.block > to.block || (from.block === to.block && from.offset >= to.offset)) return 0;
    if (from.block === to.block) return to.offset - from.offset;
    let count = this.count(from.block) - from.offset;
    for (let block = from.block + 1; block < to.block && block < this.blocks.length; block++)
      count += this.count(block);
    return count + (to.block < this.blocks.length ? to.offset : 0);
  }

  /** Keys from `from` up to (excluding) `to`, in order, or in reverse order when `backward`. */
  *between(from: KeyPosition, to: KeyPosition, backward = false): Generator<IndexKey> {
    const { stride } = this;
    if (!backward) {
      let { block, offset } = from;
      while (block < to.block || (block === to.block && offset < to.offset)) {
        const flat = this.blocks[block];
        if (!flat) return;
        if (offset * stride >= flat.length) {
          block += 1;
          offset = 0;
          continue;
        }
        yield flat.slice(offset * stride, offset * stride + stride);
        offset += 1;
      }
      return;
    }
    let block = Math.min(to.block, this.blocks.length);
    let offset = block === to.block ? to.offset - 1 : -1;
    while (block > from.block || (block === from.block && offset >= from.offset)) {
      if (offset < 0 || !this.blocks[block]) {
        block -= 1;
        offset = block >= 0 ? this.count(block) - 1 : -1;
        continue;
      }
      const flat = this.blocks[block]!;
      yield flat.slice(offset * stride, offset * stride + stride);
      offset -= 1;
    }
  }

  /** The keys that equal `prefix` on its fields (used for unique checks). */
  *withPrefix(prefix: IndexKey): Generator<IndexKey> {
    yield* this.between(this.seek(prefix), this.seekAfter(prefix));
  }

  clear(): void {
    this.blocks = [];
    this.total = 0;
  }

  /**
   * The first block whose last key is not below `key` (or, with `after`, is above it); blocks.length when
   * none is.
   */
  private blockFor(key: IndexKey, after: boolean): number {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const order = this.compareLast(middle, key);
      if (order < 0 || (after && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first offset in `block` whose key is not below `key` (with `after`: is above it). */
  private bisect(block: number, key: IndexKey, after: boolean): number {
    const flat = this.blocks[block]!;
    let low = 0;
    let high = flat.length / this.stride;
    while (low < high) {
      const middle = (low + high) >> 1;
      const order = this.compareAt(flat, middle * this.stride, key);
      if (order < 0 || (after && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
