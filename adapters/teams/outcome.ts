import { HttpError } from '@microsoft/agents-hosting';
import type { PlatformOutcome } from '../../src/delivery/platform.js';

/** The SDK's error code when a service URL is outside the allowed hosts (OutboundServiceUrlNotAllowed). */
const OUTBOUND_HOST_REFUSED = -120175;

/** Throttled, in conflict (412: edited at the same moment), or the service briefly down: try again. */
const retryStatuses = new Set([412, 429, 500, 502, 503, 504]);

/** `Retry-After` as seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function errorCodeOf(error: HttpError): string | undefined {
  const data = error.response.data as { error?: { code?: unknown } } | undefined;
  return typeof data?.error?.code === 'string' ? data.error.code : undefined;
}

/**
 * What a failed send or edit means for the delivery core (docs/teams.md): rate limits and outages are
 * retried, honouring Retry-After; 403 (the app was removed or blocked) and a conversation that no longer
 * exists break the target, so admins see it; a refused message (too large, malformed) fails alone.
 */
export function outcomeOfError(error: unknown, operation: 'post' | 'update', now: Date): PlatformOutcome {
  if ((error as { code?: unknown } | undefined)?.code === OUTBOUND_HOST_REFUSED) {
    // A stored service URL outside the Bot Connector's hosts never becomes allowed by waiting.
    return {
      ok: false,
      kind: 'permanent',
      reason: 'the conversation’s service URL is not a Teams host',
      targetBroken: true,
    };
  }
  if (!(error instanceof HttpError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: 'retry', reason: `Teams could not be reached: ${reason}` };
  }
  const status = error.status;
  const code = errorCodeOf(error);
  const described = `Teams answered ${status}${code ? ` ${code}` : ''}`;
  if (retryStatuses.has(status) || status === 401) {
    const wait = retryAfterMs(error.response.headers?.get('retry-after'), now);
    return {
      ok: false,
      kind: 'retry',
      reason: described,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    };
  }
  if (status === 403) {
    return {
      ok: false,
      kind: 'permanent',
      reason: `${described}: the app was removed or blocked`,
      targetBroken: true,
    };
  }
  if (status === 404 && (operation === 'post' || code === 'ConversationNotFound')) {
    return {
      ok: false,
      kind: 'permanent',
      reason: `${described}: conversation not found`,
      targetBroken: true,
    };
  }
  return { ok: false, kind: 'permanent', reason: described, targetBroken: false };
}
