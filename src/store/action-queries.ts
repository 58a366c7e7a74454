import type { Filter } from 'mongodb';
import type { Action, ActionState } from '../domain/actions/index.js';
import type { RecordKind } from '../domain/dossiers/kinds.js';
import { EXECUTIONS } from '../domain/templates/schema.js';
import type { ActionColour } from '../domain/timing/index.js';
import type { Stored } from './documents.js';

type ActionDoc = Stored<Action>;

/**
 * Which actions a list, a count or a digest asks for. Every field narrows; the store turns the whole into
 * one MongoDB filter that its indexes serve (see `actionListFilter`), sorted by end, then number.
 */
export interface ActionQuery {
  states?: readonly ActionState[] | undefined;
  ownerUserId?: string | null | undefined;
  /** Actions owned by any of these people (ignored when `ownerUserId` is given). */
  ownerUserIds?: readonly string[] | undefined;
  /** The action's own record. */
  record?: { group: RecordKind; id: string } | undefined;
  templateId?: string | undefined;
  /** Only actions of these templates (for instance the templates a viewer may read). */
  templateIds?: readonly string[] | undefined;
  /** Only actions whose own record is of this data group. */
  recordGroup?: RecordKind | undefined;
  /** Actions of these records as their own record or a linked one (a course's and its participants'). */
  recordIds?: readonly string[] | undefined;
  /** Actions whose end lies in [from, before). */
  end?: { from?: Date | undefined; before?: Date | undefined } | undefined;
  /** Actions whose window touches [from, to). */
  between?: { from: Date; to: Date } | undefined;
  /** The colour code at `now`, with the viewer's local day [dayStart, dayEnd). */
  colour?: { colour: ActionColour; now: Date; dayStart: Date; dayEnd: Date } | undefined;
  /** Role visibility: actions readable by these roles or owned by this user. */
  visibleTo?: { userId: string; roles: readonly string[] } | undefined;
}

/** The order of every list: by end (deadline), then by number, which is unique and so makes pages stable. */
export const ACTION_LIST_SORT = { end: 1, number: 1 } as const;

const OPEN_LIKE: readonly ActionState[] = ['waiting', 'open'];
const BROKEN: readonly ActionState[] = ['failed', 'rejected'];
const CLOSED: readonly ActionState[] = ['done', 'executed', 'cancelled'];
const ALL_STATES: readonly ActionState[] = [...OPEN_LIKE, ...BROKEN, ...CLOSED];

/**
 * The indexes the list queries are planned on: equality fields first, then the sort, then ranges. Lists by
 * start (the 'today' colour) use the due-sweep's (state, execution, start) index.
 */
export const ACTION_LIST_INDEXES = [
  { key: { state: 1, end: 1, number: 1 } },
  { key: { ownerUserId: 1, state: 1, end: 1, number: 1 } },
  { key: { templateId: 1, state: 1, end: 1, number: 1 } },
  { key: { 'record.id': 1, state: 1 } },
  { key: { 'linkedRecords.id': 1, state: 1 } },
] as const;

type Branch = Filter<ActionDoc>;

const statesIn = (states: readonly ActionState[]): Branch =>
  states.length === 1 ? { state: states[0]! } : { state: { $in: [...states] } };

/**
 * A query as a disjunction of branches, each a state set with its own end/start window: the colour code
 * (docs/domain.md §6) is a union of such windows, and each branch is an index range in end order.
 */
function stateBranches(query: ActionQuery): Branch[] {
  const states = query.states ?? ALL_STATES;
  const pick = (group: readonly ActionState[]) => states.filter((state) => group.includes(state));
  if (!query.colour) return query.states ? (states.length ? [statesIn(states)] : []) : [{}];
  const { colour, now, dayStart, dayEnd } = query.colour;
  const open = pick(OPEN_LIKE);
  const branches: Branch[] = [];
  switch (colour) {
    case 'overdue':
      if (open.length) branches.push({ ...statesIn(open), end: { $lt: now } });
      if (pick(BROKEN).length) branches.push(statesIn(pick(BROKEN)));
      break;
    case 'today':
      // Not overdue (end ≥ now, hence today or later), and its end or its start falls on the local day.
      if (open.length) {
        branches.push({ ...statesIn(open), end: { $gte: now, $lt: dayEnd } });
        // Naming every execution lets the start be a range of the (state, execution, start) index.
        branches.push({
          ...statesIn(open),
          execution: { $in: [...EXECUTIONS] },
          start: { $gte: dayStart, $lt: dayEnd },
          end: { $gte: now },
        });
      }
      break;
    case 'future':
      if (open.length)
        branches.push({
          ...statesIn(open),
          end: { $gte: new Date(Math.max(dayEnd.getTime(), now.getTime())) },
          start: { $not: { $gte: dayStart, $lt: dayEnd } },
        });
      break;
    case 'closed':
      if (pick(CLOSED).length) branches.push(statesIn(pick(CLOSED)));
      break;
  }
  return branches;
}

