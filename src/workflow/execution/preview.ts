import { evaluateConditions, failureReasons } from '../../domain/conditions/index.js';
import type { User } from '../../domain/rights/user.js';
import { type ActionRef, readableAction } from '../actions/change-action.js';
import { loadContext } from '../contexts.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { type ProcessPreview, prepareProcess } from '../processes/index.js';
import { SYSTEM_USER } from '../system-user.js';
import type { ExecutionPorts } from './execute-action.js';

export interface ActionPreview {
  actionId: string;
  number: number;
  conditions: { holds: boolean; reasons: string[] };
  /** What Execute would do, exactly as it would do it now. */
  preview?: ProcessPreview;
  /** Why Execute would reject the action instead. */
  rejection?: { code: string; message: string };
}

/**
 * The confirm step of semi-automatic actions: the same preparation Execute runs, without running. The
 * rendered e-mail with its resolved recipients, the webhook URL with a redacted body, the field or status
 * change — or why it cannot work.
 */
export async function previewAction(
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  actor: User,
  ref: ActionRef,
): Promise<ActionPreview> {
  const action = await readableAction(deps, actor, ref);
  const record = await deps.stores.dossiers.get(action.record.id);
  if (!record) throw notFound('dossier', action.record.id);
  const now = deps.clock();
  const workspace = await deps.workspace.get();
  const context = await loadContext(deps.stores.dossiers, record, now);
  const template = await deps.stores.templates.get(action.templateId);
  const conditions = template
    ? evaluateConditions(template.conditions, context, now)
    : { holds: true, explanations: [] };
  const result: ActionPreview = {
    actionId: action.id,
    number: action.number,
    conditions: {
      holds: conditions.holds,
      reasons: failureReasons(conditions, { locale: actor.locale, timeZone: workspace.calendar.timeZone }),
    },
  };
  if (!action.processSnapshot)
    return { ...result, rejection: { code: 'no-process', message: 'The action has no process' } };
  const prepared = await prepareProcess(
    {
      deps,
      ports: ports.processes,
      action,
      record,
      context,
      workspace,
      system: SYSTEM_USER,
      attempt: (action.lease?.attempt ?? 0) + 1,
    },
    action.processSnapshot,
  );
  return prepared.ok
    ? { ...result, preview: prepared.preview }
    : { ...result, rejection: prepared.rejection };
}
