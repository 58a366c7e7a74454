import { ErrorCode, type WebClient } from '@slack/web-api';
import type {
  Address,
  ChatPerson,
  ChatPlatform,
  MessageRef,
  OutgoingMessage,
  PlatformOutcome,
} from '../../src/delivery/platform.js';
import { renderBlocks } from './render/messages.js';
import { homeTab } from './render/modals.js';

/** Slack allows about one message per second into one conversation (docs.slack.dev: rate limits). */
const SLACK_PACING_MS = 1_100;

/**
 * Errors that make a conversation unusable until someone acts (invites the bot, unarchives it, …). A token
 * Slack no longer accepts (`invalid_auth`, `token_revoked`, `not_authed`, `team_access_not_granted`) fails
 * the message but breaks no conversation: it is the workspace's install, and a new one fixes them all.
 */
export const BROKEN_TARGET = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'restricted_action',
  'ekm_access_denied',
]);

/** Errors worth another try later. */
const TRANSIENT = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

export interface SlackTokens {
  /** The bot token for a workspace; undefined when the app is not installed there. */
  botToken(teamId: string): Promise<string | undefined>;
  /** The workspace a channel without a team belongs to (the single workspace, or the only one). */
  defaultTeamId(): Promise<string | undefined>;
}

function slackError(error: unknown): PlatformOutcome & { ok: false } {
  const coded = error as {
    code?: string;
    data?: { error?: string };
    retryAfter?: number;
    statusCode?: number;
  };
  switch (coded.code) {
    case ErrorCode.RateLimitedError:
      return {
        ok: false,
        kind: 'retry',
        reason: 'rate limited',
        retryAfterMs: (coded.retryAfter ?? 1) * 1000,
      };
    case ErrorCode.PlatformError: {
      const reason = coded.data?.error ?? 'unknown_error';
      if (TRANSIENT.has(reason)) return { ok: false, kind: 'retry', reason };
      return { ok: false, kind: 'permanent', reason, targetBroken: BROKEN_TARGET.has(reason) };
    }
    case ErrorCode.HTTPError:
      return { ok: false, kind: 'retry', reason: `HTTP ${coded.statusCode ?? 'error'}` };
    default:
      return { ok: false, kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A Slack channel as templates and settings name it: `C0123ABCD`, `#planning`, or `T0123/C0123ABCD`. */
function parseSlackChannel(channel: string): { teamId?: string; channel: string } | undefined {
  const trimmed = channel.trim();
  const qualified = /^([TE][A-Z0-9]{2,20})\/(.+)$/.exec(trimmed);
  const rest = qualified ? qualified[2]! : trimmed;
  const named = /^#?([a-z0-9][a-z0-9._-]{0,79})$/.exec(rest);
  const id = /^[CGD][A-Z0-9]{2,20}$/.exec(rest);
  const name = id ? rest : named ? named[1]! : undefined;
  if (!name) return undefined;
  return qualified ? { teamId: qualified[1]!, channel: name } : { channel: name };
}

/**
 * Slack as a chat platform of the delivery core (docs/slack.md): messages and card edits through the Web
 * API with the workspace's bot token, App Homes through views.publish. Errors are sorted into "later"
 * (rate limits with Slack's Retry-After, 5xx, timeouts) and "never" (with the conversation marked broken
 * where the conversation itself is the problem).
 */
export class SlackPlatform implements ChatPlatform {
  readonly id = 'slack';
  readonly pacingMs = SLACK_PACING_MS;
  readonly editable = true;

  constructor(
    private readonly client: WebClient,
    private readonly tokens: SlackTokens,
  ) {}

  async directAddress(person: ChatPerson): Promise<Address | undefined> {
    const preferredTeam = await this.tokens.defaultTeamId();
    const identities = person.chatIdentities.filter((identity) => identity.platform === 'slack');
    const identity = identities.find((entry) => entry.teamId === preferredTeam) ?? identities[0];
    if (identity?.platform !== 'slack') return undefined;
    return {
      platform: 'slack',
      key: `slack:${identity.teamId}:${identity.userId}`,
      label: `Slack DM ${person.name}`,
      data: { teamId: identity.teamId, channel: identity.userId, user: identity.userId },
    };
  }

  async channelAddress(channel: string): Promise<Address | undefined> {
    const parsed = parseSlackChannel(channel);
    if (!parsed) return undefined;
    const teamId = parsed.teamId ?? (await this.tokens.defaultTeamId());
    if (!teamId) return undefined;
    const label = /^[CGD][A-Z0-9]+$/.test(parsed.channel) ? parsed.channel : `#${parsed.channel}`;
    return {
      platform: 'slack',
      key: `slack:${teamId}:${parsed.channel}`,
      label: `Slack ${label}`,
      data: { teamId, channel: parsed.channel },
    };
  }

  async post(address: Address, message: OutgoingMessage): Promise<PlatformOutcome> {
    return this.#call(address, message, undefined);
  }

  async update(address: Address, ref: MessageRef, message: OutgoingMessage): Promise<PlatformOutcome> {
    return this.#call(address, message, ref);
  }

  async #call(
    address: Address,
    message: OutgoingMessage,
    ref: MessageRef | undefined,
  ): Promise<PlatformOutcome> {
    const teamId = address.data.teamId ?? '';
    const token = await this.tokens.botToken(teamId);
    if (!token) {
      return {
        ok: false,
        kind: 'permanent',
        reason: `Stempel is not installed in Slack workspace ${teamId}`,
        // Not the conversation's fault: once the app is installed (or an org-wide install has seen the
        // workspace) it works again, without an administrator clearing a mark.
        targetBroken: false,
      };
    }
    try {
      if (message.kind === 'home') {
        const user = address.data.user ?? '';
        await this.client.views.publish({
          token,
          user_id: user,
          view: homeTab(message.views, message.locale),
        });
        return { ok: true, ref: { user } };
      }
      const { text, blocks } = renderBlocks(message.views, message.locale);
      if (ref?.ts && ref.channel) {
        await this.client.chat.update({ token, channel: ref.channel, ts: ref.ts, text, blocks });
        return { ok: true, ref };
      }
      const posted = await this.client.chat.postMessage({
        token,
        channel: address.data.channel ?? '',
        text,
        blocks,
        unfurl_links: false,
        unfurl_media: false,
        // The dedupe key travels with the message, so it can be told apart from a repeat after a crash.
        metadata: { event_type: 'stempel_delivery', event_payload: { dedupe_key: message.dedupeKey } },
      });
      return { ok: true, ref: { channel: String(posted.channel ?? ''), ts: String(posted.ts ?? '') } };
    } catch (error) {
      return slackError(error);
    }
  }
}
