export {
  CATALOGUE,
  type FieldSpec,
  type FieldType,
  fieldSpec,
  fieldsOf,
  type KindSpec,
  readField,
} from './catalogue.js';
export {
  accountManagerUserId,
  buildRecordContext,
  type ContextEntry,
  type ContextSources,
  contextRecordRefs,
  courseContactUserId,
  type RecordContext,
} from './context.js';
export {
  type DerivationInputs,
  type DerivedFacts,
  deriveFacts,
  type ParticipantSummary,
  personName,
} from './derived.js';
export {
  CONTEXT_KEYS,
  type ContextKey,
  contextKeyOf,
  DATA_GROUPS,
  type DataGroup,
  DataGroupSchema,
  isDataGroup,
  kindOfContextKey,
  RECORD_KINDS,
  type RecordKind,
} from './kinds.js';
export {
  availableFieldPaths,
  contextDates,
  dateFieldPaths,
  type FieldRef,
  type FieldValue,
  readFieldRef,
  resolveFieldPath,
} from './paths.js';
export {
  contextKinds,
  type LoadPlan,
  type RelationSource,
  type RelationStep,
  relationIdFor,
  relationsToLoad,
} from './relations.js';
export { isBillable, isCurrentParticipant, isRecordClosed } from './rules.js';
export * from './schemas.js';
export {
  canTransition,
  STATUS_MACHINES,
  type StatusMachine,
  statusMachineFor,
  statusTargets,
} from './status.js';
export * from './values.js';
export { createDossier, fieldPatch, patchDossier } from './write.js';
