import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { mountApi } from '../../src/http/api/mount.js';
import { defineRoute } from '../../src/http/api/route.js';
import { Backpressure, budgetOf, RETRY_AFTER_SECONDS } from '../../src/http/backpressure.js';
import { healthRoutes } from '../../src/http/health.js';
import { createLogger } from '../../src/observability/logger.js';
import { startApi } from './support/api.js';

/**
 * Backpressure: refusing at once what cannot be served, stopping work nobody waits for, and probes that
 * never wait for either. Held requests are held by promises the test releases, never by sleeping.
 */
const logger = createLogger({ level: 'silent' });

interface Held {
  started: Promise<void>;
  aborted: Promise<unknown>;
  release(): void;
}

/** An app whose `/work` route (heavy) waits until released, and reports when its signal aborts. */
async function heldApp(options: { maxHeavy: number; timeoutMs: number }) {
  const limits = new Backpressure({ ...options, logger });
  const held: Held[] = [];
  const app = express();
  app.use(healthRoutes({ check: async () => ({ ready: true, checks: {} }) }));
  app.use(limits.timeLimit);
  app.get('/work', limits.heavy, async (_req, res) => {
    const { signal } = budgetOf(res);
    let release!: () => void;
    let started!: () => void;
    const entry: Held = {
      started: new Promise<void>((resolve) => {
        started = resolve;
      }),
      aborted: new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason))),
      release: () => release(),
    };
    held.push(entry);
    started();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    if (!res.headersSent) res.json({ done: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    limits,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Resolves once `count` held requests are running. */
async function running(held: Held[], count: number): Promise<void> {
  while (held.length < count) await new Promise((resolve) => setImmediate(resolve));
  await Promise.all(held.slice(0, count).map((entry) => entry.started));
}

describe('the cap on heavy requests', () => {
  it('refuses one more with 503 and Retry-After while probes answer, and admits again once one ends', async () => {
    const app = await heldApp({ maxHeavy: 2, timeoutMs: 60_000 });
    try {
      const first = fetch(`${app.url}/work`);
      const second = fetch(`${app.url}/work`);
      await running(app.held, 2);
      const refused = await fetch(`${app.url}/work`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(((await refused.json()) as { code: string }).code).toBe('server.busy');
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      app.held[0]!.release();
      expect((await first).status).toBe(200);
      const third = fetch(`${app.url}/work`);
      await running(app.held, 3);
      app.held[1]!.release();
      app.held[2]!.release();
      expect((await second).status).toBe(200);
      expect((await third).status).toBe(200);
      expect(app.limits.counters).toMatchObject({ rejected: 1, heavyInFlight: 0 });
    } finally {
      await app.close();
    }
  });
});

describe('the time limit', () => {
  it('answers 503 request.timed-out with Retry-After and aborts the work', async () => {
    const app = await heldApp({ maxHeavy: 5, timeoutMs: 50 });
    try {
      const response = await fetch(`${app.url}/work`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
      expect(((await response.json()) as { code: string }).code).toBe('request.timed-out');
      expect(String(await app.held[0]!.aborted)).toContain('time limit');
      app.held[0]!.release();
      expect(app.limits.counters.timedOut).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('abandons the work when the client goes away', async () => {
    const app = await heldApp({ maxHeavy: 5, timeoutMs: 60_000 });
    try {
      const client = new AbortController();
      const request = fetch(`${app.url}/work`, { signal: client.signal }).catch((error: Error) => error);
      await running(app.held, 1);
      client.abort();
      expect(String(await app.held[0]!.aborted)).toContain('client disconnected');
      expect(await request).toBeInstanceOf(Error);
      app.held[0]!.release();
      expect(app.limits.counters).toMatchObject({ abandoned: 1, heavyInFlight: 0 });
    } finally {
      await app.close();
    }
  });
});

describe('an API request that fails after its time ran out', () => {
  it('is logged when it is a fault, and not when its work only stopped as asked', async () => {
    const lines: Array<{ msg: string; path?: string }> = [];
    const captured = createLogger(
      { level: 'error' },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    const limits = new Backpressure({ maxHeavy: 5, timeoutMs: 30, logger: captured });
    const finished: Array<Promise<void>> = [];
    const failing = (path: string, fail: (signal: AbortSignal) => unknown) =>
      defineRoute({
        method: 'get',
        path,
        operationId: path.slice(1),
        summary: path,
        tag: 'test',
        scope: 'actions:read',
        handler: ({ budget }) => {
          const ended = new Promise<never>((_resolve, reject) =>
            budget.signal.addEventListener('abort', () => reject(fail(budget.signal))),
          );
          finished.push(
            ended.then(
              () => undefined,
              () => undefined,
            ),
          );
          return ended;
        },
      });
    const app = express();
    app.use(limits.timeLimit);
    app.use(
      mountApi(
        [
          failing('/bug', () => new TypeError('x is undefined')),
          failing('/stopped', (signal) => signal.reason),
        ],
        {
          verifyToken: async () => ({ id: 'tok', name: 'test', userId: 'u', scopes: ['actions:read'] }),
          idempotency: undefined as never,
          loadActor: async () => ({ id: 'u' }),
          isAdministrator: () => false,
          logger: captured,
          now: () => new Date(),
        },
      ),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/stopped', '/bug']) {
        const response = await fetch(`${url}${path}`, { headers: { authorization: 'Bearer t' } });
        expect(response.status).toBe(503);
      }
      await Promise.all(finished);
      // The handler's rejection reaches the route's catch on the next turn.
      await new Promise((resolve) => setImmediate(resolve));
      expect(lines.filter((line) => line.msg === 'API request failed after its answer')).toEqual([
        expect.objectContaining({ path: '/bug' }),
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('heavy API routes', () => {
  const limits = new Backpressure({ maxHeavy: 0, timeoutMs: 60_000, logger });
  const started = startApi('http_backpressure', { limits });
  afterAll(async () => (await started).close());

  it('are refused beyond the cap before any work; light routes and probes are not', async () => {
    const api = await started;
    const token = await api.token(await api.user({ admin: true }));
    const list = await api.request('GET', '/actions', { token });
    expect(list.status).toBe(503);
    expect(list.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(list.body.code).toBe('server.busy');
    expect((await api.request('GET', '/dossiers/course', { token })).status).toBe(503);
    expect((await api.request('GET', '/actions/act_unknown', { token })).status).toBe(404);
    expect((await api.request('GET', '/templates', { token })).status).toBe(200);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});
