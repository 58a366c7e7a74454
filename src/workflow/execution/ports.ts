import type { Config } from '../../config/config.js';
import type { ChatDelivery } from '../../delivery/port.js';
import { createSmtpMailer } from '../../outbound/smtp-mailer.js';
import type { ExecutionPorts } from './execute-action.js';

/**
 * Webhook secrets live in the environment as WEBHOOK_SECRET_<NAME>; templates refer to them by that name.
 * Only this prefix is readable, so a template cannot sign with (and so probe) any other variable.
 */
function webhookSecret(env: Record<string, string | undefined>) {
  return (name: string) => (name.startsWith('WEBHOOK_SECRET') ? env[name] || undefined : undefined);
}

export function executionPortsFromConfig(
  config: Config,
  chat: ChatDelivery,
  env: Record<string, string | undefined> = process.env,
): ExecutionPorts {
  return {
    processes: {
      mailer: config.SMTP_URL ? createSmtpMailer(config.SMTP_URL) : undefined,
      chat,
      secret: webhookSecret(env),
      webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
      defaultSender: config.MAIL_DEFAULT_SENDER,
    },
    settings: {
      leaseMs: config.EXECUTION_LEASE_MS,
      retryBaseMs: config.EXECUTION_RETRY_BASE_MS,
      maxAttempts: config.EXECUTION_MAX_ATTEMPTS,
    },
  };
}
