import type { CloudAdapter } from '@microsoft/agents-hosting';
import express, { type Router } from 'express';
import { say } from '../../src/chat/texts.js';
import type { Config } from '../../src/config/config.js';
import type { TeamsConversations } from '../../src/delivery/conversations.js';
import type { LiveCopies } from '../../src/delivery/live.js';
import type { Logger } from '../../src/observability/logger.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { StempelTeamsBot } from './bot.js';
import {
  botIdentityOf,
  createTeamsAdapter,
  homeTenantOf,
  isTeamsCaller,
  type TeamsSettings,
} from './connection.js';
import { ConversationMemory, tenantOf } from './conversations.js';
import { localeOfTeams } from './identity.js';
import { TeamsPlatform } from './platform.js';

export type { TeamsSettings } from './connection.js';

/** Teams as the configuration asks for it: off, anonymous (outside production), or a SingleTenant bot. */
export function teamsSettingsOf(config: Config): TeamsSettings | undefined {
  if (config.TEAMS_ANONYMOUS) return { mode: 'anonymous' };
  if (!config.TEAMS_APP_ID || !config.TEAMS_TENANT_ID) return undefined;
  return {
    mode: 'authenticated',
    appId: config.TEAMS_APP_ID,
    tenantId: config.TEAMS_TENANT_ID,
    credential: config.TEAMS_APP_PASSWORD
      ? { kind: 'secret', password: config.TEAMS_APP_PASSWORD }
      : { kind: 'managed-identity' },
    ...(config.TEAMS_AUTHORITY ? { authority: config.TEAMS_AUTHORITY } : {}),
  };
}

export interface TeamsBotOptions {
  deps: WorkflowDeps;
  execution: ExecutionPorts;
  live: LiveCopies;
}

/**
 * The Teams surface of one service instance (docs/teams.md): one CloudAdapter for the inbound endpoint
 * and for the proactive platform the delivery core sends through.
 */
export class TeamsSurface {
  readonly adapter: CloudAdapter;
  readonly platform: TeamsPlatform;

  constructor(
    private readonly settings: TeamsSettings,
    private readonly conversations: TeamsConversations,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.adapter = createTeamsAdapter(settings);
    this.platform = new TeamsPlatform(this.adapter, botIdentityOf(settings), conversations, clock);
    this.adapter.onTurnError = async (context, error) => {
      // Stack traces go to the log, never to chat.
      logger.error({ err: error, activity: context.activity.type }, 'Teams turn failed');
      if (context.activity.type !== 'message') return;
      await context
        .sendActivity(say(localeOfTeams(context.activity.locale, 'nl'), 'error.internal'))
        .catch(() => undefined);
    };
  }

  /**
   * `POST /api/messages`: the JWT is checked before the body is even read (401 without a valid token
   * when an app id is configured), then the activity goes to the bot. A body that is no activity is 400.
   */
  router(options: TeamsBotOptions): Router {
    const memory = new ConversationMemory(this.conversations, this.clock, this.logger);
    const homeTenant = homeTenantOf(this.settings);
    const bot = new StempelTeamsBot({
      ...options,
      memory,
      connectorKey: this.adapter.ConnectorClientKey,
      logger: this.logger,
      ...(homeTenant ? { homeTenant } : {}),
    });
    const router = express.Router();
    router.post(
      '/api/messages',
      (req, res, next) => {
        this.adapter.authorizeRequest(req, res, next).catch(next);
      },
      (req, res, next) => {
        if (isTeamsCaller(this.settings, (req as { user?: unknown }).user)) return next();
        this.logger.warn('Teams request refused: its token is not the Bot Framework’s');
        res.status(401).json({ error: 'the token is not from the Bot Framework' });
      },
      express.json({ limit: '1mb' }),
      (req, res, next) => {
        // A SingleTenant bot serves its own tenant: activities from any other are not taken on.
        const tenant = tenantOf(req.body ?? {});
        if (!homeTenant || !tenant || tenant.toLowerCase() === homeTenant) return next();
        this.logger.warn({ tenant }, 'Teams activity from another tenant refused');
        res.status(403).json({ error: 'this bot serves another tenant' });
      },
      async (req, res) => {
        try {
          await this.adapter.process(req, res, (context) => bot.run(context));
        } catch (error) {
          this.logger.warn({ err: error }, 'Teams request is not an activity');
          if (!res.headersSent) res.status(400).json({ error: 'the body is not an activity' });
        }
      },
    );
    return router;
  }
}
