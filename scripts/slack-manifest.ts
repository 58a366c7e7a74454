/**
 * Writes the Slack app manifest with the public base URL filled in, ready to paste into
 * api.slack.com/apps → "Create New App" → "From an app manifest":
 *
 *   npm run slack:manifest -- --url https://stempel.example.org [--out slack-manifest.json]
 *   npm run slack:manifest -- --socket-mode [--out slack-manifest.json]
 *
 * The template (manifest/slack/manifest.template.json) holds everything but the URLs and the bot scopes;
 * the scopes come from the Slack adapter, so the app asks for exactly what the code installs with.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppsManifestCreateArguments } from '@slack/web-api';
import { SLACK_BOT_SCOPES } from '../adapters/slack/index.js';

export type SlackManifest = AppsManifestCreateArguments['manifest'];
type BotScopes = NonNullable<NonNullable<SlackManifest['oauth_config']>['scopes']>['bot'];

const TEMPLATE = fileURLToPath(new URL('../manifest/slack/manifest.template.json', import.meta.url));
const BASE_URL = '{{BASE_URL}}';
const SCOPES = '{{SLACK_BOT_SCOPES}}';

export const USAGE = `usage: npm run slack:manifest -- --url <public base URL> [--out <file>]
       npm run slack:manifest -- --socket-mode [--out <file>]

  --url          the HTTPS address Slack reaches Stempel at (e.g. https://stempel.example.org);
                 requests go to <url>/slack/events, OAuth to <url>/slack/oauth_redirect
  --socket-mode  for a server Slack cannot reach: no request URLs, Socket Mode on (SLACK_APP_TOKEN)
  --out          write the manifest to this file instead of standard output`;

/** Bad arguments, with the option at fault named first. */
export class ManifestArgumentError extends Error {}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && host === '::1';
}

/**
 * The base URL Slack's request URLs are built on: absolute, https (http only on a loopback address, for
 * a tunnel in front of a local run), without credentials, query or fragment; no trailing slash.
 */
export function publicBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new ManifestArgumentError(
      `--url: "${input}" is not a URL; give the public base URL, e.g. https://stempel.example.org`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new ManifestArgumentError(
      `--url: must start with https:// (Slack sends requests only to HTTPS; http is allowed for loopback addresses alone), got ${url.protocol}//`,
    );
  if (url.username || url.password)
    throw new ManifestArgumentError('--url: must not contain a user name or password');
  if (url.search || url.hash)
    throw new ManifestArgumentError('--url: must not have a query (?…) or fragment (#…)');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readTemplate(): SlackManifest {
  return JSON.parse(readFileSync(TEMPLATE, 'utf8')) as SlackManifest;
}

function fillUrls(value: unknown, baseUrl: string): unknown {
  if (typeof value === 'string') return value.replaceAll(BASE_URL, baseUrl);
  if (Array.isArray(value)) return value.map((item) => fillUrls(item, baseUrl));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillUrls(item, baseUrl)]));
  return value;
}

/**
 * The manifest for an app whose requests reach `baseUrl`, or, in Socket Mode, for an app without request
 * URLs: Slack then delivers commands, interactions and events over the app's WebSocket instead.
 */
export function slackManifest(options: { baseUrl: string } | { socketMode: true }): SlackManifest {
  const template = readTemplate();
  const scopes: readonly string[] | undefined = template.oauth_config?.scopes?.bot;
  if (scopes?.length !== 1 || scopes[0] !== SCOPES)
    throw new Error(`${TEMPLATE}: oauth_config.scopes.bot must be ["${SCOPES}"], filled in from the adapter`);
  template.oauth_config!.scopes!.bot = [...SLACK_BOT_SCOPES] as BotScopes;
  if ('baseUrl' in options) return fillUrls(template, options.baseUrl) as SlackManifest;
  const { features, oauth_config, settings } = template;
  for (const command of features?.slash_commands ?? []) delete command.url;
  delete oauth_config!.redirect_urls;
  delete settings!.event_subscriptions!.request_url;
  delete settings!.interactivity!.request_url;
  delete settings!.interactivity!.message_menu_options_url;
  settings!.socket_mode_enabled = true;
  return template;
}

export interface ManifestIo {
  out(text: string): void;
  err(text: string): void;
}

/** The command: exit code 0 when the manifest was written, 1 when the file could not be, 2 on wrong usage. */
export function runSlackManifest(argv: string[], io: ManifestIo): number {
  let manifest: SlackManifest;
  let out: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        'socket-mode': { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (values['socket-mode'] && values.url !== undefined)
      throw new ManifestArgumentError('--url: not used with --socket-mode (Socket Mode has no request URLs)');
    if (!values['socket-mode'] && values.url === undefined)
      throw new ManifestArgumentError(
        '--url: required — the public HTTPS base URL Slack sends requests to (or --socket-mode for a server Slack cannot reach)',
      );
    if (values.out === '') throw new ManifestArgumentError('--out: give a file name');
    manifest = values['socket-mode']
      ? slackManifest({ socketMode: true })
      : slackManifest({ baseUrl: publicBaseUrl(values.url!) });
    out = values.out;
  } catch (error) {
    const known = error instanceof ManifestArgumentError;
    const usage =
      error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (!known && !usage) throw error;
    io.err(`slack:manifest: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (out === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  // Written whole or not at all: a half-written manifest would paste as broken JSON.
  const target = resolve(out);
  try {
    writeFileSync(`${target}.tmp`, text, { mode: 0o644 });
    renameSync(`${target}.tmp`, target);
  } catch (error) {
    rmSync(`${target}.tmp`, { force: true });
    io.err(`slack:manifest: --out: cannot write ${target}: ${(error as Error).message}`);
    return 1;
  }
  io.err(`slack:manifest: wrote ${target}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runSlackManifest(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
