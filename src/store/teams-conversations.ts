import type { Collection, Db } from 'mongodb';
import { fromDocument, type Stored } from './documents.js';

/**
 * What Stempel keeps of one Teams conversation so it can write into it later (docs/teams.md): where its
 * Bot Connector lives, who the bot is there, and for a personal chat whose chat it is. Nothing of what was
 * said is stored. Kept in Teams' own terms, but free of the SDK's types.
 */
export interface TeamsConversation {
  /** The conversation id, without the `;messageid=` of a channel thread: new posts go to the channel. */
  id: string;
  serviceUrl: string;
  channelId: string;
  tenantId?: string;
  kind: 'personal' | 'channel' | 'groupChat';
  /** The channel or group chat's name, when Teams sent one. */
  name?: string;
  teamName?: string;
  bot: { id: string; name?: string };
  /** The person of a personal chat: their Teams id (MRI, `29:…`) and Entra object id. */
  user?: { id: string; aadObjectId?: string; name?: string };
  /** False after the app was removed from the conversation; an activity from it sets it again. */
  installed: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type TeamsConversationUpdate = Omit<TeamsConversation, 'createdAt' | 'updatedAt'>;

/** The conversation references of the Teams adapter, one document per conversation. */
export class TeamsConversationStore {
  readonly #conversations: Collection<Stored<TeamsConversation>>;

  constructor(db: Db) {
    this.#conversations = db.collection('teamsConversations');
  }

  async ensureIndexes(): Promise<void> {
    await this.#conversations.createIndexes([
      { key: { 'user.aadObjectId': 1, updatedAt: -1 }, sparse: true },
    ]);
  }

  /**
   * Records the conversation as an activity shows it now. Fields an activity leaves out (a channel's name
   * comes only with some events) keep what an earlier one said; the first sighting sets `createdAt`.
   */
  async remember(conversation: TeamsConversationUpdate, at: Date): Promise<void> {
    const { id, ...fields } = conversation;
    const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    await this.#conversations.updateOne(
      { _id: id },
      {
        $set: { ...present, updatedAt: at },
        $setOnInsert: { createdAt: at },
      },
      { upsert: true },
    );
  }

  async get(id: string): Promise<TeamsConversation | undefined> {
    const doc = await this.#conversations.findOne({ _id: id });
    return doc ? fromDocument<TeamsConversation>(doc) : undefined;
  }

  /** The personal chat of an Entra user with the bot, the most recently active one if there are several. */
  async personalChatOf(aadObjectId: string): Promise<TeamsConversation | undefined> {
    const doc = await this.#conversations.findOne(
      { 'user.aadObjectId': aadObjectId, kind: 'personal', installed: true },
      { sort: { updatedAt: -1 } },
    );
    return doc ? fromDocument<TeamsConversation>(doc) : undefined;
  }
}
