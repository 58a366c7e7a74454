import { describe, expect, it } from 'vitest';
import { ConfigError, consoleRequiresLogin, loadConfig, slackModeOf } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MONGODB_DB: 'stempel',
      DEFAULT_TIME_ZONE: 'Europe/Amsterdam',
      DEFAULT_LOCALE: 'nl',
      DATABASE_FALLBACK: 'auto',
    });
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it('coerces numbers and treats empty strings as unset', () => {
    const config = loadConfig({ PORT: '8080', MONGODB_URI: '', SCHEDULER_PROCESS_EVERY_MS: '250' });
    expect(config.PORT).toBe(8080);
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.SCHEDULER_PROCESS_EVERY_MS).toBe(250);
  });

  it('takes a metrics token of at least 16 characters', () => {
    expect(loadConfig({ METRICS_TOKEN: 'scrape-0123456789' }).METRICS_TOKEN).toBe('scrape-0123456789');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN \(must be at least 16/);
  });

  it('names every invalid key and never echoes its value', () => {
    const secretish = 'postgres://admin:hunter2@db';
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        MONGODB_URI: secretish,
        DEFAULT_TIME_ZONE: 'Mars/Olympus',
        LOG_LEVEL: 'loud',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { keys, message } = error as ConfigError;
    expect(keys.map((key) => key.split(' ')[0])).toEqual(
      expect.arrayContaining(['PORT', 'MONGODB_URI', 'DEFAULT_TIME_ZONE', 'LOG_LEVEL']),
    );
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('Mars/Olympus');
    expect(message).not.toContain('eighty');
  });

  it('refuses production without a real database or a shared console secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MONGODB_URI \(required in production/);
    const secret = 'a-long-random-console-session-secret-0123456789';
    expect(() => loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017' })).toThrow(
      /CONSOLE_SESSION_SECRET \(required in production/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        MONGODB_URI: 'mongodb://db:27017',
        CONSOLE_SESSION_SECRET: secret,
      }).NODE_ENV,
    ).toBe('production');
  });
});

describe('loadConfig: outbound settings', () => {
  const keysOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return (error as ConfigError).keys;
    }
    return [];
  };

  it('refuses an SMTP_URL the URL parser cannot read, naming the key and not the value', () => {
    const keys = keysOf({ SMTP_URL: 'smtp://user:pa ss@' });
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^SMTP_URL \(/);
    expect(keys[0]).not.toContain('pa ss');
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.org:465' }).SMTP_URL).toBeDefined();
  });

  it('collects WEBHOOK_SECRET_<NAME> variables by name and refuses malformed names', () => {
    const config = loadConfig({ WEBHOOK_SECRET_CRM: 'one', WEBHOOK_SECRET_REPORT_2: 'two', OTHER: 'x' });
    expect(config.WEBHOOK_SECRETS).toEqual({ CRM: 'one', REPORT_2: 'two' });
    expect(keysOf({ WEBHOOK_SECRET_crm: 'x' })).toEqual([expect.stringMatching(/^WEBHOOK_SECRET_crm \(/)]);
  });

  it('reads the webhook allow-list and refuses entries that are neither hosts, addresses nor ranges', () => {
    expect(
      loadConfig({ WEBHOOK_ALLOWED_TARGETS: 'hooks.intranet, 10.0.0.0/8 ,127.0.0.1' })
        .WEBHOOK_ALLOWED_TARGETS,
    ).toEqual(['hooks.intranet', '10.0.0.0/8', '127.0.0.1']);
    expect(keysOf({ WEBHOOK_ALLOWED_TARGETS: '10.0.0.0/99' })).toEqual([
      expect.stringMatching(/^WEBHOOK_ALLOWED_TARGETS/),
    ]);
  });
});

