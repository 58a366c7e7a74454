import { type DestinationStream, type Logger, pino } from 'pino';
import { currentRequestId } from './request-context.js';

export type { Logger } from 'pino';

/**
 * Keys whose values are secrets wherever they appear (two levels deep, which covers log calls like
 * `log.info({ slack: { botToken } })` and HTTP headers).
 */
const secretKeys = [
  'token',
  'botToken',
  'appToken',
  'accessToken',
  'refreshToken',
  'signingSecret',
  'clientSecret',
  'secret',
  'password',
  'authorization',
  'cookie',
  'apiKey',
  'uri',
  'MONGODB_URI',
];

const redactPaths = secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(
  options: { level: string; name?: string },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level,
      name: options.name ?? 'stempel',
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Every line written while handling a request names it, however deep in the use cases it is logged.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

/** Strips credentials from a connection string so it can be logged. */
export function describeUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//[redacted]@');
}
