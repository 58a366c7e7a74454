import { describe, expect, it } from 'vitest';
import { teamsSettingsOf } from '../../adapters/teams/index.js';
import { loadConfig } from '../../src/config/config.js';

const APP_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const TENANT = '7a5b8c3d-1e2f-4a5b-9c8d-0e1f2a3b4c5d';
const production = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db:27017',
  CONSOLE_SESSION_SECRET: 'a-long-random-console-session-secret-0123456789',
};

describe('Teams configuration', () => {
  it('is off unless asked for', () => {
    expect(teamsSettingsOf(loadConfig({}))).toBeUndefined();
    expect(teamsSettingsOf(loadConfig(production))).toBeUndefined();
  });

  it('runs a SingleTenant bot with a client secret or a managed identity', () => {
    const withSecret = loadConfig({
      TEAMS_APP_ID: APP_ID,
      TEAMS_TENANT_ID: TENANT,
      TEAMS_APP_PASSWORD: 's3cr3t',
    });
    expect(teamsSettingsOf(withSecret)).toEqual({
      mode: 'authenticated',
      appId: APP_ID,
      tenantId: TENANT,
      credential: { kind: 'secret', password: 's3cr3t' },
    });
    const managed = loadConfig({
      ...production,
      TEAMS_APP_ID: APP_ID,
      TEAMS_TENANT_ID: TENANT,
      TEAMS_MANAGED_IDENTITY: 'true',
    });
    expect(teamsSettingsOf(managed)).toMatchObject({ credential: { kind: 'managed-identity' } });
  });

  it('names what a half configuration lacks', () => {
    expect(() => loadConfig({ TEAMS_APP_ID: APP_ID })).toThrow(
      /TEAMS_TENANT_ID \(required.*TEAMS_APP_PASSWORD \(required/s,
    );
    expect(() => loadConfig({ TEAMS_APP_PASSWORD: 'x', TEAMS_TENANT_ID: TENANT })).toThrow(
      /TEAMS_APP_ID \(required when/,
    );
    expect(() =>
      loadConfig({
        TEAMS_APP_ID: APP_ID,
        TEAMS_TENANT_ID: TENANT,
        TEAMS_APP_PASSWORD: 'x',
        TEAMS_MANAGED_IDENTITY: 'true',
      }),
    ).toThrow(/TEAMS_MANAGED_IDENTITY \(choose either/);
    expect(() => loadConfig({ TEAMS_APP_ID: 'my-bot' })).toThrow(/TEAMS_APP_ID \(must be the application/);
  });

  it('allows anonymous Teams outside production only, and never says the secret', () => {
    expect(teamsSettingsOf(loadConfig({ TEAMS_ANONYMOUS: 'true' }))).toEqual({ mode: 'anonymous' });
    expect(() => loadConfig({ ...production, TEAMS_ANONYMOUS: 'true' })).toThrow(
      /TEAMS_ANONYMOUS \(not allowed in production: set TEAMS_APP_ID, TEAMS_TENANT_ID and TEAMS_APP_PASSWORD/,
    );
    expect(() =>
      loadConfig({
        ...production,
        TEAMS_APP_ID: APP_ID,
        TEAMS_TENANT_ID: TENANT,
        TEAMS_APP_PASSWORD: 'hunter2-secret',
        TEAMS_ANONYMOUS: 'true',
      }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });

  it('takes another sign-in authority, https in production', () => {
    const keys = { TEAMS_APP_ID: APP_ID, TEAMS_TENANT_ID: TENANT, TEAMS_APP_PASSWORD: 'x' };
    expect(
      teamsSettingsOf(loadConfig({ ...keys, TEAMS_AUTHORITY: 'https://login.microsoftonline.us' })),
    ).toMatchObject({
      authority: 'https://login.microsoftonline.us',
    });
    expect(() => loadConfig({ ...production, ...keys, TEAMS_AUTHORITY: 'http://127.0.0.1:9' })).toThrow(
      /TEAMS_AUTHORITY \(must be an https/,
    );
  });
});