describe('consoleRequiresLogin', () => {
  it('lets visitors pick a user only on a loopback development instance, unless configured', () => {
    expect(consoleRequiresLogin(loadConfig({}))).toBe(false);
    expect(consoleRequiresLogin(loadConfig({ HOST: '0.0.0.0' }))).toBe(true);
    // Behind a reverse proxy a loopback listener is exposed: production never decides by the bind address.
    const production = { NODE_ENV: 'production', HOST: '127.0.0.1' } as const;
    expect(consoleRequiresLogin({ ...production, CONSOLE_REQUIRE_LOGIN: undefined })).toBe(true);
    expect(consoleRequiresLogin({ ...production, CONSOLE_REQUIRE_LOGIN: false })).toBe(false);
  });
});
describe('Slack configuration', () => {
  const keysOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).keys;
    }
  };
  const secret = 'slack-signing-secret-0123456789';

  it('leaves Slack off without its keys, and names the mode from the keys given', () => {
    expect(slackModeOf(loadConfig({}))).toBe('off');
    expect(slackModeOf(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: secret }))).toBe(
      'single-workspace',
    );
    expect(slackModeOf(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
    expect(
      slackModeOf(
        loadConfig({
          SLACK_CLIENT_ID: '123.456',
          SLACK_CLIENT_SECRET: 'client-secret-0123456789',
          SLACK_STATE_SECRET: 'state-secret-0123456789abcdef0123456789',
          SLACK_SIGNING_SECRET: secret,
        }),
      ),
    ).toBe('oauth');
  });

  it('stops a half configuration, naming the missing keys but never their values', () => {
    expect(keysOf({ SLACK_BOT_TOKEN: 'xoxb-secret-value' })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET \(required/),
    ]);
    expect(keysOf({ SLACK_SIGNING_SECRET: secret })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN \(required/),
    ]);
    expect(keysOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN \(required/),
    ]);
    const oauth = keysOf({ SLACK_CLIENT_SECRET: 'client-secret-0123456789' });
    expect(oauth.map((key) => key.split(' ')[0])).toEqual([
      'SLACK_CLIENT_ID',
      'SLACK_STATE_SECRET',
      'SLACK_SIGNING_SECRET',
    ]);
    expect(keysOf({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: secret })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN \(must be a bot token/),
    ]);
    const all = keysOf({ SLACK_BOT_TOKEN: 'xoxb-secret-value' }).join(' ');
    expect(all).not.toContain('xoxb-secret-value');
  });

  it('refuses OAuth keys beside a bot token or an app token', () => {
    const oauth = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret-0123456789',
      SLACK_STATE_SECRET: 'state-secret-0123456789abcdef0123456789',
      SLACK_SIGNING_SECRET: secret,
    };
    expect(keysOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN \(not with OAuth/),
    ]);
    expect(keysOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      expect.stringMatching(/^SLACK_CLIENT_ID \(not with SLACK_APP_TOKEN/),
    ]);
  });

  it('asks in production which workspaces may install the OAuth app, and checks their ids', () => {
    const oauth = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret-0123456789',
      SLACK_STATE_SECRET: 'state-secret-0123456789abcdef0123456789',
      SLACK_SIGNING_SECRET: secret,
    };
    const production = {
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://db:27017',
      CONSOLE_SESSION_SECRET: 'console-session-secret-0123456789abcdef',
    };
    expect(keysOf({ ...oauth, ...production })).toEqual([
      expect.stringMatching(/^SLACK_ALLOWED_TEAMS \(required with OAuth in production/),
    ]);
    expect(keysOf({ ...oauth, ...production, SLACK_ALLOWED_TEAMS: 'T0123ABCD, E0456EFGH' })).toEqual([]);
    expect(loadConfig({ ...oauth, SLACK_ALLOWED_TEAMS: 'T0123ABCD, E0456EFGH' }).SLACK_ALLOWED_TEAMS).toEqual(
      ['T0123ABCD', 'E0456EFGH'],
    );
    expect(keysOf({ ...oauth, SLACK_ALLOWED_TEAMS: 'workspace-1' })).toEqual([
      expect.stringMatching(/^SLACK_ALLOWED_TEAMS\b.*must be comma-separated Slack team/),
    ]);
  });
});
