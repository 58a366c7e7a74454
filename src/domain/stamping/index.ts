export { courseTypeIdOf, isLinkedToCourseType } from './course-type.js';
export {
  type DraftOutcome,
  type DraftRequest,
  draftAction,
  type SkippedStamp,
  type SkipReason,
  type StampingEnvironment,
} from './draft.js';
export { identityKey } from './identity.js';
export { type ManualStampRequest, planManualStamp } from './manual.js';
export { resolveOwner } from './owner.js';
export { planStamping, type StampingPlan, type StampingRequest } from './plan.js';
export { type Rescheduled, rescheduleFor } from './reschedule.js';
export { eventHasHappened, planRetroactive, type RetroactiveRequest } from './retroactive.js';
