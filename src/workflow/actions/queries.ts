import type { Action, ActionState } from '../../domain/actions/index.js';
import type { RecordKind } from '../../domain/dossiers/index.js';
import { canReadAction } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import { type ActionColour, colourOf } from '../../domain/timing/index.js';
import type { ActionFilter } from '../../store/actions.js';
import type { WorkflowDeps } from '../deps.js';
import { type ActionRef, readableAction } from './change-action.js';

export type ActionView = Action & { colour: ActionColour };

export interface ActionListQuery {
  states?: ActionState[] | undefined;
  /** 'me' for the actor, a user id, or null for unassigned actions. */
  owner?: string | null | undefined;
  record?: { group: RecordKind; id: string } | undefined;
  templateId?: string | undefined;
  colour?: ActionColour | undefined;
  /** Open (or failed/rejected) actions past their end. */
  overdue?: boolean | undefined;
  limit: number;
  skip: number;
}

/** Waiting actions are hidden from lists unless asked for by state (docs/domain.md §6). */
const listedByDefault: ActionState[] = ['open', 'failed', 'rejected'];

export function viewOf(action: Action, now: Date, timeZone: string): ActionView {
  return { ...action, colour: colourOf(action, now, timeZone) };
}

export async function getAction(deps: WorkflowDeps, actor: User, ref: ActionRef): Promise<ActionView> {
  const action = await readableAction(deps, actor, ref);
  const { calendar } = await deps.workspace.get();
  return viewOf(action, deps.clock(), actor.timeZone ?? calendar.timeZone);
}

/**
 * Actions the actor may see, filtered. Visibility is pushed into the query (roles, ownership) and checked
 * again on the result, so pages are full and nothing hidden ever leaks. Colour filters work on the
 * computed colour, so they are applied after the query (on at most one page of candidates).
 */
export async function listActions(
  deps: WorkflowDeps,
  actor: User,
  query: ActionListQuery,
): Promise<{ items: ActionView[]; total: number }> {
  const now = deps.clock();
  const { calendar } = await deps.workspace.get();
  const timeZone = actor.timeZone ?? calendar.timeZone;
  const filter: ActionFilter = {
    states: query.states ?? (query.overdue ? ['open', 'failed', 'rejected'] : listedByDefault),
  };
  if (query.owner !== undefined) filter.ownerUserId = query.owner === 'me' ? actor.id : query.owner;
  if (query.record) filter.record = query.record;
  if (query.templateId) filter.templateId = query.templateId;
  if (!actor.admin) filter.visibleTo = { userId: actor.id, roles: actor.roles };
  if (query.overdue && !query.states) {
    // Failed and rejected actions are overdue whatever their end (docs/domain.md §6); open ones once past it.
    const [open, broken] = await Promise.all([
      deps.stores.actions.find(
        { ...filter, states: ['open'], endBefore: now },
        { limit: query.limit + query.skip, skip: 0 },
      ),
      deps.stores.actions.find(
        { ...filter, states: ['failed', 'rejected'] },
        { limit: query.limit + query.skip, skip: 0 },
      ),
    ]);
    const merged = [...open.items, ...broken.items].sort((a, b) => a.end.getTime() - b.end.getTime());
    const items = merged
      .filter((action) => canReadAction(actor, action))
      .slice(query.skip, query.skip + query.limit)
      .map((action) => viewOf(action, now, timeZone));
    return { items, total: open.total + broken.total };
  }
  if (query.colour) {
    const all = await deps.stores.actions.find(filter, { limit: 5000, skip: 0 });
    const coloured = all.items
      .filter((action) => canReadAction(actor, action))
      .map((action) => viewOf(action, now, timeZone))
      .filter((view) => view.colour === query.colour);
    return { items: coloured.slice(query.skip, query.skip + query.limit), total: coloured.length };
  }
  const page = await deps.stores.actions.find(filter, { limit: query.limit, skip: query.skip });
  return {
    items: page.items
      .filter((action) => canReadAction(actor, action))
      .map((action) => viewOf(action, now, timeZone)),
    total: page.total,
  };
}
