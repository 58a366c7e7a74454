import { App, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { Router } from 'express';
import type { ChatDeliveryStack } from '../../src/chat-delivery.js';
import type { SlackMode } from '../../src/config/config.js';
import type { InboundRequests, SlackInstallations } from '../../src/delivery/installations.js';
import type { Logger } from '../../src/observability/logger.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { SlackIdentities } from './identity.js';
import { CachedInstallationStore } from './installations.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerViews } from './listeners/views.js';
import { slackLogger } from './logger.js';
import { SlackPlatform, type SlackTokens } from './platform.js';
import type { SlackSurface } from './surface.js';
import { WorkQueue } from './work-queue.js';

/** The bot scopes Stempel asks for, and no more (docs/slack.md, manifest/slack). */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'users:read.email'];

export interface SlackOptions {
  mode: Exclude<SlackMode, 'off'>;
  signingSecret?: string | undefined;
  botToken?: string | undefined;
  appToken?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  stateSecret?: string | undefined;
  /** OAuth: the workspaces and organisations that may install the app; empty allows any (development). */
  allowedTeams?: readonly string[];
  apiUrl: string;
  timeoutMs: number;
  installations: SlackInstallations;
  logger: Logger;
  /** How many interactions are worked on at once after their acknowledgement. */
  workConcurrency?: number;
}

export interface SlackRuntime {
  /** Slack's request URLs (/slack/events, and /slack/install and /slack/oauth_redirect with OAuth). */
  readonly router: Router | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackAdapter {
  /** The outbound half, for the delivery core: it exists before the use cases are wired. */
  readonly platform: SlackPlatform;
  /** The inbound half: Bolt on the shared HTTP server (or Socket Mode), routed to the chat layer. */
  attach(wiring: {
    deps: WorkflowDeps;
    execution: ExecutionPorts;
    delivery: ChatDeliveryStack;
    inbound: InboundRequests;
  }): SlackRuntime;
}

/** Whether an org-wide install's organisation has this workspace (auth.teams.list, page by page). */
async function organisationHas(client: WebClient, teamId: string): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await client.auth.teams.list({ limit: 1000, ...(cursor ? { cursor } : {}) });
    if (page.teams?.some((team) => team.id === teamId)) return true;
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return false;
}

/**
 * Slack for Stempel (docs/slack.md): single-workspace (bot token), multi-workspace OAuth, or Socket Mode
 * for a server without a public HTTPS address. The Web API clients have an explicit timeout and bounded
 * retries; the outbox's own client leaves rate limits to the outbox, which honours Retry-After.
 */
export function createSlackAdapter(options: SlackOptions): SlackAdapter {
  const logger = slackLogger(options.logger);
  const cache =
    options.mode === 'oauth'
      ? new CachedInstallationStore(options.installations, options.allowedTeams ?? [])
      : undefined;
  const outboundClient = new WebClient(undefined, {
    slackApiUrl: options.apiUrl,
    timeout: options.timeoutMs,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 1, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
    logger,
  });
  let botTeamId: Promise<string | undefined> | undefined;
  const tokens: SlackTokens = cache
    ? {
        botToken: (teamId) => cache.botToken(teamId),
        defaultTeamId: async () => {
          const installed = await options.installations.list();
          return installed.length === 1 ? installed[0]!.teamId : undefined;
        },
      }
    : {
        botToken: async () => options.botToken,
        defaultTeamId: () => {
          botTeamId ??= outboundClient.auth
            .test({ token: options.botToken ?? '' })
            .then((answer) => answer.team_id)
            .catch(() => {
              botTeamId = undefined;
              return undefined;
            });
          return botTeamId;
        },
      };
  const platform = new SlackPlatform(outboundClient, tokens);

  return {
    platform,
    attach(wiring) {
      const clientOptions = {
        slackApiUrl: options.apiUrl,
        timeout: options.timeoutMs,
        retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
        logger,
      };
      const router = options.mode === 'socket' ? undefined : Router();
      const receiver =
        options.mode === 'socket'
          ? new SocketModeReceiver({
              appToken: options.appToken ?? '',
              logger,
              installerOptions: { clientOptions },
            })
          : new ExpressReceiver({
              signingSecret: options.signingSecret ?? '',
              router: router!,
              processBeforeResponse: false,
              logger,
              ...(cache
                ? {
                    clientId: options.clientId!,
                    clientSecret: options.clientSecret!,
                    stateSecret: options.stateSecret!,
                    installationStore: cache,
                    scopes: SLACK_BOT_SCOPES,
                    installerOptions: { directInstall: true, clientOptions },
                  }
                : {}),
            });
      const app = new App({
        receiver,
        ...(cache ? {} : { token: options.botToken! }),
        clientOptions,
        logger,
        deferInitialization: true,
        // Stempel keeps no conversation state in Bolt; its middleware would only cost every request time.
        convoStore: false,
      });
      app.error(async (error) => {
        options.logger.error({ err: error }, 'slack listener failed');
      });
      const surface: SlackSurface = {
        deps: wiring.deps,
        execution: wiring.execution,
        identities: new SlackIdentities(wiring.deps),
        inbound: wiring.inbound,
        live: wiring.delivery.live,
        outbox: wiring.delivery.outbox,
        views: wiring.delivery.views,
        platform,
        work: new WorkQueue(options.workConcurrency ?? 8, options.logger),
        logger: options.logger,
      };
      if (cache) {
        // An org-wide install serves many workspaces; each one a request comes from is remembered.
        app.use(async ({ context, client, next }) => {
          const { enterpriseId, teamId } = context;
          if (context.isEnterpriseInstall && enterpriseId && teamId) {
            const belongs = () => organisationHas(client, teamId);
            cache.noteWorkspace(enterpriseId, teamId, belongs).catch((error: unknown) => {
              options.logger.warn({ err: error }, 'slack org-wide workspace not recorded');
            });
          }
          await next();
        });
      }
      registerCommands(app, surface);
      registerActions(app, surface);
      registerViews(app, surface);
      registerEvents(app, surface, { ...(cache ? { cache } : {}), store: options.installations });
      return {
        router,
        start: async () => {
          await app.init();
          if (options.mode === 'socket') await app.start();
        },
        stop: async () => {
          if (options.mode === 'socket') await app.stop();
          await surface.work.idle();
        },
      };
    },
  };
}
