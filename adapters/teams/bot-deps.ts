import type { LiveCopies } from '../../src/delivery/live.js';
import type { Logger } from '../../src/observability/logger.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import type { ConversationMemory } from './conversations.js';

/** What the bot needs to answer: the use cases, the live copies of posted cards, and its SDK plumbing. */
export interface TeamsBotDeps {
  deps: WorkflowDeps;
  execution: ExecutionPorts;
  live: LiveCopies;
  memory: ConversationMemory;
  /** The CloudAdapter's key of a turn's Bot Connector client (for the roster lookup). */
  connectorKey: symbol;
  logger: Logger;
  /** The tenant a SingleTenant bot serves: only its members are linked by e-mail. None when anonymous. */
  homeTenant?: string;
}
