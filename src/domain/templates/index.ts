export {
  type Process,
  ProcessSchema,
  type ProcessType,
  RECIPIENT_ROLES,
  type Recipient,
  type RecipientRole,
  RecipientSchema,
  TEMPLATE_KEY_PATTERN,
  TemplateKeySchema,
  webhookSecretName,
} from './process.js';
export { type ProcessRuleContext, processIssues } from './process-rules.js';
export { processTexts, readsParticipantCounts, templateTexts } from './reads.js';
export {
  type RecipientLookup,
  type ResolvedRecipients,
  recipientRolesFor,
  resolveRecipients,
} from './recipients.js';
export {
  type ActionTemplate,
  ActionTemplateSchema,
  CREATE_MODES,
  EXECUTIONS,
  type Execution,
  ExecutionSchema,
  OCCURRENCES,
  type OwnerRule,
  OwnerRuleSchema,
  PRIORITIES,
  type Priority,
  PrioritySchema,
  type TemplateDefinition,
  TemplateDefinitionSchema,
  type TemplateInput,
} from './schema.js';
export { type TemplateValidationContext, validateTemplate } from './validate.js';
