import type { ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { UserRecord } from '../../src/domain/rights/user.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import { resolveChatUser } from '../../src/workflow/identities.js';
import { baseConversationId, tenantOf } from './conversations.js';

/** Who sent an activity, as far as Stempel is concerned. */
export interface TeamsSender {
  /** The Stempel user, when the Teams user is linked (or was just linked by e-mail); nobody otherwise. */
  user?: UserRecord;
  /** The user's language; Teams' locale for people Stempel does not know. */
  locale: Locale;
  /** Their Teams id (`29:…`), which card refreshes are addressed to. */
  teamsId?: string;
  name: string;
  /** How an admin recognises them to link them: name and Entra object id. */
  who: string;
}

const guid = z.uuid();

/** Teams' locale (`nl-NL`, `en-US`, …) as one of ours; the workspace's when Teams sends none. */
export function localeOfTeams(locale: string | undefined, fallback: Locale): Locale {
  if (!locale) return fallback;
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * UPN or e-mail, as the roster reveals them: the UPN first (the sign-in name, which the tenant verifies;
 * `mail` is an attribute its admins may set to anything). None for a guest, or a member of another
 * tenant (a shared channel's external member), when the bot serves one tenant.
 */
export function rosterAddress(value: unknown, homeTenant: string | undefined): string | undefined {
  const fields = value as
    | { email?: unknown; userPrincipalName?: unknown; tenantId?: unknown; userRole?: unknown }
    | undefined;
  if (fields?.userRole === 'guest') return undefined;
  if (homeTenant && String(fields?.tenantId ?? '').toLowerCase() !== homeTenant) return undefined;
  const candidate = fields?.userPrincipalName ?? fields?.email;
  return typeof candidate === 'string' && candidate.includes('@') ? candidate : undefined;
}

/**
 * The sender's address, from the conversation's roster (the Bot Connector's member lookup, what
 * TeamsInfo.getMember does), never from what the activity itself says. Only asked for people not linked
 * yet, and only in the bot's own tenant; a failure just means "unknown".
 */
async function revealedAddress(
  context: TurnContext,
  connectorKey: symbol,
  homeTenant: string | undefined,
): Promise<string | undefined> {
  const { from, conversation } = context.activity;
  if (homeTenant && tenantOf(context.activity)?.toLowerCase() !== homeTenant) return undefined;
  const connector = context.turnState.get<ConnectorClient | undefined>(connectorKey);
  if (!connector || !from?.id || !conversation?.id) return undefined;
  try {
    const member = await connector.getConversationMember(from.id, baseConversationId(conversation.id));
    return rosterAddress(member, homeTenant);
  } catch {
    return undefined;
  }
}

/**
 * The Stempel user behind an activity (docs/teams.md): the Entra object id linked by an admin, or linked
 * now because the member's e-mail address (or UPN) is a user's. Everybody else is unknown and gets no data.
 */
export async function senderOf(
  deps: WorkflowDeps,
  context: TurnContext,
  connectorKey: symbol,
  homeTenant?: string,
): Promise<TeamsSender> {
  const { activity } = context;
  const from = activity.from;
  const name = from?.name ?? '';
  const aadObjectId = from?.aadObjectId;
  const fallback = (await deps.workspace.get()).locale;
  const base = {
    locale: localeOfTeams(activity.locale, fallback),
    name,
    who: [name, aadObjectId].filter(Boolean).join(', ') || 'Teams',
    ...(from?.id ? { teamsId: from.id } : {}),
  };
  if (!aadObjectId || !guid.safeParse(aadObjectId).success) return base;
  const tenant = tenantOf(activity);
  const user = await resolveChatUser(
    deps,
    {
      platform: 'teams',
      aadObjectId,
      ...(tenant && guid.safeParse(tenant).success ? { tenantId: tenant } : {}),
    },
    () => revealedAddress(context, connectorKey, homeTenant),
  );
  return user ? { ...base, user, locale: user.locale, name: user.name } : base;
}
