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
  /** An org-wide install: the workspaces of the organisation it has served so far (learnt from requests). */
  teamIds?: string[];
}

export function installationKey(query: {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}) {
  return query.isEnterpriseInstall ? `E:${query.enterpriseId ?? ''}` : `T:${query.teamId ?? ''}`;
}

/** Where installations are kept (src/store/slack-installations.ts, wired by the composition root). */
export interface SlackInstallations {
  save(entry: Omit<StoredInstallation, '_id'>): Promise<void>;
  find(key: string): Promise<StoredInstallation | undefined>;
  delete(key: string): Promise<boolean>;
  list(): Promise<StoredInstallation[]>;
  /** Notes that an org-wide install (its key) serves workspace `teamId`. */
  addTeam(key: string, teamId: string): Promise<void>;
  /** The org-wide install that serves workspace `teamId`, when a request from there was seen. */
  findOrgWide(teamId: string): Promise<StoredInstallation | undefined>;
}

/**
 * Inbound requests already taken on, by the platform's own id (Slack's event id, Teams' activity id), so
 * a retry or replay is acknowledged and dropped (src/store/inbound-requests.ts).
 */
export interface InboundRequests {
  /** True the first time `key` is seen, false for every repeat. */
  firstSeen(key: string, at: Date): Promise<boolean>;
}
