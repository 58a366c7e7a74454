import type { Action, ActionState } from '../../domain/actions/index.js';
import type { DigestSubscription } from '../../domain/digests/subscription.js';
import { canReadAction } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import { atTimeOfDay, localDateOf, shiftLocalDate, weekdayOf } from '../../domain/timing/index.js';
import type { ActionQuery } from '../../store/action-queries.js';
import { localDayOf } from '../actions/queries.js';
import type { WorkflowDeps } from '../deps.js';

/** Counts stop here: a digest that says "more than 5,000" has said enough. */
const DIGEST_COUNT_BOUND = 5_000;

const LISTED: readonly ActionState[] = ['open', 'failed', 'rejected'];

export interface DigestCount {
  total: number;
  exact: boolean;
}

/** What a channel digest reports at one moment (docs/digests.md). */
export interface DigestContent {
  overdue: DigestCount;
  today: DigestCount;
  /** Due later this week: after today, until the end of Sunday. */
  week: DigestCount;
  /** Overdue actions per owner (null: nobody), most first. */
  owners: Array<{ ownerUserId: string | null; count: number }>;
  ownersExact: boolean;
  /** The most overdue actions, at most the subscription's `top`, most overdue first. */
  top: Action[];
}

/**
 * Who reads a channel digest: everyone in the channel, so only what everybody may read — or, when the
 * subscription was restricted to a role by someone holding it, what that role may read.
 */
export function digestReader(
  subscription: Pick<DigestSubscription, 'audienceRole' | 'locale'>,
  locale: 'nl' | 'en',
): User {
  return {
    id: 'channel',
    name: '',
    roles: subscription.audienceRole ? [subscription.audienceRole] : [],
    admin: false,
    automaticWorkflow: false,
    locale: subscription.locale ?? locale,
    active: true,
  };
}

/** The local end of this week (Monday 00:00 after today), as an instant. */
function endOfWeek(now: Date, timeZone: string): Date {
  const today = localDateOf(now, timeZone);
  const daysToMonday = (8 - weekdayOf(today)) % 7 || 7;
  return atTimeOfDay(shiftLocalDate(today, daysToMonday), '00:00', timeZone);
}

/**
 * The store query of a subscription's scope for its reader: every filter narrows, each is an index range
 * (docs/scale.md). Returns undefined when the scope selects nothing (no template the reader may see).
 */
async function scopeQuery(
  deps: WorkflowDeps,
  subscription: DigestSubscription,
  reader: User,
): Promise<ActionQuery | undefined> {
  const { scope } = subscription;
  const templates = await deps.stores.templates.list({ includeArchived: true });
  // Templates whose actions this reader may see (by the template's roles; each action is checked again).
  const readable = templates.filter(
    (template) =>
      canReadAction(reader, {
        readRoles: template.readRoles,
        writeRoles: template.writeRoles,
        ownerUserId: null,
      }) &&
      (scope.templateIds.length === 0 || scope.templateIds.includes(template.id)) &&
      (scope.dataGroups.length === 0 || scope.dataGroups.includes(template.dataGroup)),
  );
  if (readable.length === 0) return undefined;
  let owners: string[] | undefined = scope.ownerUserIds.length > 0 ? [...scope.ownerUserIds] : undefined;
  if (scope.ownerRole) {
    const members = (await deps.stores.users.list({ role: scope.ownerRole, active: true })).map(
      (user) => user.id,
    );
    owners = owners ? owners.filter((id) => members.includes(id)) : members;
  }
  const recordIds = scope.recordId
    ? [scope.recordId]
    : scope.courseTypeIds.length > 0
      ? scope.courseTypeIds
      : undefined;
  return {
    states: LISTED,
    templateIds: readable.map((template) => template.id),
    ...(owners ? { ownerUserIds: owners } : {}),
    ...(recordIds ? { recordIds } : {}),
  };
}

/** Counts, owners and the most overdue actions of a subscription, read from the list indexes. */
export async function digestContent(
  deps: WorkflowDeps,
  subscription: DigestSubscription,
  now: Date,
): Promise<DigestContent> {
  const { locale } = await deps.workspace.get();
  const reader = digestReader(subscription, locale);
  const timeZone = subscription.schedule.timeZone;
  const empty = { total: 0, exact: true };
  const query = await scopeQuery(deps, subscription, reader);
  if (!query) return { overdue: empty, today: empty, week: empty, owners: [], ownersExact: true, top: [] };
  const day = localDayOf(now, timeZone);
  const overdue: ActionQuery = { ...query, colour: { colour: 'overdue', now, ...day } };
  const { actions } = deps.stores;
  const [page, late, byOwner, today, week] = await Promise.all([
    actions.find(overdue, { limit: subscription.top, skip: 0 }),
    actions.count(overdue, DIGEST_COUNT_BOUND),
    actions.countByOwner(overdue, DIGEST_COUNT_BOUND),
    actions.count(
      { ...query, states: ['open'], colour: { colour: 'today', now, ...day } },
      DIGEST_COUNT_BOUND,
    ),
    actions.count(
      { ...query, states: ['open'], end: { from: day.dayEnd, before: endOfWeek(now, timeZone) } },
      DIGEST_COUNT_BOUND,
    ),
  ]);
  const owners = [...byOwner.counts.entries()]
    .map(([ownerUserId, count]) => ({ ownerUserId, count }))
    .sort((a, b) => b.count - a.count);
  return {
    overdue: { total: late.total, exact: late.totalExact },
    today: { total: today.total, exact: today.totalExact },
    week: { total: week.total, exact: week.totalExact },
    owners,
    ownersExact: byOwner.exact,
    top: page.items.filter((action) => canReadAction(reader, action)),
  };
}
