import type { Locale } from '../domain/i18n/locale.js';
import type { Address, MessageRef, PlatformId } from './platform.js';

/**
 * What a message says, kept in neutral terms so it can be rendered when it is sent — and rendered again
 * later, for a posted copy that must follow its action. Notices are already in the reader's language.
 */
export type DeliveryContent =
  | { type: 'notice'; text: string; actionId?: string }
  | { type: 'card'; actionId: string }
  | { type: 'home'; userId: string }
  | { type: 'digest'; subscriptionId: string };

/** Who reads it: one person (their rights decide the buttons) or a channel (everyone, in its locale). */
export interface DeliveryViewer {
  userId?: string;
  locale: Locale;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One outbound chat message on its way: the outbox of docs/delivery.md. */
export interface DeliveryRecord {
  id: string;
  /** Unique: a second enqueue of the same message (a retried use case, a second instance) is a no-op. */
  dedupeKey: string;
  purpose: string;
  address: Address;
  content: DeliveryContent;
  viewer: DeliveryViewer;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  /** Held while one worker sends it; a crashed worker's claim lapses and another sends it. */
  leaseUntil?: Date;
  lastError?: string;
  ref?: MessageRef;
  createdAt: Date;
  sentAt?: Date;
  /** Kept for admins to look back on, then dropped by the database. */
  expiresAt: Date;
}

/** A conversation messages go into: paced, and marked broken when the platform refuses it for good. */
export interface DeliveryTarget {
  id: string;
  platform: PlatformId;
  label: string;
  /** The next moment a message may go into this conversation (pacing and Retry-After, across instances). */
  nextSendAt: Date;
  broken?: { reason: string; at: Date };
  lastError?: { reason: string; at: Date };
  sent: number;
  failed: number;
}

/**
 * A posted message that must follow what it shows: an action card, a notice with its card, an App Home,
 * a digest. When an action changes, every copy showing it is marked dirty and rendered again.
 */
export interface LiveCopy {
  id: string;
  kind: 'notice' | 'card' | 'home' | 'digest';
  address: Address;
  ref: MessageRef;
  content: DeliveryContent;
  viewer: DeliveryViewer;
  /** The actions it shows; a change to any of them makes it dirty. */
  actionIds: string[];
  /** The version of each action as last rendered, to find copies a lost change left behind. */
  versions: Record<string, number>;
  /** For App Homes: whose actions it lists. */
  homeUserId?: string;
  /** Nothing shown can change any more (every action final): no further updates. */
  final: boolean;
  dirty: boolean;
  /** When a dirty copy is due: a short delay after the first change, so bursts coalesce into one edit. */
  dirtyAt?: Date;
  leaseUntil?: Date;
  attempts: number;
  gone?: { reason: string; at: Date };
  createdAt: Date;
  renderedAt: Date;
  expiresAt?: Date;
}
