import type { User } from '../../../domain/rights/user.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import type { ExecutionPorts } from '../../../workflow/execution/execute-action.js';
import type { AnyApiRoute } from '../route.js';
import { actionCommandRoutes } from './action-commands.js';
import { actionExecutionRoutes } from './action-execution.js';
import { actionRoutes } from './actions.js';
import { auditRoutes } from './audit.js';
import { courseTypeRoutes } from './course-types.js';
import { deliveryRoutes } from './delivery.js';
import { digestRoutes } from './digests.js';
import { dossierRoutes } from './dossiers.js';
import { eventRoutes } from './events.js';
import { participantRoutes } from './participants.js';
import { senderRoutes } from './senders.js';
import { settingsRoutes } from './settings.js';
import { templateFileRoutes } from './template-files.js';
import { templateLinkRoutes } from './template-links.js';
import { templateRoutes } from './templates.js';
import { userRoutes } from './users.js';

/**
 * Every REST route, in matching order: fixed paths before parameterised ones on the same prefix
 * (/templates/export before /templates/{ref}).
 */
export function apiRoutes(deps: WorkflowDeps, execution: ExecutionPorts): AnyApiRoute<User>[] {
  return [
    ...templateFileRoutes(deps),
    ...templateRoutes(deps),
    ...templateLinkRoutes(deps),
    ...courseTypeRoutes(deps),
    ...dossierRoutes(deps),
    ...participantRoutes(deps),
    ...eventRoutes(deps),
    ...actionRoutes(deps),
    ...actionCommandRoutes(deps),
    ...actionExecutionRoutes(deps, execution),
    ...senderRoutes(deps),
    ...userRoutes(deps),
    ...settingsRoutes(deps),
    ...auditRoutes(deps),
    ...deliveryRoutes(deps),
    ...digestRoutes(deps, execution),
  ];
}
