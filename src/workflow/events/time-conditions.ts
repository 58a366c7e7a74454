import { changesWithTime } from '../../domain/conditions/index.js';
import type { ListPosition } from '../../store/due-work.js';
import type { WorkflowDeps } from '../deps.js';
import { type ReconcileResult, reconcileActions } from './reconcile.js';

/** Actions read and reconciled at a time. */
const PAGE = 200;

/**
 * Re-checks the waiting and open actions of templates whose conditions change with time alone
 * (docs/workflow.md): an invoice falls overdue, or a date passes `{ daysFromNow }`, without any record
 * changing, so no event would reveal or hide them. Each page's records are reconciled as after a change
 * (conditional writes, so a concurrent change or a second instance wins and nothing is done twice), and
 * pages follow the list order, so an action that changes state meanwhile is not skipped.
 */
export async function recheckTimeConditions(
  deps: WorkflowDeps,
  options: { pageSize?: number } = {},
): Promise<ReconcileResult> {
  const pageSize = options.pageSize ?? PAGE;
  const totals: ReconcileResult = { revealed: 0, hidden: 0, rescheduled: 0, cancelled: 0 };
  const templates = (await deps.stores.templates.list({ includeArchived: true })).filter((template) =>
    changesWithTime(template.conditions, template.dataGroup),
  );
  for (const template of templates) {
    for (const state of ['waiting', 'open'] as const) {
      let after: ListPosition | undefined;
      for (;;) {
        // A waiting action whose end passed stays waiting (reconcile leaves it to the due-sweep to cancel).
        const page = await deps.stores.actions.due.pageOfTemplate(template.id, state, after, pageSize);
        if (page.length === 0) break;
        const result = await reconcileActions(deps, [...new Set(page.map((action) => action.record.id))], {
          actor: 'system',
        });
        totals.revealed += result.revealed;
        totals.hidden += result.hidden;
        totals.rescheduled += result.rescheduled;
        totals.cancelled += result.cancelled;
        if (page.length < pageSize) break;
        const last = page.at(-1)!;
        after = { end: last.end, number: last.number };
      }
    }
  }
  return totals;
}
