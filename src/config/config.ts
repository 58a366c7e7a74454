import { z } from 'zod';
import { isTimeZone } from '../domain/timing/zones.js';
import { isAllowListEntry } from '../outbound/address-policy.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const millis = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);

/** A comma-separated list: entries trimmed, empty ones dropped. */
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const emailList = commaList
  .transform((entries) => entries.map((entry) => entry.toLowerCase()))
  .pipe(z.array(z.email('must be comma-separated e-mail addresses')));

/** A URL the URL parser accepts, so a typo stops start-up with the key's name instead of failing at the first e-mail. */
function isParsableUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.hostname !== '';
  } catch {
    return false;
  }
}

const placeholderWords = ['changeme', 'change-me', 'example', 'password', 'secret', 'default', 'token'];

/**
 * A bootstrap token is a full-access credential. Long is not enough: `aaaa…` or `changeme-changeme-…`
 * pass a length check but fall to the first guess.
 */
export function isWeakSecret(secret: string): boolean {
  const lower = secret.toLowerCase();
  return new Set(secret).size < 10 || placeholderWords.some((word) => lower.includes(word));
}

/**
 * The whole environment contract of the service. Parsed once at start-up; every later module receives
 * the typed result instead of reading `process.env` itself.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only (max 63)')
    .default('stempel'),
  /** Which database to use when MONGODB_URI is not set: try mongodb-memory-server first, or go embedded. */
  DATABASE_FALLBACK: z.enum(['auto', 'memory-server', 'embedded']).default('auto'),
  /** Where `npm start` keeps mongodb-memory-server data between runs. */
  DATA_DIR: z.string().min(1).default('.data'),
  DEFAULT_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone').default('Europe/Amsterdam'),
  DEFAULT_LOCALE: z.enum(['nl', 'en']).default('nl'),
  SHUTDOWN_GRACE_MS: millis(10_000),
  /** Any HTTP request still unanswered after this long is answered 503 and its work abandoned. */
  HTTP_REQUEST_TIMEOUT_MS: millis(10_000),
  /** Heavy requests (lists, boards) served at once; beyond it 503 with Retry-After. */
  HTTP_MAX_HEAVY_REQUESTS: z.coerce.number().int().min(1).max(1_000).default(8),
  SCHEDULER_PROCESS_EVERY_MS: millis(5_000),
  SCHEDULER_ENABLED: booleanFlag.default(true),
  /** Signs the web console's session cookie. Random per start when unset: sessions end at restart. */
  CONSOLE_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Ask console visitors for an API token; unset means only when HOST is not a loopback address. */
  CONSOLE_REQUIRE_LOGIN: booleanFlag.optional(),
  /** When set, GET /metrics needs it as a bearer token (for a /metrics reachable from outside). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Seed the example workspace into an empty database. Unset: only in development; never in production. */
  SEED_EXAMPLE: booleanFlag.optional(),
  /** E-mail addresses of users who are made administrators at start-up (created when missing). */
  BOOTSTRAP_ADMINS: emailList.default([]),
  /**
   * A secret that becomes an API token with every scope for the first bootstrap admin: a way into a fresh
   * installation that needs no CLI, e.g. for a deployment that provisions its secrets up front.
   */
  BOOTSTRAP_API_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** SMTP server for e-mail actions, e.g. smtps://user:password@mail.example.org:465; without it they are rejected. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .refine(isParsableUrl, 'must be a URL such as smtps://user:password@mail.example.org:465')
    .optional(),
  /** Sender for e-mail templates that name none; must also be an approved sender address. */
  MAIL_DEFAULT_SENDER: z.email('must be an e-mail address').optional(),
  WEBHOOK_TIMEOUT_MS: millis(10_000),
  /**
   * Host names, IP addresses and CIDR ranges webhooks may call although they are loopback, private or
   * link-local (on-premise receivers). Everything not publicly routable is refused otherwise.
   */
  WEBHOOK_ALLOWED_TARGETS: commaList
    .pipe(z.array(z.string().refine(isAllowListEntry, 'must be host names, IP addresses or CIDR ranges')))
    .default([]),
  /** Allow plain http:// webhook targets; unset means allowed except in production. */
  WEBHOOK_ALLOW_HTTP: booleanFlag.optional(),
  /** How often the due-sweep looks for due work. */
  SWEEP_INTERVAL_MS: millis(5_000),
  SWEEP_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
  SWEEP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Sweep jobs that may run at once, each on a different instance; more instances than slots idle. */
  SWEEP_SLOTS: z.coerce.number().int().min(1).max(16).default(2),
  /** One sweep keeps taking batches for at most this long; also bounds how long a crashed sweep blocks. */
  SWEEP_BUDGET_MS: millis(10_000),
  /** Changes and events still unfinished after this long are taken for cut off by a crash and completed. */
  SWEEP_REPAIR_GRACE_MS: millis(30_000),
  /** How long one execution may take before another instance assumes it crashed and takes over. */
  EXECUTION_LEASE_MS: millis(60_000),
  EXECUTION_RETRY_BASE_MS: millis(30_000),
  EXECUTION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),

  // Slack (docs/slack.md): on when its credentials are set; nothing of Slack starts without them.
  /** Verifies that HTTP requests come from Slack (HTTP mode). */
  SLACK_SIGNING_SECRET: z.string().min(16, 'must be the signing secret of the Slack app').optional(),
  /** A bot token for one workspace (single-workspace mode, and Socket Mode). */
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token (xoxb-…)')
    .optional(),
  /** An app-level token with connections:write: Socket Mode instead of public request URLs. */
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token (xapp-…)')
    .optional(),
  /** Multi-workspace OAuth: the app's client id and secret, and a secret that signs the OAuth state. */
  SLACK_CLIENT_ID: z
    .string()
    .regex(/^\d+\.\d+$/, 'must be the client id of the Slack app')
    .optional(),
  SLACK_CLIENT_SECRET: z.string().min(16, 'must be the client secret of the Slack app').optional(),
  SLACK_STATE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * OAuth: the workspaces (T…) and Enterprise Grid organisations (E…) that may install the app; others
   * are refused. Required in production: anyone can install a distributed app, and its members would be
   * linked by the e-mail addresses their own workspace gives them.
   */
  SLACK_ALLOWED_TEAMS: commaList
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[TE][A-Z0-9]{2,}$/, 'must be comma-separated Slack team (T…) or enterprise (E…) ids'),
      ),
    )
    .default([]),
  /** The Web API base; Slack's own unless a proxy (or a test) stands in between. */
  SLACK_API_URL: z.url({ error: 'must be a URL' }).default('https://slack.com/api/'),
  /** How long one Web API call may take. */
  SLACK_TIMEOUT_MS: millis(10_000),

  // Microsoft Teams (docs/teams.md): on when TEAMS_APP_ID is set, or TEAMS_ANONYMOUS outside production.
  /** The bot's Entra ID app registration (SingleTenant): its application (client) id. */
  TEAMS_APP_ID: z.uuid('must be the application (client) id of the bot, a GUID').optional(),
  /** A client secret of that app registration; or use TEAMS_MANAGED_IDENTITY. */
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  /** The Entra ID tenant of the app registration. */
  TEAMS_TENANT_ID: z.uuid('must be the Entra ID tenant id, a GUID').optional(),
  /** Authenticate as the user-assigned managed identity whose client id is TEAMS_APP_ID. */
  TEAMS_MANAGED_IDENTITY: booleanFlag.default(false),
  /** Run Teams without authentication, for the Agents Playground and tests; refused in production. */
  TEAMS_ANONYMOUS: booleanFlag.default(false),
  /** Where Entra ID signs in (default https://login.microsoftonline.com): sovereign clouds, tests. */
  TEAMS_AUTHORITY: z.url('must be a URL').optional(),
  /** The https page about the bot that the Teams app package links to (website, privacy, terms). */
  TEAMS_INFO_URL: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
});

