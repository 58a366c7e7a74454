import type { Collection, Db } from 'mongodb';

/**
 * Slack app installations (multi-workspace OAuth), one per workspace or, for org-wide installs, per
 * Enterprise Grid organisation. Stored as Slack's installer hands them over; tokens are secrets and
 * appear in no log or API answer.
 */
export interface StoredInstallation {
  _id: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  installation: Record<string, unknown>;
  installedAt: Date;
}

export function installationKey(query: {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}) {
  return query.isEnterpriseInstall ? `E:${query.enterpriseId ?? ''}` : `T:${query.teamId ?? ''}`;
}

export class SlackInstallationStore {
  readonly #installations: Collection<StoredInstallation>;

  constructor(db: Db) {
    this.#installations = db.collection<StoredInstallation>('slackInstallations');
  }

  async save(entry: Omit<StoredInstallation, '_id'>): Promise<void> {
    const _id = installationKey(entry);
    await this.#installations.replaceOne({ _id }, entry, { upsert: true });
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
}
