import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookAnswer, WebhookCall, WebhookSender } from '../workflow/processes/index.js';
import type { AddressPolicy } from './address-policy.js';

class RefusedAddress extends Error {
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, which webhooks may not call (see WEBHOOK_ALLOWED_TARGETS)`);
    this.name = 'RefusedAddress';
  }
}

/**
 * Resolves like the system does, then refuses the connection when an address is not allowed. Checking
 * here, at connect time, is what defeats DNS rebinding: a name that resolved to a public address when the
 * template was saved can resolve to 127.0.0.1 when the call is made.
 */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refused = addresses.find((entry) => !policy.permits(hostname, entry.address));
      if (refused) {
        callback(new RefusedAddress(hostname, refused.address), '', 0);
        return;
      }
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The outbound HTTP port of the webhook process, on node:http(s) so that every connection goes through
 * the address policy. Redirects are not followed: a receiver answering 3xx gets a failed action, not a
 * call to wherever it points.
 */
export function createWebhookClient(options: { policy: AddressPolicy; timeoutMs: number }): WebhookSender {
  const { policy, timeoutMs } = options;
  return {
    refusal(url) {
      if (policy.requireHttps && new URL(url).protocol !== 'https:')
        return 'webhooks must use https:// in production (WEBHOOK_ALLOW_HTTP=true allows http://)';
      return undefined;
    },
    post(call: WebhookCall): Promise<WebhookAnswer> {
      const url = new URL(call.url);
      const hostname = url.hostname.replace(/^\[|\]$/g, '');
      // A literal address is connected to without a lookup, so it is checked here instead.
      if (isIP(hostname) && !policy.permits(hostname, hostname)) {
        return Promise.resolve({
          ok: false,
          code: 'webhook.address-refused',
          message: new RefusedAddress(hostname, hostname).message,
          retryable: false,
        });
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve) => {
        let settled = false;
        const settle = (answer: WebhookAnswer) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(answer);
        };
        const request = send(url, {
          method: 'POST',
          headers: { ...call.headers, 'content-length': String(Buffer.byteLength(call.body)) },
          lookup: guardedLookup(policy),
        });
        // The whole call is bounded, not only each silence on the socket: a receiver dripping bytes counts too.
        const timer = setTimeout(() => {
          settle({
            ok: false,
            code: 'webhook.timeout',
            message: `${call.url} did not answer in time`,
            retryable: true,
          });
          request.destroy();
        }, timeoutMs);
        request.on('response', (response) => {
          response.resume();
          settle({ ok: true, status: response.statusCode ?? 0 });
        });
        request.on('error', (error) => {
          const refused = error instanceof RefusedAddress;
          settle({
            ok: false,
            code: refused ? 'webhook.address-refused' : 'webhook.network-error',
            message: error.message,
            retryable: !refused,
          });
        });
        request.end(call.body);
      });
    },
  };
}