/** The keys the schema parses; the webhook secrets are collected beside it (see loadConfig). */
type ParsedConfig = z.infer<typeof configSchema>;

type ConfigIssueSink = { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void };

/** How Slack is configured, if at all; half a configuration stops start-up naming what is missing. */
export type SlackMode = 'off' | 'single-workspace' | 'oauth' | 'socket';

export function slackModeOf(config: ParsedConfig): SlackMode {
  if (config.SLACK_APP_TOKEN) return 'socket';
  if (config.SLACK_CLIENT_ID) return 'oauth';
  if (config.SLACK_BOT_TOKEN || config.SLACK_SIGNING_SECRET) return 'single-workspace';
  return 'off';
}

function checkSlack(config: ParsedConfig, ctx: ConfigIssueSink): void {
  const missing = (key: keyof ParsedConfig, why: string) => {
    if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: why });
  };
  const oauthKeys = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauth = oauthKeys.some((key) => config[key]);
  // Any OAuth key means OAuth was meant, so the missing ones are named rather than ignored.
  switch (config.SLACK_APP_TOKEN ? 'socket' : oauth ? 'oauth' : slackModeOf(config)) {
    case 'off':
      return;
    case 'socket':
      missing(
        'SLACK_BOT_TOKEN',
        'required with SLACK_APP_TOKEN: Socket Mode serves the one workspace of that bot token',
      );
      if (oauth)
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_CLIENT_ID'],
          message: 'not with SLACK_APP_TOKEN: Socket Mode serves one workspace; OAuth needs the HTTP mode',
        });
      return;
    case 'oauth':
      for (const key of oauthKeys)
        missing(
          key,
          'required for multi-workspace OAuth (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET)',
        );
      missing('SLACK_SIGNING_SECRET', 'required: Slack requests are verified with it');
      if (config.NODE_ENV === 'production' && config.SLACK_ALLOWED_TEAMS.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_ALLOWED_TEAMS'],
          message: 'required with OAuth in production: the workspaces that may install Stempel',
        });
      if (config.SLACK_BOT_TOKEN)
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_BOT_TOKEN'],
          message: 'not with OAuth: each workspace gets its own token when it installs the app',
        });
      return;
    case 'single-workspace':
      missing('SLACK_SIGNING_SECRET', 'required with SLACK_BOT_TOKEN: Slack requests are verified with it');
      missing('SLACK_BOT_TOKEN', 'required with SLACK_SIGNING_SECRET (or set up OAuth with SLACK_CLIENT_ID)');
      return;
  }
}

