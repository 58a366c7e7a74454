import type { Collection, Db } from 'mongodb';
import type {
  TeamsConversation,
  TeamsConversations,
  TeamsConversationUpdate,
} from '../delivery/conversations.js';
import { fromDocument, type Stored } from './documents.js';

export type { TeamsConversation, TeamsConversationUpdate } from '../delivery/conversations.js';

/** The conversation references of the Teams adapter, one document per conversation. */
export class TeamsConversationStore implements TeamsConversations {
  readonly #conversations: Collection<Stored<TeamsConversation>>;

  constructor(db: Db) {
    this.#conversations = db.collection('teamsConversations');
  }

  async ensureIndexes(): Promise<void> {
    await this.#conversations.createIndexes([
      { key: { 'user.aadObjectId': 1, updatedAt: -1 }, sparse: true },
      { key: { teamId: 1 }, sparse: true },
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

  async channelsOfTeam(teamId: string): Promise<string[]> {
    const docs = await this.#conversations
      .find({ teamId, kind: 'channel' }, { projection: { _id: 1 } })
      .toArray();
    return docs.map((doc) => doc._id);
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
