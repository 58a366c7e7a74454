import type { Action } from '../../domain/actions/index.js';
import { type ConditionResult, evaluateConditions } from '../../domain/conditions/index.js';
import type { RecordContext } from '../../domain/dossiers/index.js';
import { readsParticipantCounts } from '../../domain/templates/index.js';
import type { VersionedDossier } from '../../store/dossiers.js';
import { loadContext } from '../contexts.js';
import type { WorkflowDeps, Workspace } from '../deps.js';
import { type PreparedProcess, type ProcessPorts, prepareProcess } from '../processes/index.js';
import { SYSTEM_USER } from '../system-user.js';

/** What executing (or previewing) an action works on: its record now, and whether its conditions hold. */
export interface ExecutionSubject {
  action: Action;
  record: VersionedDossier;
  context: RecordContext;
  workspace: Workspace;
  conditions: ConditionResult;
}

/** The action's subject as of now, or undefined when its record no longer exists. */
export async function loadSubject(deps: WorkflowDeps, action: Action): Promise<ExecutionSubject | undefined> {
  const record = await deps.stores.dossiers.get(action.record.id);
  if (!record) return undefined;
  const now = deps.clock();
  const template = await deps.stores.templates.get(action.templateId);
  // The process that runs is the action's snapshot; the conditions are the template's current ones.
  const participantCounts = template ? readsParticipantCounts(template, action.processSnapshot) : true;
  const [workspace, context] = await Promise.all([
    deps.workspace.get(),
    loadContext(deps.stores.dossiers, record, now, { participantCounts }),
  ]);
  // The template's current conditions apply, not those it had at stamping: that is what "checked again
  // just before execution" means (docs/domain.md §6).
  const conditions = template
    ? evaluateConditions(template.conditions, context, now)
    : { holds: true, explanations: [] };
  return { action, record, context, workspace, conditions };
}

/** The action's process checked against its subject: the one preparation both Execute and preview use. */
export function prepareFor(
  deps: WorkflowDeps,
  ports: ProcessPorts,
  subject: ExecutionSubject,
  attempt: number,
): Promise<PreparedProcess> {
  const { action, record, context, workspace } = subject;
  return prepareProcess(
    { deps, ports, action, record, context, workspace, system: SYSTEM_USER, attempt },
    action.processSnapshot!,
  );
}
