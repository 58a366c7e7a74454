import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHostHeader } from '../../adapters/console/local-only.js';
import { type ConsoleHarness, startConsole } from './support.js';

/** A request with headers fetch may not set (Host), as a rebound page or a proxy would send it. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pick-a-user mode answers this machine only (DNS rebinding)', () => {
  let picking: ConsoleHarness;
  let signingIn: ConsoleHarness;

  beforeAll(async () => {
    picking = await startConsole('console_local_pick');
    signingIn = await startConsole('console_local_login', { requireLogin: true });
  });
  afterAll(async () => {
    await picking.close();
    await signingIn.close();
  });

  it('refuses a Host that is not a loopback name, and offers the picker to localhost', async () => {
    const rebound = await get(picking.url, { host: 'attacker.example', 'accept-language': 'en' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('CONSOLE_REQUIRE_LOGIN=true');
    expect(rebound.body).not.toContain('Planner');
    const local = await get(picking.url, { host: `localhost:${new URL(picking.url).port}` });
    expect(local.status).toBe(200);
    expect(local.body).toContain('Planner');
  });

  it('refuses requests that came through a proxy', async () => {
    const host = new URL(picking.url).host;
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host']) {
      const proxied = await get(picking.url, { host, [header]: '203.0.113.9' });
      expect(proxied.status, header).toBe(403);
    }
  });

  it('leaves the sign-in mode to its tokens, whatever the Host', async () => {
    const response = await get(signingIn.url, { host: 'stempel.example.org' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('token');
  });

  it('knows the loopback names', () => {
    for (const host of [
      'localhost',
      'LOCALHOST:3000',
      'app.localhost',
      '127.0.0.1:80',
      '[::1]:3000',
      '[::1]',
    ]) {
      expect(isLoopbackHostHeader(host), host).toBe(true);
    }
    for (const host of ['attacker.example', '127.0.0.1.nip.io', 'localhost.example', '10.0.0.1', undefined]) {
      expect(isLoopbackHostHeader(host), String(host)).toBe(false);
    }
  });
});
