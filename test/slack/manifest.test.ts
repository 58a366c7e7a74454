import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../adapters/slack/index.js';
import { publicBaseUrl, runSlackManifest, slackManifest } from '../../scripts/slack-manifest.js';

const run = promisify(execFile);
const BASE = 'https://stempel.example.org';
const directory = await mkdtemp(join(tmpdir(), 'stempel-manifest-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSlackManifest(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every string in the manifest whose key names a URL, wherever it sits. */
function urls(value: unknown, key = ''): Array<[string, string]> {
  if (typeof value === 'string') return /url/.test(key) ? [[key, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item) => urls(item, key));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([name, item]) => urls(item, name));
  return [];
}

describe('the Slack app manifest', () => {
  const manifest = slackManifest({ baseUrl: BASE });

  it('sends commands, interactivity, options and events to <base>/slack/events, OAuth to /slack/oauth_redirect', () => {
    expect(urls(manifest).sort()).toEqual(
      [
        ['url', `${BASE}/slack/events`],
        ['url', `${BASE}/slack/events`],
        ['redirect_urls', `${BASE}/slack/oauth_redirect`],
        ['request_url', `${BASE}/slack/events`],
        ['request_url', `${BASE}/slack/events`],
        ['message_menu_options_url', `${BASE}/slack/events`],
      ].sort(),
    );
    expect(manifest.settings?.interactivity).toEqual({
      is_enabled: true,
      request_url: `${BASE}/slack/events`,
      message_menu_options_url: `${BASE}/slack/events`,
    });
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('asks for exactly the adapter’s bot scopes and subscribes to the events it handles', () => {
    expect(manifest.oauth_config?.scopes?.bot).toEqual([
      'commands',
      'chat:write',
      'users:read',
      'users:read.email',
    ]);
    expect(manifest.oauth_config?.scopes?.bot).toEqual(SLACK_BOT_SCOPES);
    expect(manifest.oauth_config?.scopes?.user).toBeUndefined();
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'tokens_revoked',
    ]);
  });

  it('has /actie and /action with usage hints in their language, App Home, and Socket Mode off', () => {
    const commands = manifest.features?.slash_commands ?? [];
    expect(commands.map((command) => command.command)).toEqual(['/actie', '/action']);
    expect(commands[0]).toMatchObject({ usage_hint: expect.stringContaining('mijn'), should_escape: false });
    expect(commands[1]).toMatchObject({ usage_hint: expect.stringContaining('mine'), should_escape: false });
    expect(manifest.features?.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.features?.bot_user?.display_name).toBe('stempel');
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
  });

  it('stays within the lengths Slack accepts', () => {
    const info = manifest.display_information;
    expect([...info.name].length).toBeLessThanOrEqual(35);
    expect([...(info.description ?? '')].length).toBeLessThanOrEqual(140);
    expect([...(info.long_description ?? '')].length).toBeGreaterThanOrEqual(174);
    expect([...(info.long_description ?? '')].length).toBeLessThanOrEqual(4_000);
    expect(info.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.features?.bot_user?.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    for (const command of manifest.features?.slash_commands ?? []) {
      expect(command.command).toMatch(/^\/[a-z]{1,31}$/);
      expect([...command.description].length).toBeLessThanOrEqual(2_000);
      expect([...(command.usage_hint ?? '')].length).toBeLessThanOrEqual(1_000);
    }
  });

  it('in Socket Mode has no request URL at all and switches Socket Mode on', () => {
    const socket = slackManifest({ socketMode: true });
    expect(urls(socket)).toEqual([]);
    expect(socket.settings?.socket_mode_enabled).toBe(true);
    expect(socket.settings?.interactivity).toEqual({ is_enabled: true });
    expect(socket.settings?.event_subscriptions?.bot_events).toEqual(
      manifest.settings?.event_subscriptions?.bot_events,
    );
    expect(socket.features?.slash_commands?.map((command) => command.command)).toEqual(['/actie', '/action']);
    expect(socket.oauth_config?.scopes?.bot).toEqual(SLACK_BOT_SCOPES);
  });
});

describe('the base URL', () => {
  it('is kept with its path and without a trailing slash', () => {
    expect(publicBaseUrl('https://stempel.example.org/')).toBe(BASE);
    expect(publicBaseUrl('https://example.org:8443/stempel/')).toBe('https://example.org:8443/stempel');
    expect(
      slackManifest({ baseUrl: publicBaseUrl('https://example.org/stempel/') }).oauth_config?.redirect_urls,
    ).toEqual(['https://example.org/stempel/slack/oauth_redirect']);
  });

  it('may be plain http on a loopback address only', () => {
    for (const local of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])
      expect(publicBaseUrl(local)).toBe(local);
    expect(() => publicBaseUrl('http://stempel.example.org')).toThrow(/^--url: must start with https:\/\//);
    expect(() => publicBaseUrl('http://10.0.0.5')).toThrow(/^--url: must start with https:\/\//);
  });

  it('is refused, naming --url, when it is no URL or carries what Slack cannot use', () => {
    expect(() => publicBaseUrl('stempel.example.org')).toThrow(/^--url: "stempel.example.org" is not a URL/);
    expect(() => publicBaseUrl('ftp://stempel.example.org')).toThrow(/^--url: must start with https/);
    expect(() => publicBaseUrl('https://user:secret@stempel.example.org')).toThrow(
      /^--url: must not contain a user/,
    );
    expect(() => publicBaseUrl('https://stempel.example.org/?a=1')).toThrow(/^--url: must not have a query/);
  });
});

describe('npm run slack:manifest', () => {
  it('prints the manifest to standard output by default', () => {
    const result = capture(['--url', BASE]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual(slackManifest({ baseUrl: BASE }));
  });

  it('writes it whole to --out', async () => {
    const file = join(directory, 'manifest.json');
    const result = capture(['--socket-mode', '--out', file]);
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(slackManifest({ socketMode: true }));
    const missing = join(directory, 'no-such-directory', 'manifest.json');
    const refused = capture(['--url', BASE, '--out', missing]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^slack:manifest: --out: cannot write .*no-such-directory/);
    expect(await readdir(directory)).toEqual(['manifest.json']);
  });

  it('refuses wrong usage with exit code 2 and a message naming the option', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /^slack:manifest: --url: required/],
      [['--url', 'http://stempel.example.org'], /^slack:manifest: --url: must start with https/],
      [['--url', 'nonsense'], /^slack:manifest: --url: "nonsense" is not a URL/],
      [['--socket-mode', '--url', BASE], /^slack:manifest: --url: not used with --socket-mode/],
      [['--url'], /--url/],
      [['--url', BASE, '--out', ''], /^slack:manifest: --out/],
      [['--port', '3000'], /--port/],
    ];
    for (const [argv, message] of cases) {
      const result = capture(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(message);
      expect(result.err).toContain('usage: npm run slack:manifest');
      expect(result.out).toBe('');
    }
  });

  it('runs from package.json, and fails with a clear word on a bad --url', async () => {
    const done = await run('npm', ['run', '--silent', 'slack:manifest', '--', '--url', `${BASE}/`], {
      cwd: process.cwd(),
    });
    expect(JSON.parse(done.stdout).settings.event_subscriptions.request_url).toBe(`${BASE}/slack/events`);
    const failed = await run('node', [
      '--import',
      'tsx',
      'scripts/slack-manifest.ts',
      '--url',
      'http://example.org',
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/^slack:manifest: --url: must start with https/);
    expect(failed?.stdout).toBe('');
  });
});
