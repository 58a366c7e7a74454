import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Db } from 'mongodb';
import type { Logger } from '../observability/logger.js';

export interface SchedulerOptions {
  db: Db;
  logger: Logger;
  /** Polling interval in milliseconds; small in tests, a few seconds in production. */
  processEveryMs: number;
  name?: string;
}

/**
 * The one Agenda instance of a service, on the resolved database. Features register their job
 * definitions before `start()`; Agenda's locks keep each job to one runner across instances.
 */
export class Scheduler {
  readonly agenda: Agenda;
  #started = false;
  readonly #logger: Logger;

  constructor(options: SchedulerOptions) {
    this.#logger = options.logger;
    this.agenda = new Agenda({
      backend: new MongoBackend({ mongo: options.db, collection: 'agendaJobs' }),
      processEvery: options.processEveryMs,
      name: options.name ?? `stempel-${process.pid}`,
    });
    this.agenda.on('error', (error: Error) => this.#logger.error({ err: error }, 'scheduler error'));
  }

  get started(): boolean {
    return this.#started;
  }

  async start(): Promise<void> {
    await this.agenda.start();
    this.#started = true;
  }

  /**
   * A job every `intervalMs` with one runner across instances (Agenda's lock), for housekeeping that a
   * run can leave to the next: what one run does not reach, the next one does.
   */
  async repeatOnOneInstance(name: string, intervalMs: number, run: () => Promise<void>): Promise<void> {
    this.agenda.define(name, run, { concurrency: 1, lockLimit: 1, lockLifetime: 5 * 60_000 });
    await this.agenda.create(name, {}).repeatEvery(intervalMs).unique({ name }).save();
  }

  /** Lets running jobs finish (up to the timeout) instead of abandoning their locks. */
  async drain(timeoutMs: number): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    const result = await this.agenda.drain({ timeout: timeoutMs, closeConnection: false });
    if (result.timedOut) this.#logger.warn({ running: result.running }, 'scheduler drain timed out');
  }
}
