import type { Locale } from '../domain/i18n/locale.js';
import { WorkCalendar } from '../domain/timing/index.js';
import type { Logger } from '../observability/logger.js';
import type { WorkspaceSettings } from '../store/settings.js';
import type { Stores } from '../store/stores.js';

/** What the workspace looks like right now: its calendar and its language. */
export interface Workspace {
  readonly settings: WorkspaceSettings;
  readonly calendar: WorkCalendar;
  readonly locale: Locale;
}

/** Everything a use case may use. The clock is injected so that tests and benchmarks control time. */
export interface WorkflowDeps {
  readonly stores: Stores;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly workspace: WorkspaceProvider;
  /**
   * The names of the configured webhook secrets (CRM for WEBHOOK_SECRET_CRM), so that a template naming
   * another one is refused when it is saved rather than when it runs. Absent: not checked.
   */
  readonly webhookSecretNames?: readonly string[];
}

/** Workspace settings change rarely; instances re-read them at most every few seconds. */
const cacheMs = 5_000;

export class WorkspaceProvider {
  #cached: { workspace: Workspace; version: number; at: number } | undefined;

  constructor(
    private readonly stores: Stores,
    private readonly defaults: WorkspaceSettings,
    /** The same clock the use cases read, so a test that moves time also expires this cache. */
    private readonly clock: () => Date,
  ) {}

  async get(): Promise<Workspace> {
    const now = this.clock().getTime();
    if (this.#cached && now - this.#cached.at < cacheMs && now >= this.#cached.at)
      return this.#cached.workspace;
    const stored = await this.stores.settings.get();
    const settings = stored?.settings ?? this.defaults;
    const version = stored?.version ?? 0;
    // Unchanged settings keep their calendar, and with it its holiday tables and memoised moments.
    const workspace =
      this.#cached && this.#cached.version === version
        ? this.#cached.workspace
        : { settings, calendar: new WorkCalendar(settings.calendar), locale: settings.locale };
    this.#cached = { workspace, version, at: now };
    return workspace;
  }

  /** Drops the cache after this instance changed the settings. */
  invalidate(): void {
    this.#cached = undefined;
  }
}
