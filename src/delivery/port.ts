/**
 * The chat delivery port: how the workflow reaches people in chat without knowing which platform (Slack,
 * Teams, the web console) does the talking. The outbox implements it (docs/delivery.md): a send is a
 * queued, deduplicated delivery record, not a network call. Messages are already localised.
 */
import type { PlatformId } from './platform.js';

export type DeliveryPurpose =
  | 'reminder'
  | 'overdue'
  | 'failure'
  | 'rejection'
  | 'process'
  | 'digest'
  | 'escalation';

export interface OutboundMessage {
  purpose: DeliveryPurpose;
  /** Plain text; the action's current card is shown with it when `actionId` is set. */
  text: string;
  actionId?: string;
  /** Makes a repeated send of the same message a no-op: one record per dedupe key and conversation. */
  dedupeKey: string;
}

/** A person (the router picks their platform), or a channel on a named platform. */
export type DeliveryTarget =
  | { kind: 'user'; userId: string }
  | { kind: 'channel'; platform: PlatformId; channel: string };

export type DeliveryResult =
  /** Queued — `ref` is the new delivery record's id — or queued before with the same dedupe key (no `ref`). */
  | { ok: true; ref?: string }
  /** permanent: retrying cannot help (unknown channel, platform not configured, target marked broken). */
  | { ok: false; permanent: boolean; reason: string };

export interface ChatDelivery {
  /** False when no chat surface is configured at all; processes then fail rather than silently do nothing. */
  readonly available: boolean;
  send(target: DeliveryTarget, message: OutboundMessage): Promise<DeliveryResult>;
}

/** The delivery of a service with no chat surface configured. */
export const noChatDelivery: ChatDelivery = {
  available: false,
  send: async () => ({ ok: false, permanent: true, reason: 'no chat platform is configured' }),
};
