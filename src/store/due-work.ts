import type { Collection, Filter, Sort } from 'mongodb';
import type { Action, ActionState } from '../domain/actions/index.js';
import { fromDocument, type Stored } from './documents.js';

type ActionDoc = Stored<Action>;

const executable: ActionState[] = ['open', 'failed', 'rejected'];

/**
 * The due-sweep's indexes, so each of its queries reads only the work that is due: automatic actions by
 * execution and start, retries and leases by their moment (sparse: most actions have neither), and
 * notices by whether they were given, so the actions already told about drop out of the range.
 */
export const DUE_WORK_INDEXES = [
  { key: { state: 1, execution: 1, start: 1 } },
  { key: { 'retry.at': 1 }, sparse: true },
  { key: { 'lease.until': 1 }, sparse: true },
  { key: { state: 1, 'notified.start': 1, start: 1, ownerUserId: 1 } },
  { key: { state: 1, 'notified.overdue': 1, end: 1, ownerUserId: 1 } },
  { key: { state: 1, 'notified.escalated': 1, end: 1 } },
] as const;

/** Work the due-sweep must execute at `now`: first runs, retries whose time came, and crashed runs. */
export function dueExecutionFilter(now: Date): Filter<ActionDoc> {
  return {
    $or: [
      {
        state: 'open',
        execution: 'automatic',
        autoExecute: true,
        start: { $lte: now },
        lease: { $exists: false },
        retry: { $exists: false },
      },
      { state: { $in: executable }, 'retry.at': { $lte: now }, lease: { $exists: false } },
      { state: { $in: executable }, 'lease.until': { $lte: now } },
    ],
  };
}

/** The notices query: the notified actions drop out of its index range, so it reads only what is due. */
export function noticeQuery(kind: 'start' | 'overdue', now: Date): { filter: Filter<ActionDoc>; sort: Sort } {
  const moment = kind === 'start' ? 'start' : 'end';
  const filter: Filter<ActionDoc> = {
    state: 'open',
    [`notified.${kind}`]: { $exists: false },
    [moment]: kind === 'start' ? { $lte: now } : { $lt: now },
    ownerUserId: { $ne: null },
  };
  // The bot's own work needs no reminder: an automatic action that will run gets none at its start.
  if (kind === 'start') filter.$or = [{ execution: { $ne: 'automatic' } }, { autoExecute: false }];
  return { filter, sort: { [moment]: 1 } };
}

/**
 * Overdue actions of these templates not escalated yet, whose end is before `endedBefore`: escalation
 * candidates, oldest first. The escalated ones drop out of the index range.
 */
export function escalationFilter(templateIds: readonly string[], endedBefore: Date): Filter<ActionDoc> {
  return {
    state: { $in: executable },
    'notified.escalated': { $exists: false },
    end: { $lt: endedBefore },
    templateId: { $in: [...templateIds] },
  };
}

export function expiredWaitingFilter(now: Date): Filter<ActionDoc> {
  return { state: 'waiting', end: { $lt: now } };
}

/** Where a page in end-then-number order stopped: the next page starts after it. */
export interface ListPosition {
  end: Date;
  number: number;
}

/**
 * Actions of one template in one state after `after`, in end-then-number order (number is unique, so
 * the order is total): served by the list index on template, state, end and number.
 */
export function templateStatePageFilter(
  templateId: string,
  state: ActionState,
  after: ListPosition | undefined,
): Filter<ActionDoc> {
  return {
    templateId,
    state,
    ...(after
      ? { $or: [{ end: { $gt: after.end } }, { end: after.end, number: { $gt: after.number } }] }
      : {}),
  };
}

export class DueWork {
  constructor(private readonly actions: Collection<ActionDoc>) {}

  async executions(now: Date, limit: number): Promise<Action[]> {
    const docs = await this.actions.find(dueExecutionFilter(now), { sort: { start: 1 }, limit }).toArray();
    return docs.map((doc) => fromDocument<Action>(doc));
  }

  /**
   * Takes the lease on one due action, conditional on the version that was read: of several sweeps
   * (instances) racing for it, exactly one gets it.
   */
  async claim(action: Action, lease: NonNullable<Action['lease']>): Promise<Action | undefined> {
    const doc = await this.actions.findOneAndUpdate(
      { _id: action.id, version: action.version },
      { $set: { lease }, $unset: { retry: '' }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    );
    return doc ? fromDocument<Action>(doc) : undefined;
  }

  /** Open actions whose start (reminder) or end (overdue notice) passed and whose owner was not told yet. */
  async notices(kind: 'start' | 'overdue', now: Date, limit: number): Promise<Action[]> {
    const { filter, sort } = noticeQuery(kind, now);
    const docs = await this.actions.find(filter, { sort, limit }).toArray();
    return docs.map((doc) => fromDocument<Action>(doc));
  }

  /**
   * A page of a template's actions in one state, for the re-check of conditions that change with time:
   * a page ahead of the last one, so actions that change state meanwhile are neither skipped nor doubled.
   */
  async pageOfTemplate(
    templateId: string,
    state: 'waiting' | 'open',
    after: ListPosition | undefined,
    limit: number,
  ): Promise<Action[]> {
    const docs = await this.actions
      .find(templateStatePageFilter(templateId, state, after), { sort: { end: 1, number: 1 }, limit })
      .toArray();
    return docs.map((doc) => fromDocument<Action>(doc));
  }

  async escalationCandidates(
    templateIds: readonly string[],
    endedBefore: Date,
    limit: number,
  ): Promise<Action[]> {
    if (templateIds.length === 0) return [];
    const docs = await this.actions
      .find(escalationFilter(templateIds, endedBefore), { sort: { end: 1 }, limit })
      .toArray();
    return docs.map((doc) => fromDocument<Action>(doc));
  }

  /** Marks a notice as given; false when another sweep marked it first (so only one of them sends it). */
  async markNotified(id: string, kind: 'start' | 'overdue' | 'escalated', at: Date): Promise<boolean> {
    const result = await this.actions.updateOne(
      { _id: id, [`notified.${kind}`]: { $exists: false } },
      { $set: { [`notified.${kind}`]: at } },
    );
    return result.modifiedCount === 1;
  }

  /** Waiting actions whose end passed without their conditions ever holding. */
  async expiredWaiting(now: Date, limit: number): Promise<Action[]> {
    const docs = await this.actions.find(expiredWaitingFilter(now), { sort: { end: 1 }, limit }).toArray();
    return docs.map((doc) => fromDocument<Action>(doc));
  }
}
