import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, type ConsoleHarness, startConsole } from './support.js';

let consoleApp: ConsoleHarness;
const key = 'slack:T0CONSOLE:CGONE';

beforeAll(async () => {
  consoleApp = await startConsole('console_delivery');
  const stores = consoleApp.ws.stores;
  const now = new Date();
  await stores.deliveries.enqueue({
    id: 'dlv_console1',
    dedupeKey: 'console-1',
    purpose: 'process',
    address: {
      platform: 'slack',
      key,
      label: 'Slack #gone',
      data: { teamId: 'T0CONSOLE', channel: 'CGONE' },
    },
    content: { type: 'notice', text: 'Nieuwe deelnemer <b>Ans</b>' },
    viewer: { locale: 'nl' },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  await stores.deliveries.markFailed('dlv_console1', 'channel_not_found');
  await stores.deliveries.markBroken(key, 'channel_not_found', now);
});
afterAll(() => consoleApp.close());

describe('the chat delivery page', () => {
  it('shows administrators the broken conversations and failed messages, and clears a mark', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-admin');
    const page = await client.get('/delivery');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Broken conversations');
    expect(page.text).toContain('Slack #gone');
    expect(page.text).toContain('channel_not_found');
    expect(page.text).toContain('The channel does not exist (any more), or Stempel cannot see it.');
    expect(page.text).toContain('Nieuwe deelnemer &lt;b&gt;Ans&lt;/b&gt;');
    expect(page.text).toMatch(/<a href="\/console\/delivery" aria-current="page">Delivery<\/a>/);

    const cleared = await client.request('POST', '/delivery/clear', { key, csrf: client.csrf });
    expect(cleared.status).toBe(200);
    expect(cleared.text).toContain('Cleared; messages go there again.');
    expect(cleared.text).toContain('Nothing is broken.');
    expect((await consoleApp.ws.stores.deliveries.target(key))?.broken).toBeUndefined();
  });

  it('links a chat identity for someone whose e-mail differs, and shows who is linked', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-admin');
    const linked = await client.request('POST', '/delivery/link', {
      userId: 'u-sales',
      slack: 'T0CONSOLE/USALES',
      teams: '',
      csrf: client.csrf,
    });
    expect(linked.status).toBe(200);
    expect(linked.text).toContain('Linked.');
    expect(linked.text).toContain('Slack T0CONSOLE/USALES');
    expect((await consoleApp.ws.stores.users.get('u-sales'))?.chatIdentities).toEqual([
      { platform: 'slack', teamId: 'T0CONSOLE', userId: 'USALES' },
    ]);
    const bad = await client.request('POST', '/delivery/link', {
      userId: 'u-sales',
      slack: 'nonsense',
      csrf: client.csrf,
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('teamId');
  });

  it('is for administrators only, and not in their navigation', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-planner');
    const home = await client.get('');
    expect(home.text).not.toContain('/console/delivery');
    const page = await client.get('/delivery');
    expect(page.status).toBe(403);
    expect(page.text).toContain('Only administrators see the chat delivery.');
  });
});
