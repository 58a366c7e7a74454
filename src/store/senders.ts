import type { Collection, Db } from 'mongodb';
import { fromDocument, type Stored, toDocument, writeUnlessTaken } from './documents.js';

/** An address e-mail actions may send from; only approved ones can be used by templates. */
export interface SenderAddress {
  id: string;
  address: string;
  displayName: string;
  approved: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export class SenderStore {
  readonly #senders: Collection<Stored<SenderAddress>>;

  constructor(db: Db) {
    this.#senders = db.collection<Stored<SenderAddress>>('senderAddresses');
  }

  async ensureIndexes(): Promise<void> {
    await this.#senders.createIndexes([{ key: { address: 1 }, unique: true }]);
  }

  async list(): Promise<SenderAddress[]> {
    const docs = await this.#senders.find({}, { sort: { address: 1 } }).toArray();
    return docs.map((doc) => fromDocument<SenderAddress>(doc));
  }

  async approvedAddresses(): Promise<string[]> {
    const docs = await this.#senders.find({ approved: true }, { projection: { address: 1 } }).toArray();
    return docs.map((doc) => doc.address);
  }

  async get(id: string): Promise<SenderAddress | undefined> {
    const doc = await this.#senders.findOne({ _id: id });
    return doc ? fromDocument<SenderAddress>(doc) : undefined;
  }

  async insert(sender: SenderAddress): Promise<'created' | 'address-taken'> {
    const written = await writeUnlessTaken(() =>
      this.#senders.insertOne(toDocument({ ...sender, address: sender.address.toLowerCase() })),
    );
    return written === 'written' ? 'created' : 'address-taken';
  }

  async replace(sender: SenderAddress): Promise<boolean> {
    const result = await this.#senders.replaceOne({ _id: sender.id }, toDocument(sender));
    return result.matchedCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.#senders.deleteOne({ _id: id })).deletedCount === 1;
  }
}
