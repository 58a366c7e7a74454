import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { installationKey, type SlackInstallationStore } from '../../src/store/slack-installations.js';

/** How long an installation read from the database is trusted before it is read again. */
const CACHE_MS = 60_000;

/**
 * Bolt's installation store on MongoDB, with the installations held in memory: Bolt looks one up for
 * every request before any listener runs, and that lookup must not wait for the database (a request is
 * acknowledged within milliseconds). Installs and uninstalls in this instance update the memory at once;
 * other instances see them within a minute, or at once on a miss.
 */
export class CachedInstallationStore implements InstallationStore {
  readonly #cache = new Map<string, { installation: Installation; at: number }>();

  constructor(
    private readonly store: SlackInstallationStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const entry = {
      ...(installation.team?.id ? { teamId: installation.team.id } : {}),
      ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
      isEnterpriseInstall,
      installation: installation as unknown as Record<string, unknown>,
      installedAt: new Date(this.clock()),
    };
    await this.store.save(entry);
    this.#cache.set(installationKey(entry), { installation, at: this.clock() });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = installationKey(query);
    const cached = this.#cache.get(key);
    if (cached && this.clock() - cached.at < CACHE_MS) return cached.installation;
    const stored = await this.store.find(key);
    if (!stored) {
      this.#cache.delete(key);
      throw new Error(`no Slack installation for ${key}`);
    }
    const installation = stored.installation as unknown as Installation;
    this.#cache.set(key, { installation, at: this.clock() });
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    this.#cache.delete(key);
    await this.store.delete(key);
  }

  /** The bot token for a workspace, for messages the bot sends on its own (outbox, App Home). */
  async botToken(teamId: string, enterpriseId?: string): Promise<string | undefined> {
    const queries: InstallationQuery<boolean>[] = [
      { teamId, enterpriseId: undefined, isEnterpriseInstall: false },
      ...(enterpriseId ? [{ teamId: undefined, enterpriseId, isEnterpriseInstall: true }] : []),
    ];
    for (const query of queries) {
      const installation = await this.fetchInstallation(query).catch(() => undefined);
      if (installation?.bot?.token) return installation.bot.token;
    }
    return undefined;
  }
}
