import type { WebClient } from '@slack/web-api';
import { type Locale, LocaleSchema } from '../../src/domain/i18n/locale.js';
import type { UserRecord } from '../../src/domain/rights/user.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import { resolveChatUser } from '../../src/workflow/identities.js';

/** An unknown Slack user is looked up (users.info) at most this often. */
const UNKNOWN_RETRY_MS = 60_000;

export interface SlackActor {
  user: UserRecord | undefined;
  /** The language to answer in: the user's, else what Slack says of them, else the workspace's. */
  locale: Locale;
}

function localeOf(slackLocale: string | undefined): Locale | undefined {
  const language = slackLocale?.slice(0, 2).toLowerCase();
  const parsed = LocaleSchema.safeParse(language);
  return parsed.success ? parsed.data : undefined;
}

/** What users.info says of someone, as far as linking by e-mail needs it. */
interface SlackUserInfo {
  team_id?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_stranger?: boolean;
  enterprise_user?: { enterprise_id?: string };
  locale?: string;
  profile?: { email?: string };
}

/** The workspace (and Grid organisation) a client's token was installed in. */
interface Installation {
  teamId?: string;
  enterpriseId?: string;
}

/** By token: the installation a token belongs to never changes. */
const installations = new Map<string, Promise<Installation>>();

function installationOf(client: WebClient): Promise<Installation> {
  const token = client.token ?? '';
  let found = installations.get(token);
  if (!found) {
    found = client.auth
      .test()
      .then((answer) => ({
        ...(answer.team_id ? { teamId: answer.team_id } : {}),
        ...(answer.enterprise_id ? { enterpriseId: answer.enterprise_id } : {}),
      }))
      .catch(() => {
        installations.delete(token);
        return {};
      });
    if (installations.size >= 1_000) installations.clear();
    installations.set(token, found);
  }
  return found;
}

/**
 * Whether someone's e-mail address may link them: a full member of the workspace the app is installed in
 * (or of its Enterprise Grid organisation) — not a guest, not someone of another organisation (a Slack
 * Connect partner, whose own admins decide what their address says), not a bot and not deactivated.
 */
function isMember(user: SlackUserInfo, home: Installation): boolean {
  if (user.deleted || user.is_bot || user.is_restricted || user.is_ultra_restricted || user.is_stranger) {
    return false;
  }
  if (home.teamId && user.team_id === home.teamId) return true;
  return home.enterpriseId !== undefined && user.enterprise_user?.enterprise_id === home.enterpriseId;
}

/**
 * What Slack says of a user for linking: their e-mail address when they are a full member of the
 * installation's workspace or organisation (see isMember), and their language.
 */
export async function memberProfile(
  client: WebClient,
  slackUserId: string,
): Promise<{ email?: string; locale?: Locale }> {
  const [info, home] = await Promise.all([
    client.users.info({ user: slackUserId, include_locale: true }).catch(() => undefined),
    installationOf(client),
  ]);
  const user = info?.user as SlackUserInfo | undefined;
  const locale = localeOf(user?.locale);
  const email = user && isMember(user, home) ? user.profile?.email : undefined;
  return { ...(email ? { email } : {}), ...(locale ? { locale } : {}) };
}

/**
 * Slack user → Stempel user (docs/slack.md): a linked identity, else the e-mail address Slack reveals
 * (users.info, scope users:read.email) when a Stempel user has it. Unknown people are remembered for a
 * minute so a burst of their clicks does not become a burst of users.info calls.
 */
export class SlackIdentities {
  readonly #unknown = new Map<string, { at: number; locale: Locale | undefined }>();

  constructor(private readonly deps: WorkflowDeps) {}

  async resolve(teamId: string, slackUserId: string, client: WebClient): Promise<SlackActor> {
    const key = `${teamId}:${slackUserId}`;
    const workspaceLocale = async () => (await this.deps.workspace.get()).locale;
    const known = await this.deps.stores.users.findByChatIdentity({
      platform: 'slack',
      teamId,
      userId: slackUserId,
    });
    if (known) return { user: known.active ? known : undefined, locale: known.locale };
    const unknown = this.#unknown.get(key);
    if (unknown && Date.now() - unknown.at < UNKNOWN_RETRY_MS) {
      return { user: undefined, locale: unknown.locale ?? (await workspaceLocale()) };
    }
    let slackLocale: Locale | undefined;
    const user = await resolveChatUser(
      this.deps,
      { platform: 'slack', teamId, userId: slackUserId },
      async () => {
        const profile = await memberProfile(client, slackUserId);
        slackLocale = profile.locale;
        return profile.email;
      },
    );
    if (user) {
      this.#unknown.delete(key);
      return { user, locale: user.locale };
    }
    // Only the last minute's strangers are kept: everyone who ever clicked once would otherwise stay.
    for (const [stale, entry] of this.#unknown) {
      if (Date.now() - entry.at >= UNKNOWN_RETRY_MS) this.#unknown.delete(stale);
    }
    this.#unknown.set(key, { at: Date.now(), locale: slackLocale });
    return { user: undefined, locale: slackLocale ?? (await workspaceLocale()) };
  }
}
