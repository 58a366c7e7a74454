import type { Collection, Db } from 'mongodb';
import {
  installationKey,
  type SlackInstallations,
  type StoredInstallation,
} from '../delivery/installations.js';

export { installationKey, type StoredInstallation } from '../delivery/installations.js';

export class SlackInstallationStore implements SlackInstallations {
  readonly #installations: Collection<StoredInstallation>;

  constructor(db: Db) {
    this.#installations = db.collection<StoredInstallation>('slackInstallations');
  }

  /** A reinstall replaces the installation and keeps the workspaces an org-wide install is known to serve. */
  async save(entry: Omit<StoredInstallation, '_id'>): Promise<void> {
    const _id = installationKey(entry);
    await this.#installations.updateOne({ _id }, { $set: entry }, { upsert: true });
  }

  async find(key: string): Promise<StoredInstallation | undefined> {
    return (await this.#installations.findOne({ _id: key })) ?? undefined;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.#installations.deleteOne({ _id: key })).deletedCount === 1;
  }

  async list(): Promise<StoredInstallation[]> {
    return this.#installations.find({}, { sort: { _id: 1 } }).toArray();
  }

  async addTeam(key: string, teamId: string): Promise<void> {
    await this.#installations.updateOne(
      { _id: key, isEnterpriseInstall: true },
      { $addToSet: { teamIds: teamId } },
    );
  }

  async findOrgWide(teamId: string): Promise<StoredInstallation | undefined> {
    return (await this.#installations.findOne({ isEnterpriseInstall: true, teamIds: teamId })) ?? undefined;
  }
}
