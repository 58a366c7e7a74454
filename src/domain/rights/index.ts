export {
  canChangeExecution,
  canEditTemplate,
  canReadAction,
  canReadDossiers,
  canReadTemplate,
  canStampTemplate,
  canWriteAction,
  hasAutomaticWorkflow,
  type RoleRule,
} from './rules.js';
export { type User, UserSchema } from './user.js';
