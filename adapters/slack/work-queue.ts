import type { Logger } from '../../src/observability/logger.js';

/**
 * Work that follows an acknowledgement, a few at a time. A burst of clicks is acknowledged at once —
 * Slack wants that within three seconds, and the event loop must stay free for it — while what the clicks
 * do (database, Web API) waits its turn here instead of crowding out the acknowledgements.
 */
export class WorkQueue {
  readonly #waiting: Array<() => Promise<void>> = [];
  #running = 0;
  #idle: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {}

  /** Queues `work`; it never throws into the caller (failures are logged). */
  run(work: () => Promise<void>): void {
    this.#waiting.push(work);
    this.#next();
  }

  /** Resolves when nothing is queued or running (shutdown, tests). */
  async idle(): Promise<void> {
    if (this.#running === 0 && this.#waiting.length === 0) return;
    await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  #next(): void {
    while (this.#running < this.concurrency && this.#waiting.length > 0) {
      const work = this.#waiting.shift()!;
      this.#running += 1;
      // After the current turn of the event loop: acknowledgements of requests already read go first.
      setImmediate(() => {
        work()
          .catch((error: unknown) => this.logger.error({ err: error }, 'slack work failed'))
          .finally(() => {
            this.#running -= 1;
            this.#next();
            if (this.#running === 0 && this.#waiting.length === 0) {
              for (const resolve of this.#idle.splice(0)) resolve();
            }
          });
      });
    }
  }
}
