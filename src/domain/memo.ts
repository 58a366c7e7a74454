/**
 * A bounded cache for the results of pure functions. Time-zone arithmetic goes through Intl and costs tens
 * of microseconds per call, while one course event asks the same few questions (this anchor, that zone)
 * for thousands of actions. The cache forgets everything when full, so a long-running process does not
 * keep every instant it ever saw; the next calls simply compute again.
 */
export class BoundedCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    const cached = this.#entries.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    if (this.#entries.size >= this.limit) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }
}
