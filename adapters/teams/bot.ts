import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from '@microsoft/agents-hosting';
import { say } from '../../src/chat/texts.js';
import type { TeamsBotDeps } from './bot-deps.js';
import { baseConversationId } from './conversations.js';
import { localeOfTeams } from './identity.js';
import { answerCardAction, errorResponse } from './invoke.js';
import { answerMessage, welcome } from './replies.js';

/**
 * Stempel in Teams: every turn first refreshes the stored conversation reference; messages are commands,
 * `adaptiveCard/action` invokes are card buttons, forms and refreshes (docs/teams.md).
 */
export class StempelTeamsBot extends ActivityHandler {
  constructor(private readonly bot: TeamsBotDeps) {
    super();
    this.onTurn(async (context, next) => {
      await bot.memory.remember(context.activity);
      await next();
    });
    this.onMessage(async (context, next) => {
      await answerMessage(bot, context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await welcome(bot, context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      // Added again after a removal: the conversation works again, so its broken mark goes — for a team,
      // the mark of every channel of it Stempel knows (the install names the General channel only).
      const id = context.activity.conversation?.id;
      const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
      const channels = teamId ? await bot.memory.channelsOfTeam(teamId) : [];
      for (const conversation of new Set([...(id ? [baseConversationId(id)] : []), ...channels])) {
        await bot.deps.stores.deliveries.clearBroken(`teams:${conversation}`);
      }
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    try {
      return await answerCardAction(this.bot, context, value);
    } catch (error) {
      this.bot.logger.error({ err: error }, 'Teams card action failed');
      const locale = localeOfTeams(context.activity.locale, (await this.bot.deps.workspace.get()).locale);
      return errorResponse(500, 'InternalError', say(locale, 'error.internal'));
    }
  }
}
