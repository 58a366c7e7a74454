import type { Collection, Db } from 'mongodb';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from '../domain/workspace.js';

export { type WorkspaceSettings, WorkspaceSettingsSchema } from '../domain/workspace.js';

interface SettingsDoc {
  _id: 'workspace';
  settings: WorkspaceSettings;
  version: number;
  updatedAt: Date;
}

export class SettingsStore {
  readonly #settings: Collection<SettingsDoc>;

  constructor(db: Db) {
    this.#settings = db.collection<SettingsDoc>('settings');
  }

  async get(): Promise<{ settings: WorkspaceSettings; version: number } | undefined> {
    const doc = await this.#settings.findOne({ _id: 'workspace' });
    // Settings stored by an earlier version lack later fields: their defaults apply.
    return doc ? { settings: WorkspaceSettingsSchema.parse(doc.settings), version: doc.version } : undefined;
  }

  /** Writes the settings if they are still at `expectedVersion` (0 = not yet stored). */
  async save(settings: WorkspaceSettings, expectedVersion: number, now: Date): Promise<boolean> {
    if (expectedVersion === 0) {
      const result = await this.#settings.updateOne(
        { _id: 'workspace' },
        { $setOnInsert: { settings, version: 1, updatedAt: now } },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    }
    const result = await this.#settings.updateOne(
      { _id: 'workspace', version: expectedVersion },
      { $set: { settings, updatedAt: now }, $inc: { version: 1 } },
    );
    return result.matchedCount === 1;
  }
}
