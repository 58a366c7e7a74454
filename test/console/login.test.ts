import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiScope } from '../../src/store/api-tokens.js';
import { type ConsoleRecords, seedConsoleRecords } from './fixtures.js';
import { ConsoleClient, type ConsoleHarness, startConsole } from './support.js';

let consoleApp: ConsoleHarness;
let records: ConsoleRecords;

beforeAll(async () => {
  consoleApp = await startConsole('console_login', { requireLogin: true });
  records = await seedConsoleRecords(consoleApp.ws);
});
afterAll(() => consoleApp.close());

async function token(userId: string, scopes: ApiScope[]): Promise<{ id: string; token: string }> {
  return consoleApp.ws.stores.apiTokens.create({
    name: 'console test',
    userId,
    scopes,
    now: consoleApp.ws.clock.read(),
  });
}

async function signIn(secret: string): Promise<{ client: ConsoleClient; status: number; text: string }> {
  const client = new ConsoleClient(consoleApp.url);
  await client.get('');
  const response = await client.post('/login', { token: secret });
  // Signing in starts a new session: its page carries the new CSRF token.
  if (response.status === 303) await client.get('');
  return { client, status: response.status, text: response.text };
}

describe('an exposed console (token login)', () => {
  it('asks for a token instead of offering users to pick', async () => {
    const page = await new ConsoleClient(consoleApp.url).get('');
    expect(page.text).toContain('<input id="login-token" name="token" type="password"');
    expect(page.text).not.toContain('u-planner');
  });

  it('refuses picking a user', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.get('');
    const response = await client.post('/identity', { userId: 'u-admin' });
    expect(response.status).toBe(403);
    expect((await client.get('/board')).status).toBe(303);
  });

  it('refuses unknown, revoked and expired tokens, and tokens that may not read actions', async () => {
    const unknown = await signIn('stp_not-a-token');
    expect(unknown.status).toBe(401);
    expect(unknown.text).toContain('That token is not valid');

    const revoked = await token('u-planner', ['actions:read']);
    await consoleApp.ws.stores.apiTokens.revoke(revoked.id, consoleApp.ws.clock.read());
    expect((await signIn(revoked.token)).status).toBe(401);

    const expired = await consoleApp.ws.stores.apiTokens.create({
      name: 'expired',
      userId: 'u-planner',
      scopes: ['actions:read'],
      now: consoleApp.ws.clock.read(),
      expiresAt: new Date(consoleApp.ws.clock.read().getTime() - 1),
    });
    expect((await signIn(expired.token)).status).toBe(401);

    const templatesOnly = await signIn((await token('u-planner', ['templates:read'])).token);
    expect(templatesOnly.status).toBe(401);
    expect(templatesOnly.text).toContain('needs the actions:read scope');
  });

  it('lets a read-only token look but not change, and hides dossier facts without dossiers:read', async () => {
    const { client, status } = await signIn((await token('u-planner', ['actions:read'])).token);
    expect(status).toBe(303);
    const page = await client.get('');
    expect(page.text).toContain('Hello Planner.');
    expect(page.text).toContain('action="/console/logout"');

    const mine = await client.fetchPost('/command', { text: '/actie mine' });
    expect(mine.text).toContain(`data-action-id="${records.attendance.id}"`);
    const done = await client.fetchPost('/interact', { payload: `done:${records.attendance.id}` });
    expect(done.status).toBe(403);
    expect(done.text).toContain('it needs actions:write');
    const typed = await client.fetchPost('/command', { text: `/actie done ${records.attendance.number}` });
    expect(typed.status).toBe(403);
    expect((await consoleApp.ws.stores.actions.get(records.attendance.id))?.state).toBe('open');

    const dossier = await client.get(`/dossiers/${records.futureCourseId}`);
    expect(dossier.text).toContain('<svg class="timeline"');
    expect(dossier.text).not.toContain('id="facts-panel"');
  });

  it('lets a writing token act, and signs out for good', async () => {
    const { client } = await signIn(
      (await token('u-planner', ['actions:read', 'actions:write', 'dossiers:read'])).token,
    );
    const done = await client.fetchPost('/interact', { payload: `done:${records.attendance.id}` });
    expect(done.text).toContain(`Action ${records.attendance.number} is done.`);
    expect((await client.get(`/dossiers/${records.futureCourseId}`)).text).toContain('id="facts-panel"');

    const signedInCookie = client.cookie;
    expect((await client.post('/logout')).status).toBe(303);
    expect(client.cookie).not.toBe(signedInCookie);
    expect((await client.get('')).text).toContain('login-token');
    expect((await client.fetchPost('/command', { text: '/actie mine' })).status).toBe(401);
  });

  it('drops the session of a user who was deactivated meanwhile', async () => {
    const { client } = await signIn((await token('u-sales', ['actions:read'])).token);
    expect((await client.get('')).text).toContain('Hello Sales.');
    const sales = (await consoleApp.ws.stores.users.get('u-sales'))!;
    await consoleApp.ws.stores.users.replace({ ...sales, active: false });
    try {
      expect((await client.get('')).text).toContain('login-token');
    } finally {
      await consoleApp.ws.stores.users.replace(sales);
    }
  });
});
