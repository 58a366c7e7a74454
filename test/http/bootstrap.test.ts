import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { bootstrapAccess } from '../../src/service.js';
import { type ApiHarness, startApi } from './support/api.js';

let api: ApiHarness;
const secret = 'Zq8vR2mX7tLp4KwN9sB3cY6hJ1fD5gAe';

beforeAll(async () => {
  api = await startApi('http_bootstrap');
});
afterAll(async () => {
  await api.close();
});

describe('bootstrap from configuration', () => {
  it('creates the admins and the token once, also when two instances start together', async () => {
    const config = {
      BOOTSTRAP_ADMINS: ['root@institute.test', 'second@institute.test'],
      BOOTSTRAP_API_TOKEN: secret,
    };
    await Promise.all([
      bootstrapAccess(api.deps.workflow, config),
      bootstrapAccess(api.deps.workflow, config),
    ]);
    await bootstrapAccess(api.deps.workflow, config);

    const users = await api.deps.workflow.stores.users.list();
    expect(users.map((user) => [user.email, user.admin])).toEqual(
      expect.arrayContaining([
        ['root@institute.test', true],
        ['second@institute.test', true],
      ]),
    );
    expect(users).toHaveLength(2);
    const tokens = await api.deps.workflow.stores.apiTokens.list();
    expect(tokens).toHaveLength(1);
    const root = users.find((user) => user.email === 'root@institute.test');
    expect(tokens[0]).toMatchObject({ userId: root?.id });

    const response = await api.request('GET', '/users', { token: secret });
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(2);
  });

  it('makes an existing user an admin without touching the rest', async () => {
    const existing = await api.user({ email: 'promoted@institute.test', roles: ['sales'], active: false });
    await bootstrapAccess(api.deps.workflow, { BOOTSTRAP_ADMINS: ['Promoted@Institute.test'] });
    const after = await api.deps.workflow.stores.users.get(existing.id);
    // A deactivated admin stays deactivated: switching someone off must survive a restart.
    expect(after).toMatchObject({ admin: true, roles: ['sales'], active: false });
  });
});

describe('bootstrap configuration', () => {
  // Production also insists on a real database; these cases are about the bootstrap keys only.
  const production = {
    NODE_ENV: 'production',
    MONGODB_URI: 'mongodb://db.internal:27017',
    CONSOLE_SESSION_SECRET: 'console-session-secret-0123456789-abcdefgh',
  };

  function keysOf(env: Record<string, string>): string[] {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).not.toContain('changeme');
      return (error as ConfigError).keys;
    }
    return [];
  }

  it('parses the admin list and accepts a strong token', () => {
    const config = loadConfig({
      ...production,
      BOOTSTRAP_ADMINS: ' Root@Institute.test, ops@institute.test ',
      BOOTSTRAP_API_TOKEN: secret,
    });
    expect(config.BOOTSTRAP_ADMINS).toEqual(['root@institute.test', 'ops@institute.test']);
  });

  it('refuses a short token, a token without admins, bad addresses, and a weak token in production', () => {
    expect(keysOf({ BOOTSTRAP_ADMINS: 'a@b.test', BOOTSTRAP_API_TOKEN: 'short' })[0]).toMatch(
      /^BOOTSTRAP_API_TOKEN .*32/,
    );
    expect(keysOf({ BOOTSTRAP_API_TOKEN: secret })[0]).toMatch(/^BOOTSTRAP_API_TOKEN .*BOOTSTRAP_ADMINS/);
    expect(keysOf({ BOOTSTRAP_ADMINS: 'a@b.test,not-an-address' })[0]).toMatch(/^BOOTSTRAP_ADMINS/);
    const weak = 'changeme-changeme-changeme-changeme';
    expect(keysOf({ ...production, BOOTSTRAP_ADMINS: 'a@b.test', BOOTSTRAP_API_TOKEN: weak })).toEqual([
      expect.stringMatching(/^BOOTSTRAP_API_TOKEN .*too weak/),
    ]);
    expect(
      keysOf({ NODE_ENV: 'development', BOOTSTRAP_ADMINS: 'a@b.test', BOOTSTRAP_API_TOKEN: weak }),
    ).toEqual([]);
  });
});
