import type { RecordKind } from '../domain/dossiers/index.js';
import { RECORD_KINDS } from '../domain/dossiers/index.js';
import { colourOf } from '../domain/timing/index.js';
import type { WorkflowDeps } from '../workflow/deps.js';

export interface ActionCounts {
  total: number;
  /** Stamped but hidden until their conditions hold; not in lists, so not coloured here. */
  waiting: number;
  /** Red: open past their end, or failed/rejected. */
  overdue: number;
  /** Orange: starting or ending today. */
  today: number;
  future: number;
  /** Done, executed or cancelled. */
  closed: number;
}

export interface SeedSummary {
  users: number;
  senders: number;
  templates: number;
  /** Records per kind (course types included); kinds the example does not use are left out. */
  records: Partial<Record<RecordKind, number>>;
  actions: ActionCounts;
}

/**
 * What the workspace holds right after seeding, counted from the database rather than from what the seed
 * meant to create, so the start-up log shows what a newcomer will actually find. Colours are those of the
 * workspace's zone at `now`, the way the action lists show them.
 */
export async function summariseWorkspace(
  deps: WorkflowDeps,
  now: Date,
  created: Pick<SeedSummary, 'users' | 'senders' | 'templates'>,
): Promise<SeedSummary> {
  const { stores } = deps;
  const totals = await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const { total } = await stores.dossiers.list({ group: kind, limit: 1, skip: 0 });
      return [kind, total] as const;
    }),
  );
  const records = Object.fromEntries(totals.filter(([, total]) => total > 0));
  const { timeZone } = (await deps.workspace.get()).calendar;
  const { items } = await stores.actions.find({}, { limit: 10_000, skip: 0 });
  const actions: ActionCounts = {
    total: items.length,
    waiting: 0,
    overdue: 0,
    today: 0,
    future: 0,
    closed: 0,
  };
  for (const action of items) {
    if (action.state === 'waiting') actions.waiting += 1;
    else actions[colourOf(action, now, timeZone)] += 1;
  }
  return { ...created, records, actions };
}
