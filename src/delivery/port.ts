/**
 * The chat delivery port: how the workflow reaches people in chat without knowing which platform (Slack,
 * Teams, the web console) does the talking. Adapters implement it; messages are already localised.
 */
export type DeliveryPurpose = 'reminder' | 'overdue' | 'failure' | 'rejection' | 'process' | 'digest';

export interface OutboundMessage {
  purpose: DeliveryPurpose;
  /** Plain text; renderers may show it with the action's card when `actionId` is set. */
  text: string;
  actionId?: string;
  /** Makes a retried send of the same message a no-op on the receiving side. */
  dedupeKey: string;
}

export type DeliveryTarget = { kind: 'user'; userId: string } | { kind: 'channel'; channel: string };

export type DeliveryResult =
  | { ok: true; ref?: string }
  /** permanent: retrying cannot help (unknown channel, bot not in channel, user without chat identity). */
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
