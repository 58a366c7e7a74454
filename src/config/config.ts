import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const millis = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);

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
  SCHEDULER_PROCESS_EVERY_MS: millis(5_000),
  SCHEDULER_ENABLED: booleanFlag.default(true),
});

export type Config = z.infer<typeof configSchema>;

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
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const keys = parsed.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`);
  throw new ConfigError([...new Set(keys)]);
}
