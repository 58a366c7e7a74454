import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../../src/observability/logger.js';

/**
 * Bolt and the Web API client log through this, into the service's pino logger (JSON, secrets redacted).
 * Bolt's own level setting is ignored: the service's LOG_LEVEL decides.
 */
export function slackLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  return {
    debug: (...messages: unknown[]) => child.debug(messages.map(String).join(' ')),
    info: (...messages: unknown[]) => child.info(messages.map(String).join(' ')),
    warn: (...messages: unknown[]) => child.warn(messages.map(String).join(' ')),
    error: (...messages: unknown[]) => child.error(messages.map(String).join(' ')),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
