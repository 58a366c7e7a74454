import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { buildApp, createServiceDeps, type ServiceDeps, workspaceDefaults } from '../../src/service.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

type LogLine = Record<string, unknown>;

let database: TestDatabase;
let deps: ServiceDeps;
let server: Server;
let url: string;
let securedServer: Server;
let securedUrl: string;
const logs: LogLine[] = [];

async function serve(app: ReturnType<typeof buildApp>): Promise<{ server: Server; url: string }> {
  const listening = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
  return { server: listening, url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  database = await openTestDatabase('http_observability');
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger({ level: 'debug' }, stream);
  deps = await createServiceDeps(database.db, {
    logger,
    defaults: workspaceDefaults({ DEFAULT_TIME_ZONE: 'Europe/Amsterdam', DEFAULT_LOCALE: 'en' }),
  });
  const app = buildApp(deps, {
    check: async () => ({ ready: true, checks: {} }),
  });
  // A handler that logs after an asynchronous step, as a use case deep in a request would.
  app.get('/probe/deep-log', async (_req, res) => {
    await delay(5);
    await Promise.resolve();
    deps.workflow.logger.info({ step: 'deep' }, 'logged from inside the request');
    res.send('ok');
  });
  ({ server, url } = await serve(app));
  ({ server: securedServer, url: securedUrl } = await serve(
    buildApp(deps, undefined, undefined, [], { metricsToken: 'scrape-token-0123456789' }),
  ));
});

afterAll(async () => {
  for (const listening of [server, securedServer]) {
    listening.closeAllConnections();
    await new Promise<void>((resolve) => listening.close(() => resolve()));
  }
  await database.close();
});

function accessLines(requestId: string): LogLine[] {
  return logs.filter((line) => line.msg === 'request' && line.requestId === requestId);
}

describe('request ids and the access log', () => {
  it('keeps the caller’s X-Request-Id, answers with it, and names it in the problem and the access log', async () => {
    const response = await fetch(`${url}/api/actions`, { headers: { 'X-Request-Id': 'client-42.a' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('client-42.a');
    expect(await response.json()).toMatchObject({ code: 'auth.missing-token', requestId: 'client-42.a' });
    await expect.poll(() => accessLines('client-42.a')).toHaveLength(1);
    expect(accessLines('client-42.a')[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/api/actions',
      route: '/api/actions',
      status: 401,
    });
    expect(accessLines('client-42.a')[0]!.durationMs).toEqual(expect.any(Number));
  });

  it('makes an id when the caller sends none or one that could smuggle text into logs', async () => {
    for (const header of [undefined, 'has spaces\tand a tab', 'x'.repeat(129)]) {
      const response = await fetch(`${url}/healthz`, header ? { headers: { 'X-Request-Id': header } } : {});
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await expect.poll(() => accessLines(id!)).toHaveLength(1);
      // Probes are logged too, one level down, so they do not drown the requests people make.
      expect(accessLines(id!)[0]).toMatchObject({ level: 'debug', route: '/healthz', status: 200 });
    }
  });

  it('carries the id into every line logged while handling the request, across asynchronous steps', async () => {
    const response = await fetch(`${url}/probe/deep-log`, { headers: { 'X-Request-Id': 'deep-1' } });
    expect(await response.text()).toBe('ok');
    const deep = logs.find((line) => line.step === 'deep');
    expect(deep).toMatchObject({ requestId: 'deep-1', msg: 'logged from inside the request' });
    // A line logged outside any request carries no id.
    deps.workflow.logger.info({ step: 'outside' }, 'not in a request');
    expect(logs.find((line) => line.step === 'outside')).not.toHaveProperty('requestId');
  });

  it('gives two concurrent requests their own ids', async () => {
    const [a, b] = await Promise.all([
      fetch(`${url}/probe/deep-log`, { headers: { 'X-Request-Id': 'parallel-a' } }),
      fetch(`${url}/probe/deep-log`, { headers: { 'X-Request-Id': 'parallel-b' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const deepIds = logs.filter((line) => line.step === 'deep').map((line) => line.requestId);
    expect(deepIds).toEqual(expect.arrayContaining(['parallel-a', 'parallel-b']));
  });
});

describe('GET /metrics', () => {
  it('counts requests by method, route pattern and status, with latency buckets', async () => {
    await fetch(`${url}/api/openapi.json`);
    await fetch(`${url}/api/actions/act_unknown`);
    await fetch(`${url}/no/such/page`);
    const scrape = async () => (await fetch(`${url}/metrics`)).text();
    await expect
      .poll(scrape)
      .toMatch(
        /stempel_http_request_duration_seconds_count\{method="GET",route="\/api\/openapi.json",status="200"\} 1/,
      );
    const text = await scrape();
    // The pattern, not the id: the label set stays small whatever clients send.
    expect(text).toMatch(/route="\/api\/actions\/:ref",status="401"\} 1/);
    expect(text).not.toContain('act_unknown');
    expect(text).toMatch(/route="\(unmatched\)",status="404"\} 1/);
    expect(text).toMatch(/stempel_http_request_duration_seconds_bucket\{le="0.005",method="GET"/);
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const refused = await fetch(`${securedUrl}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await fetch(`${securedUrl}/metrics`, {
      headers: { Authorization: 'Bearer scrape-token-0123456788' },
    });
    expect(wrong.status).toBe(401);
    const allowed = await fetch(`${securedUrl}/metrics`, {
      headers: { Authorization: 'Bearer scrape-token-0123456789' },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('stempel_http_request_duration_seconds');
  });
});
