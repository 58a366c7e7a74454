import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

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
