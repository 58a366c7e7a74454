import type { DeliveryPurpose, DeliveryTarget } from './port.js';

/** One message the bot "sent" to the web console: kept until its readers mark it read. */
export interface InboxMessage {
  id: string;
  target: DeliveryTarget;
  purpose: DeliveryPurpose;
  text: string;
  actionId?: string;
  dedupeKey: string;
  createdAt: Date;
  /** Users who marked it read; a channel message is read per person, so this is a list. */
  acknowledgedBy: string[];
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
