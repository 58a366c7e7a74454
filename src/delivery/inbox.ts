import type { ChatView } from '../chat/model.js';

/** A console user's inbox, or a console channel that every user reads. */
export type InboxTarget = { kind: 'user'; userId: string } | { kind: 'channel'; channel: string };

/** One message the bot posted to the web console: kept until its readers mark it read. */
export interface InboxMessage {
  id: string;
  target: InboxTarget;
  purpose: string;
  text: string;
  actionId?: string;
  dedupeKey: string;
  createdAt: Date;
  /** Users who marked it read; a channel message is read per person, so this is a list. */
  acknowledgedBy: string[];
  /** A digest as it was sent (its counts and cards); other notices show their action's current card. */
  views?: ChatView[];
}

/** Where the console's messages are kept (src/store/console-inbox.ts). */
export interface InboxMessages {
  ensureIndexes(): Promise<void>;
  /** Stores the message unless one with its dedupeKey exists; answers the id of the one kept. */
  add(message: InboxMessage): Promise<{ outcome: 'created' | 'already-there'; id: string | undefined }>;
  unreadFor(userId: string, limit: number): Promise<InboxMessage[]>;
  /** False when the message is not the user's to read (or gone). */
  acknowledge(userId: string, id: string): Promise<boolean>;
}
