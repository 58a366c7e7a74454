import { createHmac } from 'node:crypto';
import type { Process } from '../../domain/templates/index.js';
import { failure, type ProcessHandler, type ProcessInput, rejected } from './types.js';

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
 * `<timestamp>.<body>` when a secret is named. The action id travels as Idempotency-Key, so a receiver
 * can tell a retry from a new call. 2xx is done; 4xx fails; 5xx, timeouts and network errors are retried.
 */
export const webhook: ProcessHandler<WebhookProcess> = async (input, process) => {
  const secret = process.secretRef ? input.ports.secret(process.secretRef) : undefined;
  if (process.secretRef && !secret) {
    return rejected('webhook.secret-missing', `The secret ${process.secretRef} is not configured`, {
      secretRef: process.secretRef,
    });
  }
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
      try {
        const response = await fetch(process.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(input.ports.webhookTimeoutMs),
          redirect: 'error',
        });
        await response.body?.cancel();
        if (response.ok)
          return {
            status: 'done',
            summary: `webhook answered ${response.status}`,
            details: { status: response.status },
          };
        return {
          status: 'failed',
          code: 'webhook.http-error',
          error: `${process.url} answered ${response.status}`,
          retryable: response.status >= 500 || response.status === 429,
        };
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        return failure(
          timedOut ? new Error(`${process.url} did not answer in time`) : error,
          timedOut ? 'webhook.timeout' : 'webhook.network-error',
          true,
        );
      }
    },
  };
};
