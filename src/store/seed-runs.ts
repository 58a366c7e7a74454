import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from './documents.js';

export type SeedRunState = 'running' | 'done' | 'failed';

interface SeedRunDoc {
  _id: string;
  state: SeedRunState;
  startedAt: Date;
  finishedAt?: Date;
  summary?: unknown;
  error?: string;
}

/**
 * One marker per seed, in `seedRuns`. The marker is claimed with a plain insert on a fixed `_id`, which
 * the database lets exactly one instance win: of two instances starting on an empty database at the same
 * moment, only the winner seeds. The marker stays after seeding, so a workspace whose example records were
 * deleted on purpose is not filled again at the next start.
 */
export class SeedRunStore {
  readonly #runs: Collection<SeedRunDoc>;

  constructor(db: Db) {
    this.#runs = db.collection<SeedRunDoc>('seedRuns');
  }

  /** True when this caller won the marker and must seed; false when it already exists. */
  async claim(id: string, at: Date): Promise<boolean> {
    try {
      await this.#runs.insertOne({ _id: id, state: 'running', startedAt: at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async finish(id: string, at: Date, summary: unknown): Promise<void> {
    await this.#runs.updateOne({ _id: id }, { $set: { state: 'done', finishedAt: at, summary } });
  }

  async fail(id: string, at: Date, error: string): Promise<void> {
    await this.#runs.updateOne({ _id: id }, { $set: { state: 'failed', finishedAt: at, error } });
  }

  async get(id: string): Promise<{ state: SeedRunState; startedAt: Date } | undefined> {
    const doc = await this.#runs.findOne({ _id: id });
    return doc ? { state: doc.state, startedAt: doc.startedAt } : undefined;
  }
}
