import type { Action } from '../domain/actions/index.js';
import type { DigestTarget } from '../domain/digests/subscription.js';
import type { User } from '../domain/rights/user.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import type { ExecutionPorts } from '../workflow/execution/execute-action.js';
import { actionCards, type ViewContext } from './views/action-card.js';

/** Who is talking to the bot, and what the bot may use to answer. */
export interface ChatContext {
  deps: WorkflowDeps;
  execution: ExecutionPorts;
  actor: User;
  /** The channel the command was typed in, when it was typed in one (digests are about it). */
  origin?: DigestTarget;
}

export async function timeZoneOf(context: ChatContext): Promise<string> {
  return context.actor.timeZone ?? (await context.deps.workspace.get()).calendar.timeZone;
}

export async function viewContextOf(context: ChatContext): Promise<ViewContext> {
  return {
    stores: context.deps.stores,
    actor: context.actor,
    now: context.deps.clock(),
    timeZone: await timeZoneOf(context),
  };
}

export async function cardsFor(context: ChatContext, actions: readonly Action[]) {
  return actionCards(await viewContextOf(context), actions);
}
