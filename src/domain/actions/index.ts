export { applyTrigger, type TriggerInput } from './apply.js';
export {
  type Action,
  type ActionDraft,
  ActionSchema,
  ActionStateSchema,
  type Actor,
  ActorSchema,
  HISTORY_KINDS,
  type HistoryEntry,
  HistoryEntrySchema,
  type RecordRef,
  RecordRefSchema,
} from './schema.js';
export {
  ACTION_STATES,
  ACTION_TRANSITIONS,
  ACTION_TRIGGERS,
  type ActionState,
  type ActionTrigger,
  allowedTriggers,
  isFinalState,
  isVisibleState,
  nextState,
  transition,
} from './state-machine.js';
