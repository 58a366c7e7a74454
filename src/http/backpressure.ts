import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../observability/logger.js';
import { problemType, sendProblem } from './api/problem.js';

/**
 * Backpressure: a service that is asked for more than it can serve says so at once (503 with
 * Retry-After) instead of queueing work nobody will wait for. Every request gets a time limit and an
 * AbortSignal that fires when the limit passes or the client goes away, so abandoned work stops at its
 * next database read; heavy requests (lists and boards, which read many documents) are capped in number.
 * Health probes are mounted before all of this and never wait for it.
 */
export interface BackpressureOptions {
  /** Heavy requests served at once; one more is refused with 503. */
  maxHeavy: number;
  /** How long any request may take before it is answered with 503 and its work abandoned. */
  timeoutMs: number;
  logger: Logger;
}

/** Seconds a refused client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

const BUDGET = Symbol('request-budget');

export interface RequestBudget {
  /** Fires when the request's time is up or its client disconnected. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds at which the request's time is up. */
  readonly deadline: number;
}

/** The budget of a request that went through `timeLimit` (a generous one for requests that did not). */
export function budgetOf(res: Response): RequestBudget {
  const budget = (res.locals as { [BUDGET]?: RequestBudget })[BUDGET];
  return budget ?? { signal: new AbortController().signal, deadline: Date.now() + 60_000 };
}

/** The database time a read may still take within the request's budget (at least 1 ms). */
export function remainingMs(budget: RequestBudget): number {
  return Math.max(1, budget.deadline - Date.now());
}

/**
 * A 503 problem response. Built as a plain object, not through an Error: under overload refusals come by
 * the thousand per second, and capturing a stack trace for each would be most of their cost.
 */
function refuse(req: Request, res: Response, code: string, detail: string): void {
  if (res.headersSent) return;
  res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  sendProblem(res, {
    type: problemType(code),
    title: 'Service unavailable',
    status: 503,
    detail,
    code,
    instance: req.originalUrl,
  });
}

export class Backpressure {
  #heavy = 0;
  #rejected = 0;
  #timedOut = 0;
  #abandoned = 0;

  constructor(private readonly options: BackpressureOptions) {}

  /** What the limits did since start: for logs and the load test. */
  get counters() {
    return {
      heavyInFlight: this.#heavy,
      rejected: this.#rejected,
      timedOut: this.#timedOut,
      abandoned: this.#abandoned,
    };
  }

  /** The time limit and the cancellation signal, for every request behind it. */
  readonly timeLimit: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const controller = new AbortController();
    const deadline = Date.now() + this.options.timeoutMs;
    (res.locals as { [BUDGET]?: RequestBudget })[BUDGET] = { signal: controller.signal, deadline };
    const timer = setTimeout(() => {
      this.#timedOut += 1;
      controller.abort(new Error('request time limit reached'));
      this.options.logger.warn(
        { path: req.originalUrl, timeoutMs: this.options.timeoutMs },
        'request timed out',
      );
      refuse(req, res, 'request.timed-out', `The request took longer than ${this.options.timeoutMs} ms`);
    }, this.options.timeoutMs);
    timer.unref();
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished && !controller.signal.aborted) {
        this.#abandoned += 1;
        controller.abort(new Error('client disconnected'));
      }
    });
    next();
  };

  /** Admits a heavy request while fewer than `maxHeavy` run; refuses it with 503 otherwise. */
  readonly heavy: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (this.#heavy >= this.options.maxHeavy) {
      this.#rejected += 1;
      refuse(req, res, 'server.busy', 'The server is busy with other lists; retry shortly');
      return;
    }
    this.#heavy += 1;
    res.on('close', () => {
      this.#heavy -= 1;
    });
    next();
  };
}
