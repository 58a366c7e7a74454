import type { Config } from './config/config.js';
import type { ChatDelivery } from './delivery/port.js';
import { addressPolicy } from './outbound/address-policy.js';
import { createSmtpMailer } from './outbound/smtp-mailer.js';
import { createWebhookClient } from './outbound/webhook-client.js';
import type { ExecutionPorts } from './workflow/execution/execute-action.js';

/**
 * The outside world of processes, built from the configuration in the composition root: the use cases
 * receive ports and never read the configuration, the environment or an adapter themselves.
 */
export function executionPortsFromConfig(config: Config, chat: ChatDelivery): ExecutionPorts {
  const secrets = new Map(Object.entries(config.WEBHOOK_SECRETS));
  return {
    processes: {
      mailer: config.SMTP_URL ? createSmtpMailer(config.SMTP_URL) : undefined,
      chat,
      // Only the configured WEBHOOK_SECRET_<NAME> variables are readable, so a template cannot probe others.
      secret: (name) => secrets.get(name),
      webhooks: createWebhookClient({
        policy: addressPolicy({
          allowed: config.WEBHOOK_ALLOWED_TARGETS,
          requireHttps: !(config.WEBHOOK_ALLOW_HTTP ?? config.NODE_ENV !== 'production'),
        }),
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      }),
      defaultSender: config.MAIL_DEFAULT_SENDER,
    },
    settings: {
      leaseMs: config.EXECUTION_LEASE_MS,
      retryBaseMs: config.EXECUTION_RETRY_BASE_MS,
      maxAttempts: config.EXECUTION_MAX_ATTEMPTS,
    },
  };
}
