import type { ViewContext } from '../../src/chat/views/action-card.js';
import type { User } from '../../src/domain/rights/user.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';

/** The person looking at a console page, with the zone their dates are shown in. */
export interface Viewer {
  deps: WorkflowDeps;
  actor: User;
  timeZone: string;
}

export function viewContextOf(viewer: Viewer): ViewContext {
  return {
    stores: viewer.deps.stores,
    actor: viewer.actor,
    now: viewer.deps.clock(),
    timeZone: viewer.timeZone,
  };
}
