import { createHash } from 'node:crypto';
import { HttpProblem } from './problem.js';

/**
 * A response as sent on the wire. The body is kept serialised, so a replay is byte for byte what the first
 * request got (no BSON round trip of dates, undefined values or dotted keys).
 */
export interface SerializedResponse {
  status: number;
  contentType?: string;
  payload?: string;
  headers?: Record<string, string>;
}

interface IdempotencyKeyRecord {
  _id: string;
  requestHash: string;
  state: 'in-progress' | 'done';
  response?: SerializedResponse;
  createdAt: Date;
}

/** Where keys are kept (src/store/idempotency-keys.ts); the rules of their use are this file's. */
export interface IdempotencyKeys {
  claim(id: string, requestHash: string, now: Date): Promise<'claimed' | 'already-there'>;
  get(id: string): Promise<IdempotencyKeyRecord | null>;
  takeOver(existing: IdempotencyKeyRecord, now: Date): Promise<boolean>;
  release(id: string): Promise<void>;
  complete(id: string, response: SerializedResponse): Promise<void>;
}

/** A request still "running" after this long died with its process; a retry may take the key over. */
const abandonedAfterMs = 2 * 60 * 1000;

/**
 * `Idempotency-Key` for POST requests: the first request with a key runs, later ones with the same key
 * and the same request replay its response; the same key with a different request is refused, and so is
 * a second request while the first is still running. Keys are scoped to the API token, so two clients
 * cannot collide.
 */
export class IdempotencyStore {
  constructor(private readonly keys: IdempotencyKeys) {}

  async run(
    scope: { tokenId: string; key: string; method: string; path: string; body: unknown },
    now: Date,
    execute: () => Promise<SerializedResponse>,
  ): Promise<SerializedResponse & { replayed: boolean }> {
    if (!/^[\x21-\x7e]{1,255}$/.test(scope.key)) {
      throw new HttpProblem(
        400,
        'idempotency.invalid-key',
        'Idempotency-Key must be 1–255 visible ASCII characters',
        {
          errors: [{ field: 'header.Idempotency-Key', message: 'must be 1–255 visible ASCII characters' }],
        },
      );
    }
    const id = hash(`${scope.tokenId}\n${scope.key}`);
    const requestHash = hash(`${scope.method}\n${scope.path}\n${JSON.stringify(scope.body ?? null)}`);
    if ((await this.keys.claim(id, requestHash, now)) === 'already-there') {
      const existing = await this.keys.get(id);
      // The first request failed (and released its key) in between: this one may run after all.
      if (!existing) return this.run(scope, now, execute);
      if (existing.requestHash !== requestHash) {
        throw new HttpProblem(
          422,
          'idempotency.key-reused',
          'This Idempotency-Key was already used for a different request',
        );
      }
      if (existing.state === 'in-progress' || !existing.response) {
        if (await this.#takeOver(existing, now)) return this.#execute(id, execute);
        throw new HttpProblem(
          409,
          'idempotency.in-progress',
          'A request with this Idempotency-Key is still running; retry later',
        );
      }
      return { ...existing.response, replayed: true };
    }
    return this.#execute(id, execute);
  }

  /** Claims an abandoned key with a conditional update, so of several retries exactly one runs. */
  async #takeOver(existing: IdempotencyKeyRecord, now: Date): Promise<boolean> {
    if (now.getTime() - existing.createdAt.getTime() < abandonedAfterMs) return false;
    return this.keys.takeOver(existing, now);
  }

  async #execute(
    id: string,
    execute: () => Promise<SerializedResponse>,
  ): Promise<SerializedResponse & { replayed: boolean }> {
    let response: SerializedResponse;
    try {
      response = await execute();
    } catch (error) {
      // Failures are not remembered: the client may retry the same key once the cause is gone.
      await this.keys.release(id);
      throw error;
    }
    await this.keys.complete(id, response);
    return { ...response, replayed: false };
  }
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
