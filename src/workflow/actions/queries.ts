import type { Action, ActionState } from '../../domain/actions/index.js';
import type { RecordKind } from '../../domain/dossiers/index.js';
import { canReadAction } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import { type ActionColour, atTimeOfDay, colourOf, localDateOf } from '../../domain/timing/index.js';
import { shiftLocalDate } from '../../domain/timing/local-date.js';
import type { ActionQuery } from '../../store/action-queries.js';
import type { ReadOptions } from '../../store/actions.js';

/** Lists count their matches up to this many (then `totalExact` is false). */
export { COUNT_BOUND } from '../../store/actions.js';

import type { WorkflowDeps } from '../deps.js';
import { type ActionRef, readableAction } from './change-action.js';

export type ActionView = Action & { colour: ActionColour };

export interface ActionListQuery {
  states?: ActionState[] | undefined;
  /** 'me' for the actor, a user id, or null for unassigned actions. */
  owner?: string | null | undefined;
  record?: { group: RecordKind; id: string } | undefined;
  recordGroup?: RecordKind | undefined;
  recordId?: string | undefined;
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
 * Actions the actor may see, filtered, by end then number. Visibility (roles, ownership) and the colour
 * code are part of the store query, so a page is read from the indexes in order and never loads more than
 * it shows; each item is checked against the rights again so nothing hidden can leak. `total` is bounded
 * (ActionStore.COUNT_BOUND): past it, `totalExact` is false.
 */
export async function listActions(
  deps: WorkflowDeps,
  actor: User,
  query: ActionListQuery,
  options: ReadOptions = {},
): Promise<{ items: ActionView[]; total: number; totalExact: boolean }> {
  const now = deps.clock();
  const { calendar } = await deps.workspace.get();
  options.signal?.throwIfAborted();
  const timeZone = actor.timeZone ?? calendar.timeZone;
  const overdue = query.overdue ? 'overdue' : undefined;
  const colour = overdue ?? query.colour;
  const record = query.record ?? (await recordNamed(deps, query.recordId, query.recordGroup));
  // A record id that names no record (of the group asked for) has no actions.
  if (query.recordId !== undefined && !record) return { items: [], total: 0, totalExact: true };
  const storeQuery: ActionQuery = {
    states: query.states ?? listedByDefault,
    ownerUserId: query.owner === undefined ? undefined : query.owner === 'me' ? actor.id : query.owner,
    record,
    recordGroup: record ? undefined : query.recordGroup,
    templateId: query.templateId,
    colour: colour ? { colour, now, ...localDayOf(now, timeZone) } : undefined,
    visibleTo: actor.admin ? undefined : { userId: actor.id, roles: actor.roles },
  };
  // Overdue and a different colour together ask for nothing.
  if (overdue && query.colour && query.colour !== overdue) return { items: [], total: 0, totalExact: true };
  const page = await deps.stores.actions.find(storeQuery, { limit: query.limit, skip: query.skip }, options);
  return {
    items: page.items
      .filter((action) => canReadAction(actor, action))
      .map((action) => viewOf(action, now, timeZone)),
    total: page.total,
    totalExact: page.totalExact,
  };
}

/** The record an id names, as a reference; undefined when there is none (of `group`, when given). */
async function recordNamed(
  deps: WorkflowDeps,
  id: string | undefined,
  group: RecordKind | undefined,
): Promise<{ group: RecordKind; id: string } | undefined> {
  if (id === undefined) return undefined;
  const found = await deps.stores.dossiers.get(id);
  if (!found || (group && found.group !== group)) return undefined;
  return { group: found.group, id };
}

/** The viewer's calendar day around `now`, as instants: [dayStart, dayEnd). */
export function localDayOf(now: Date, timeZone: string): { dayStart: Date; dayEnd: Date } {
  const today = localDateOf(now, timeZone);
  return {
    dayStart: atTimeOfDay(today, '00:00', timeZone),
    dayEnd: atTimeOfDay(shiftLocalDate(today, 1), '00:00', timeZone),
  };
}

/** The actions of these ids that `actor` may see; the others are left out as if they did not exist. */
export async function readableActions(
  deps: WorkflowDeps,
  actor: User,
  ids: readonly string[],
): Promise<Action[]> {
  const found = await Promise.all([...new Set(ids)].map((id) => deps.stores.actions.get(id)));
  return found.filter((action): action is Action => action !== undefined && canReadAction(actor, action));
}