/** Teams' rules: credentials complete, anonymous only outside production (docs/teams.md). */
function checkTeams(config: ParsedConfig, ctx: ConfigIssueSink): void {
  const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  const production = config.NODE_ENV === 'production';
  if (config.TEAMS_APP_ID) {
    if (!config.TEAMS_TENANT_ID) issue('TEAMS_TENANT_ID', 'required with TEAMS_APP_ID (a SingleTenant bot)');
    if (!config.TEAMS_APP_PASSWORD && !config.TEAMS_MANAGED_IDENTITY)
      issue('TEAMS_APP_PASSWORD', 'required with TEAMS_APP_ID, unless TEAMS_MANAGED_IDENTITY=true');
    if (config.TEAMS_APP_PASSWORD && config.TEAMS_MANAGED_IDENTITY)
      issue('TEAMS_MANAGED_IDENTITY', 'choose either TEAMS_APP_PASSWORD or a managed identity');
    if (config.TEAMS_ANONYMOUS) issue('TEAMS_ANONYMOUS', 'cannot be combined with TEAMS_APP_ID');
  } else {
    for (const key of ['TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID'] as const)
      if (config[key]) issue('TEAMS_APP_ID', `required when ${key} is set`);
    if (config.TEAMS_MANAGED_IDENTITY) issue('TEAMS_APP_ID', 'required when TEAMS_MANAGED_IDENTITY is set');
  }
  if (production && config.TEAMS_ANONYMOUS) {
    issue(
      'TEAMS_ANONYMOUS',
      'not allowed in production: set TEAMS_APP_ID, TEAMS_TENANT_ID and TEAMS_APP_PASSWORD (or TEAMS_MANAGED_IDENTITY)',
    );
  }
  if (production && config.TEAMS_AUTHORITY && !config.TEAMS_AUTHORITY.startsWith('https://')) {
    issue('TEAMS_AUTHORITY', 'must be an https:// URL in production');
  }
}

