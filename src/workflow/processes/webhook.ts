import { createHmac } from 'node:crypto';
import { type Process, webhookSecretName } from '../../domain/templates/index.js';
import { done, type ProcessHandler, type ProcessInput, rejected } from './types.js';

type WebhookProcess = Extract<Process, { type: 'webhook' }>;

function payloadOf({ action, context, attempt }: ProcessInput) {
  return {
    event: 'action.executed',
    attempt,
    action: {
      id: action.id,
      number: action.number,
      name: action.name,
      templateKey: action.templateKey,
      record: action.record,
      ownerUserId: action.ownerUserId,
      start: action.start,
      end: action.end,
    },
    record: context.records,
  };
}

/** The preview shows the shape of what is sent without personal data such as e-mail addresses. */
function redacted(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value).replace(/"[^"@\s]+@[^"@\s]+\.[^"@\s]+"/g, '"[redacted e-mail]"'),
  ) as unknown;
}

/**
 * Webhook (docs/domain.md §5): the action and its record as JSON, signed with HMAC-SHA256 over
 * `<timestamp>.<body>` (lower-case hex) when a secret is named. The action id travels as Idempotency-Key,
 * so a receiver can tell a retry from a new call. 2xx is done; 3xx and 4xx fail; 5xx, 429, timeouts and
 * network errors are retried; a target the address policy refuses fails for good.
 */
export const webhook: ProcessHandler<WebhookProcess> = async (input, process) => {
  const { webhooks } = input.ports;
  const secret = process.secretRef ? input.ports.secret(webhookSecretName(process.secretRef)) : undefined;
  if (process.secretRef && !secret) {
    return rejected('webhook.secret-missing', `The secret ${process.secretRef} is not configured`, {
      secretRef: process.secretRef,
    });
  }
  const refusal = webhooks.refusal(process.url);
  if (refusal) return rejected('webhook.target-refused', refusal, { url: process.url });
  const payload = payloadOf(input);
  const body = JSON.stringify(payload);
  return {
    ok: true,
    preview: { type: 'webhook', url: process.url, signed: Boolean(secret), body: redacted(payload) },
    run: async () => {
      const timestamp = String(Math.floor(input.deps.clock().getTime() / 1000));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'Stempel-Webhook/1',
        'idempotency-key': input.action.id,
        'x-stempel-timestamp': timestamp,
      };
      if (secret) {
        headers['x-stempel-signature'] =
          `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
      }
      const answer = await webhooks.post({ url: process.url, headers, body });
      if (!answer.ok)
        return { status: 'failed', code: answer.code, error: answer.message, retryable: answer.retryable };
      if (answer.status >= 200 && answer.status < 300) {
        return done(
          `webhook answered ${answer.status}`,
          'webhook.answered',
          { status: answer.status },
          { status: answer.status },
        );
      }
      return {
        status: 'failed',
        code: 'webhook.http-error',
        error: `${process.url} answered ${answer.status}`,
        retryable: answer.status >= 500 || answer.status === 429,
        params: { status: answer.status },
      };
    },
  };
};
