import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands.js';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';

let api: ApiHarness;
let token: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_delivery_admin'));
});
afterAll(() => api.close());

const address = {
  platform: 'slack' as const,
  key: 'slack:T0ADMIN:CGONE',
  label: 'Slack #gone',
  data: { teamId: 'T0ADMIN', channel: 'CGONE' },
};

describe('chat delivery for administrators', () => {
  it('lists broken conversations with the reason, and clears the mark once fixed', async () => {
    const stores = api.deps.workflow.stores;
    const now = new Date();
    await stores.deliveries.enqueue({
      id: 'dlv_admin1',
      dedupeKey: 'admin-1',
      purpose: 'process',
      address,
      content: { type: 'notice', text: 'Hello' },
      viewer: { locale: 'en' },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });
    await stores.deliveries.markFailed('dlv_admin1', 'channel_not_found');
    await stores.deliveries.markBroken(address.key, 'channel_not_found', now);

    const broken = await api.request('GET', '/delivery/targets?broken=true', { token });
    expect(broken.status).toBe(200);
    expect(broken.body.items).toEqual([
      expect.objectContaining({
        id: address.key,
        label: 'Slack #gone',
        broken: { reason: 'channel_not_found', at: now.toISOString() },
      }),
    ]);
    const failed = await api.request('GET', '/deliveries?status=failed', { token });
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        id: 'dlv_admin1',
        status: 'failed',
        lastError: 'channel_not_found',
        attempts: 1,
      }),
    ]);
    expect(failed.body.items[0].viewer).toBeUndefined();

    const cleared = await api.request('POST', `/delivery/targets/${encodeURIComponent(address.key)}/clear`, {
      token,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.broken).toBeUndefined();
    expect((await api.request('GET', '/delivery/targets?broken=true', { token })).body.items).toEqual([]);
    expect((await api.request('POST', '/delivery/targets/slack:nope/clear', { token })).status).toBe(404);
  });

  it('keeps delivery to administrators', async () => {
    const planner = await api.user({ roles: ['planning'] });
    const plannerToken = await api.token(planner, ['actions:read', 'actions:write']);
    expect((await api.request('GET', '/delivery/targets', { token: plannerToken })).status).toBe(403);
  });

  it('links a chat identity to one user only, and unlinks it', async () => {
    const ans = await api.user({ email: 'ans@institute.test' });
    const bram = await api.user({ email: 'bram@institute.test' });
    const identity = { platform: 'slack', teamId: 'T0ADMIN', userId: 'UANS' };
    const linked = await api.request('POST', `/users/${ans.id}/identities`, { token, body: { identity } });
    expect(linked.status).toBe(200);
    expect(linked.body.chatIdentities).toEqual([identity]);
    const taken = await api.request('POST', `/users/${bram.id}/identities`, { token, body: { identity } });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('identity.linked-elsewhere');
    const bad = await api.request('POST', `/users/${bram.id}/identities`, {
      token,
      body: { identity: { platform: 'slack', teamId: 'nope', userId: 'UANS' } },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('teamId');
    const removed = await api.request('POST', `/users/${ans.id}/identities/remove`, {
      token,
      body: { identity },
    });
    expect(removed.body.chatIdentities).toEqual([]);
  });

  it('sets and clears where a user wants their chat messages', async () => {
    const user = await api.user({});
    const set = await api.request('PATCH', `/users/${user.id}`, { token, body: { chatPreference: 'teams' } });
    expect(set.body.chatPreference).toBe('teams');
    const cleared = await api.request('PATCH', `/users/${user.id}`, {
      token,
      body: { chatPreference: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.chatPreference).toBeUndefined();
    const wrong = await api.request('PATCH', `/users/${user.id}`, { token, body: { chatPreference: 'irc' } });
    expect(wrong.status).toBe(422);
  });

  it('links from the command line by e-mail', async () => {
    const user = await api.user({ email: 'carla@institute.test' });
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    await runCommand(
      api.deps.workflow,
      ['user', 'link', '--email', 'carla@institute.test', '--slack', 'T0ADMIN/UCARLA'],
      io,
    );
    expect((await api.deps.workflow.stores.users.get(user.id))?.chatIdentities).toEqual([
      { platform: 'slack', teamId: 'T0ADMIN', userId: 'UCARLA' },
    ]);
    await expect(
      runCommand(api.deps.workflow, ['user', 'link', '--email', 'carla@institute.test'], io),
    ).rejects.toThrow('--slack');
  });
});
