import { failureReasons } from '../../domain/conditions/index.js';
import type { User } from '../../domain/rights/user.js';
import { type ActionRef, readableAction } from '../actions/change-action.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import type { ProcessPreview, Rejection } from '../processes/index.js';
import { type ExecutionPorts, nextAttempt, repairProcess } from './execute-action.js';
import { loadSubject, prepareFor } from './subject.js';

export interface ActionPreview {
  actionId: string;
  number: number;
  conditions: { holds: boolean; reasons: string[] };
  /** What Execute would do, exactly as it would do it now. */
  preview?: ProcessPreview;
  /** Why Execute would reject the action instead. */
  rejection?: Rejection;
  /**
   * True when Execute would take the template's current process settings (a rejected or failed action
   * whose template changed since it was stamped): the preview shows those.
   */
  processFromTemplate: boolean;
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
  const subject = await loadSubject(deps, action);
  if (!subject) throw notFound('dossier', action.record.id);
  const timeZone = subject.workspace.calendar.timeZone;
  const repaired = await repairProcess(deps, action);
  if (repaired) subject.action = { ...action, processSnapshot: repaired };
  const result: ActionPreview = {
    actionId: action.id,
    number: action.number,
    processFromTemplate: repaired !== undefined,
    conditions: {
      holds: subject.conditions.holds,
      reasons: failureReasons(subject.conditions, { locale: actor.locale, timeZone, labels: true }),
    },
  };
  if (!subject.action.processSnapshot) {
    return { ...result, rejection: { code: 'no-process', message: 'The action has no process' } };
  }
  const prepared = await prepareFor(deps, ports.processes, subject, nextAttempt(action));
  return prepared.ok
    ? { ...result, preview: prepared.preview }
    : { ...result, rejection: prepared.rejection };
}
