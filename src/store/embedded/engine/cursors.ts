/**
 * Server-side cursors. A cursor holds the complete result list of its query (documents are immutable,
 * so this is a consistent snapshot) and hands it out in batches through getMore. Idle cursors expire
 * after ten minutes, as in MongoDB.
 */
import { calculateObjectSize, Long } from 'bson';
import { ErrorCode, MongoCommandError } from '../errors.js';
import { MAX_BSON_OBJECT_SIZE } from '../wire.js';
import type { Doc } from './values.js';

export const CURSOR_IDLE_TIMEOUT_MS = 10 * 60 * 1000;
const DEFAULT_FIRST_BATCH = 101;
/** Leaves room for the reply envelope around a batch within the 16 MiB document limit. */
const BATCH_BYTES = MAX_BSON_OBJECT_SIZE - 64 * 1024;

interface OpenCursor {
  readonly ns: string;
  readonly docs: readonly Doc[];
  position: number;
  lastUsed: number;
  readonly noTimeout: boolean;
  readonly transform: ((doc: Doc) => Doc) | undefined;
}

export interface CursorBatch {
  readonly id: Long;
  readonly ns: string;
  readonly batch: Doc[];
}

export interface CursorOptions {
  batchSize?: number | undefined;
  singleBatch?: boolean | undefined;
  noTimeout?: boolean | undefined;
  /** Applied to each document as it is handed out (find projections). */
  transform?: ((doc: Doc) => Doc) | undefined;
}

export class CursorRegistry {
  private readonly cursors = new Map<bigint, OpenCursor>();

  /** The first batch; the rest stays on a cursor unless it all fits or `singleBatch` is set. */
  open(ns: string, docs: readonly Doc[], options: CursorOptions = {}): CursorBatch {
    const cursor: OpenCursor = {
      ns,
      docs,
      position: 0,
      lastUsed: Date.now(),
      noTimeout: options.noTimeout ?? false,
      transform: options.transform,
    };
    // As in MongoDB, batchSize 0 opens the cursor with an empty first batch.
    const batch = takeBatch(cursor, options.batchSize ?? DEFAULT_FIRST_BATCH);
    if (options.singleBatch || cursor.position >= docs.length) return { id: Long.ZERO, ns, batch };
    const id = this.newId();
    this.cursors.set(id, cursor);
    return { id: Long.fromBigInt(id), ns, batch };
  }

  getMore(id: Long, ns: string, batchSize: number | undefined): CursorBatch {
    const key = id.toBigInt();
    const cursor = this.cursors.get(key);
    if (!cursor)
      throw new MongoCommandError(ErrorCode.CursorNotFound, `cursor id ${id.toString()} not found`);
    if (cursor.ns !== ns) {
      throw new MongoCommandError(
        ErrorCode.Unauthorized,
        `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`,
      );
    }
    cursor.lastUsed = Date.now();
    const batch = takeBatch(cursor, batchSize || Number.POSITIVE_INFINITY);
    if (cursor.position < cursor.docs.length) return { id, ns, batch };
    this.cursors.delete(key);
    return { id: Long.ZERO, ns, batch };
  }

  /** Returns which of the ids were open (and are now closed). */
  kill(ids: readonly Long[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.cursors.delete(id.toBigInt()) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  /** Closes the cursors of a dropped collection or database. */
  closeWhere(predicate: (ns: string) => boolean): void {
    for (const [id, cursor] of this.cursors) if (predicate(cursor.ns)) this.cursors.delete(id);
  }

  expireIdle(now: number): void {
    for (const [id, cursor] of this.cursors) {
      if (!cursor.noTimeout && now - cursor.lastUsed > CURSOR_IDLE_TIMEOUT_MS) this.cursors.delete(id);
    }
  }

  clear(): void {
    this.cursors.clear();
  }

  private newId(): bigint {
    let id: bigint;
    do {
      id =
        BigInt(Math.floor(Math.random() * 2 ** 31)) * 2n ** 31n +
        BigInt(Math.floor(Math.random() * 2 ** 31)) +
        1n;
    } while (this.cursors.has(id));
    return id;
  }
}

function takeBatch(cursor: OpenCursor, limit: number): Doc[] {
  const batch: Doc[] = [];
  let bytes = 0;
  while (batch.length < limit && cursor.position < cursor.docs.length) {
    const source = cursor.docs[cursor.position]!;
    const doc = cursor.transform ? cursor.transform(source) : source;
    bytes += calculateObjectSize(doc);
    if (batch.length > 0 && bytes > BATCH_BYTES) break;
    batch.push(doc);
    cursor.position++;
  }
  return batch;
}
