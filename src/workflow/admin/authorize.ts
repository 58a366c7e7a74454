import type { User } from '../../domain/rights/user.js';
import { forbidden } from '../errors.js';

/** Users, sender addresses, settings, tokens and the audit log are the administrators' business. */
export function requireAdmin(actor: User, what: string): void {
  if (!actor.active || !actor.admin) {
    throw forbidden('admin.required', `Only administrators may ${what}`);
  }
}

/**
 * The operator at the command line: the CLI runs with database access, which already is full control, so
 * it acts as an administrator. Audit entries name it 'cli', not a person.
 */
export const CLI_OPERATOR: User = {
  id: 'cli',
  name: 'command line',
  roles: [],
  admin: true,
  automaticWorkflow: true,
  locale: 'en',
  active: true,
};