/** Conditions every branch shares. */
function commonConditions(query: ActionQuery): Branch {
  const common: Branch = {};
  if (query.ownerUserId !== undefined) common.ownerUserId = query.ownerUserId;
  else if (query.ownerUserIds) common.ownerUserId = { $in: [...query.ownerUserIds] };
  if (query.record) {
    common['record.group'] = query.record.group;
    common['record.id'] = query.record.id;
  }
  if (query.recordGroup && !query.record) common['record.group'] = query.recordGroup;
  if (query.templateId) common.templateId = query.templateId;
  else if (query.templateIds) common.templateId = { $in: [...query.templateIds] };
  if (query.end) {
    const range: Record<string, Date> = {};
    if (query.end.from) range.$gte = query.end.from;
    if (query.end.before) range.$lt = query.end.before;
    if (Object.keys(range).length) common.end = range;
  }
  if (query.between) {
    common.start = { $lt: query.between.to };
    common.end = { ...(common.end as object | undefined), $gte: query.between.from };
  }
  return common;
}

/** Branch and common conditions on the same field (an end window and a colour's end) are both kept. */
function combine(common: Branch, branch: Branch): Branch {
  const clash = Object.keys(branch).some((key) => key in common);
  return clash ? { $and: [common, branch] } : { ...common, ...branch };
}

/**
 * The MongoDB filter of an action query, built so that both the embedded planner and a real mongod serve
 * it from the list indexes: flat equality conditions, and, where the colour code or the record scope
 * needs several windows, a rooted `$or` whose every branch carries the shared conditions and one state
 * (so each branch is one index range in end order and the branches merge without a blocking sort).
 * Visibility is a residual condition in each branch, checked on each candidate. Undefined when nothing
 * can match.
 */
export function actionListFilter(query: ActionQuery): Filter<ActionDoc> | undefined {
  const branches = stateBranches(query);
  if (branches.length === 0) return undefined;
  if (query.recordIds?.length === 0 || query.templateIds?.length === 0 || query.ownerUserIds?.length === 0)
    return undefined;
  const common = commonConditions(query);
  const scoped = query.recordIds
    ? branches.flatMap((branch) => [
        combine(common, { ...branch, 'record.id': { $in: [...query.recordIds!] } }),
        combine(common, { ...branch, 'linkedRecords.id': { $in: [...query.recordIds!] } }),
      ])
    : branches.map((branch) => combine(common, branch));
  // A real mongod merges `$or` branches in sort order only when each branch's index gives that order by
  // itself; a single state per branch makes sure it does.
  const split = scoped.length > 1 ? scoped.flatMap(oneStateEach) : scoped;
  const visibility = query.visibleTo && visibilityFilter(query.visibleTo);
  const visible = visibility ? split.map((branch) => ({ ...branch, ...visibility })) : split;
  return visible.length === 1 ? visible[0]! : { $or: visible };
}

function oneStateEach(branch: Branch): Branch[] {
  const states = (branch.state as { $in?: ActionState[] } | undefined)?.$in;
  return states ? states.map((state) => ({ ...branch, state })) : [branch];
}

function visibilityFilter(visibleTo: { userId: string; roles: readonly string[] }): Branch {
  const roles = [...visibleTo.roles];
  return {
    $or: [
      { ownerUserId: visibleTo.userId },
      { readRoles: { $size: 0 } },
      ...(roles.length ? [{ readRoles: { $in: roles } }, { writeRoles: { $in: roles } }] : []),
    ],
  };
}
