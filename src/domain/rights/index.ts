export {
  canChangeExecution,
  canEditTemplate,
  canReadAction,
  canStampTemplate,
  canWriteAction,
  hasAutomaticWorkflow,
  type RoleRule,
} from './rules.js';
export { type User, UserSchema } from './user.js';
