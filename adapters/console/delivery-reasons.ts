import type { Locale } from '../../src/domain/i18n/locale.js';
import { platformName } from '../../src/i18n/labels.js';
import { type ConsoleTextKey, consoleText } from './texts.js';

/** Slack's error codes that break a conversation (adapters/slack/platform.ts), by what an admin can do. */
const SLACK_CODES: Readonly<Record<string, ConsoleTextKey>> = {
  channel_not_found: 'reason.channel-gone',
  not_in_channel: 'reason.not-in-channel',
  is_archived: 'reason.archived',
  account_inactive: 'reason.account-inactive',
  user_disabled: 'reason.account-inactive',
  user_not_found: 'reason.user-unknown',
  invalid_auth: 'reason.token',
  token_revoked: 'reason.token',
  not_authed: 'reason.token',
  team_access_not_granted: 'reason.no-access',
  restricted_action: 'reason.no-access',
  ekm_access_denied: 'reason.no-access',
};

type Explained = { key: ConsoleTextKey; params?: Record<string, string> };

/** The reasons the delivery core and the adapters record (src/delivery/router.ts, adapters/…/platform.ts). */
const PATTERNS: ReadonlyArray<{
  pattern: RegExp;
  explain: (match: RegExpMatchArray, locale: Locale) => Explained;
}> = [
  { pattern: /: the app was removed or blocked$/, explain: () => ({ key: 'reason.teams-removed' }) },
  { pattern: /: conversation not found$/, explain: () => ({ key: 'reason.teams-gone' }) },
  { pattern: /service URL is not a Teams host$/, explain: () => ({ key: 'reason.teams-host' }) },
  {
    pattern: /^(\w+) is not configured$/,
    explain: (match, locale) => ({
      key: 'reason.not-configured',
      params: { platform: platformName(match[1]!)[locale] },
    }),
  },
  {
    pattern: /^Stempel is not installed in Slack workspace (\S+)$/,
    explain: (match) => ({ key: 'reason.not-installed', params: { team: match[1]! } }),
  },
  {
    pattern: /^user (.+) cannot be reached in chat$/,
    explain: (match) => ({ key: 'reason.no-identity', params: { user: match[1]! } }),
  },
  {
    pattern: /^(\w+) has no channel "(.+)"$/,
    explain: (match, locale) => ({
      key: 'reason.no-channel',
      params: { platform: platformName(match[1]!)[locale], channel: match[2]! },
    }),
  },
];

/**
 * Why a message or a conversation failed, in the admin's language, when the reason is one Stempel knows;
 * undefined for anything else (the platform's own words are shown as they are). A conversation marked
 * broken explains its own cause too.
 */
export function explainReason(reason: string, locale: Locale): string | undefined {
  const unreachable = /^(.+) is unreachable: (.+)$/.exec(reason);
  if (unreachable) {
    const marked = consoleText(locale, 'reason.unreachable', { conversation: unreachable[1]! });
    const cause = explainReason(unreachable[2]!, locale);
    return cause ? `${marked} ${cause}` : marked;
  }
  const code = SLACK_CODES[reason];
  if (code) return consoleText(locale, code);
  for (const { pattern, explain } of PATTERNS) {
    const match = reason.match(pattern);
    if (!match) continue;
    const { key, params } = explain(match, locale);
    return consoleText(locale, key, params);
  }
  return undefined;
}
