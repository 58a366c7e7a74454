import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { installationKey, type SlackInstallations } from '../../src/delivery/installations.js';

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
  /**
   * Workspaces served by an org-wide install, to that install's organisation (enterprise id), trusted for
   * a minute like the installations: an uninstall and reinstall elsewhere starts the list afresh.
   */
  readonly #orgWide = new Map<string, { enterpriseId: string; at: number }>();
  /** Workspaces a request named that the organisation does not have, and when that was found. */
  readonly #foreign = new Map<string, number>();

  constructor(
    private readonly store: SlackInstallations,
    /** The workspaces and organisations that may install; empty allows any. */
    private readonly allowedTeams: readonly string[] = [],
    private readonly clock: () => number = Date.now,
  ) {}

  /** Refuses an install from a workspace or organisation not allowed: Bolt shows the installer a failure. */
  async storeInstallation(installation: Installation): Promise<void> {
    this.#refuseUnlessAllowed(installation);
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

  /** Installations of workspaces not (or no longer) allowed are neither stored nor served. */
  #refuseUnlessAllowed(installation: Installation): void {
    if (this.allowedTeams.length === 0) return;
    const ids = [installation.team?.id, installation.enterprise?.id].filter((id): id is string => !!id);
    if (!ids.some((id) => this.allowedTeams.includes(id))) {
      throw new Error(`Slack workspace ${ids.join('/') || '?'} may not use Stempel (SLACK_ALLOWED_TEAMS)`);
    }
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
    this.#refuseUnlessAllowed(installation);
    this.#cache.set(key, { installation, at: this.clock() });
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    this.#cache.delete(key);
    for (const [teamId, served] of this.#orgWide) {
      if (query.isEnterpriseInstall && served.enterpriseId === query.enterpriseId)
        this.#orgWide.delete(teamId);
    }
    await this.store.delete(key);
  }

  /**
   * Called for every request of an org-wide (Enterprise Grid) install: the workspace it came from is
   * served by that install. Slack names no workspaces at install time, so this is how the bot learns
   * which token to use when it writes to a workspace on its own. Written once per workspace, after
   * `belongs` (Slack's list of the organisation's workspaces) confirms it is one of them.
   */
  async noteWorkspace(enterpriseId: string, teamId: string, belongs: () => Promise<boolean>): Promise<void> {
    if (this.#servedBy(teamId) === enterpriseId) return;
    const refused = this.#foreign.get(teamId);
    if (refused !== undefined && this.clock() - refused < CACHE_MS) return;
    // A request can name another organisation's workspace (a Slack Connect partner's): only ours count.
    if (!(await belongs())) {
      this.#foreign.set(teamId, this.clock());
      return;
    }
    this.#orgWide.set(teamId, { enterpriseId, at: this.clock() });
    try {
      await this.store.addTeam(installationKey({ enterpriseId, isEnterpriseInstall: true }), teamId);
    } catch (error) {
      this.#orgWide.delete(teamId);
      throw error;
    }
  }

  /**
   * The bot token for a workspace, for messages the bot sends on its own (outbox, App Home): the
   * workspace's own install, else the org-wide install known to serve it.
   */
  async botToken(teamId: string): Promise<string | undefined> {
    const own = await this.#token({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    if (own) return own;
    let enterpriseId = this.#servedBy(teamId);
    if (!enterpriseId) {
      enterpriseId = (await this.store.findOrgWide(teamId))?.enterpriseId;
      if (!enterpriseId) return undefined;
      this.#orgWide.set(teamId, { enterpriseId, at: this.clock() });
    }
    return this.#token({ teamId: undefined, enterpriseId, isEnterpriseInstall: true });
  }

  #servedBy(teamId: string): string | undefined {
    const served = this.#orgWide.get(teamId);
    return served && this.clock() - served.at < CACHE_MS ? served.enterpriseId : undefined;
  }

  async #token(query: InstallationQuery<boolean>): Promise<string | undefined> {
    const installation = await this.fetchInstallation(query).catch(() => undefined);
    return installation?.bot?.token;
  }
}
