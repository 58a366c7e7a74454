import type { Collection, Db } from 'mongodb';

interface CounterDoc {
  _id: string;
  value: number;
}

/** Running numbers (action numbers); a batch reserves its whole range in one round trip. */
export class CounterStore {
  readonly #counters: Collection<CounterDoc>;

  constructor(db: Db) {
    this.#counters = db.collection<CounterDoc>('counters');
  }

  /** Reserves `count` numbers and returns the first; the range is first … first + count - 1. */
  async reserve(name: string, count: number): Promise<number> {
    const doc = await this.#counters.findOneAndUpdate(
      { _id: name },
      { $inc: { value: count } },
      { upsert: true, returnDocument: 'after' },
    );
    return (doc?.value ?? count) - count + 1;
  }
}
