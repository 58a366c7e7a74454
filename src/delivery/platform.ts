import type { ChatView } from '../chat/model.js';
import type { Locale } from '../domain/i18n/locale.js';
import type { ChatPlatformId } from '../domain/templates/process.js';
import type { ChatIdentity } from '../store/users.js';

/**
 * A chat platform as the delivery core sees it (docs/delivery.md). Slack, Teams and the web console each
 * implement it in their adapter folder; the core does the rest — the outbox, routing, pacing, retries,
 * broken targets and keeping posted cards current — once for all of them.
 */
export type PlatformId = ChatPlatformId;

/**
 * Where a message goes on one platform: a channel, a conversation, or one person's direct chat.
 * `key` identifies the conversation across instances (pacing and broken marks are kept per key), e.g.
 * `slack:T012:C345`, `teams:19:abc@thread.tacv2`, `console:user:usr_1`. `data` is the platform's own,
 * opaque to the core (Slack: team and channel; Teams: conversation id and service URL).
 */
export interface Address {
  platform: PlatformId;
  key: string;
  /** A name for admins: "#planning", "DM Ans", "Teams: Planning / General". */
  label: string;
  data: Readonly<Record<string, string>>;
}

/** What to show: neutral views, already in the reader's language, laid out by the platform's renderer. */
export interface OutgoingMessage {
  locale: Locale;
  views: ChatView[];
  /** What kind of message this is, for platforms that show them differently. */
  kind: 'notice' | 'card' | 'home' | 'digest';
  /** Why it is sent ('reminder', 'failure', 'process', …), for platforms that file messages by it. */
  purpose: string;
  /**
   * The delivery's dedupe key. A platform that can remember it (the console's unique index, Slack message
   * metadata) makes a send repeated after a crash land once.
   */
  dedupeKey: string;
}

/** A posted message as its platform knows it (Slack: channel and ts; Teams: activity id). */
export type MessageRef = Readonly<Record<string, string>>;

export type PlatformOutcome =
  | { ok: true; ref: MessageRef }
  /** Try again later: rate limits (with the platform's Retry-After), timeouts, 5xx. */
  | { ok: false; kind: 'retry'; reason: string; retryAfterMs?: number }
  /**
   * Retrying cannot help. `targetBroken`: the conversation itself is unusable (channel not found, bot not
   * in channel, archived, account inactive, 403) — later messages to it are not attempted until an admin
   * clears the mark. Otherwise only this message is refused (e.g. too large).
   */
  | { ok: false; kind: 'permanent'; reason: string; targetBroken: boolean };

/** A person as platforms need them: who they are here, and their name for admins. */
export interface ChatPerson {
  id: string;
  name: string;
  chatIdentities: readonly ChatIdentity[];
}

export interface ChatPlatform {
  readonly id: PlatformId;
  /** The least time between two messages into one conversation (Slack: about one per second). */
  readonly pacingMs: number;
  /** Whether posted messages can be edited later. The console renders cards live, so it needs no edits. */
  readonly editable: boolean;
  /** A person's direct conversation here, from their linked identities; undefined without one. */
  directAddress(person: ChatPerson): Promise<Address | undefined>;
  /**
   * A channel as templates, subscriptions and escalation settings name it (`C012AB3CD` or `#planning` in
   * Slack, a conversation id in Teams, a channel name in the console); undefined when it cannot be one.
   */
  channelAddress(channel: string): Promise<Address | undefined>;
  post(address: Address, message: OutgoingMessage): Promise<PlatformOutcome>;
  /** Replaces a message posted earlier (a card after its action changed, an App Home, a digest). */
  update(address: Address, ref: MessageRef, message: OutgoingMessage): Promise<PlatformOutcome>;
}