/** Rules between keys, checked after each key is valid on its own. */
const checkedConfigSchema = configSchema.superRefine((config, ctx) => {
  checkSlack(config, ctx);
  checkTeams(config, ctx);
  if (config.BOOTSTRAP_API_TOKEN && config.BOOTSTRAP_ADMINS.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['BOOTSTRAP_API_TOKEN'],
      message: 'needs BOOTSTRAP_ADMINS: the token acts for the first bootstrap admin',
    });
  }
  if (config.NODE_ENV === 'production' && !config.MONGODB_URI) {
    ctx.addIssue({
      code: 'custom',
      path: ['MONGODB_URI'],
      message: 'required in production: the in-memory fallbacks lose all data on restart',
    });
  }
  if (config.NODE_ENV === 'production' && !config.CONSOLE_SESSION_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['CONSOLE_SESSION_SECRET'],
      message: 'required in production: every instance must sign console sessions with the same secret',
    });
  }
  if (
    config.NODE_ENV === 'production' &&
    config.BOOTSTRAP_API_TOKEN &&
    isWeakSecret(config.BOOTSTRAP_API_TOKEN)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['BOOTSTRAP_API_TOKEN'],
      message: 'too weak for production: use a random secret, e.g. `openssl rand -base64 32`',
    });
  }
});

const SECRET_PREFIX = 'WEBHOOK_SECRET_';
const SECRET_NAME = /^[A-Z][A-Z0-9_]*$/;

export type Config = z.infer<typeof configSchema> & {
  /** Webhook signing secrets by name: WEBHOOK_SECRET_CRM=… is `CRM`, the name templates give in secretRef. */
  WEBHOOK_SECRETS: Readonly<Record<string, string>>;
};

export class ConfigError extends Error {
  constructor(readonly keys: string[]) {
    super(`Invalid configuration: ${keys.join(', ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment. On failure the error names the offending keys and the rule they broke, never
 * their values, because values may be secrets.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = checkedConfigSchema.safeParse(present);
  const secrets: Record<string, string> = {};
  const keys: string[] = [];
  for (const [key, value] of Object.entries(present)) {
    if (!key.startsWith(SECRET_PREFIX)) continue;
    const name = key.slice(SECRET_PREFIX.length);
    if (SECRET_NAME.test(name)) secrets[name] = value as string;
    else keys.push(`${key} (the name after WEBHOOK_SECRET_ must be upper-case letters, digits and _)`);
  }
  if (!parsed.success)
    keys.unshift(...parsed.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`));
  if (keys.length > 0 || !parsed.success) throw new ConfigError([...new Set(keys)]);
  return { ...parsed.data, WEBHOOK_SECRETS: secrets };
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * Whether console visitors must sign in with a token. Unset, only a development instance listening on
 * loopback lets them pick a user: a loopback listener can still be exposed by a reverse proxy, so the bind
 * address alone never decides it in production (and the console refuses proxied requests when picking).
 */
export function consoleRequiresLogin(
  config: Pick<Config, 'CONSOLE_REQUIRE_LOGIN' | 'NODE_ENV' | 'HOST'>,
): boolean {
  return config.CONSOLE_REQUIRE_LOGIN ?? (config.NODE_ENV === 'production' || !isLoopbackHost(config.HOST));
}
