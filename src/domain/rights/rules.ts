import type { User } from './user.js';

/** Roles on a template, and snapshotted onto each action it stamps. Empty means everyone. */
export interface RoleRule {
  readonly readRoles: readonly string[];
  readonly writeRoles: readonly string[];
}

type Execution = 'manual' | 'semi-automatic' | 'automatic';

function inRoles(user: User, roles: readonly string[]): boolean {
  return roles.length === 0 || roles.some((role) => user.roles.includes(role));
}

/**
 * Reading needs a read role; being named in a (non-empty) write role counts too, since one cannot edit
 * what one cannot see. Writing needs reading plus a write role, so empty write roles mean "everyone who
 * can see it", not strangers.
 */
function canRead(user: User, rule: RoleRule): boolean {
  if (!user.active) return false;
  if (user.admin) return true;
  return inRoles(user, rule.readRoles) || (rule.writeRoles.length > 0 && inRoles(user, rule.writeRoles));
}

function canWrite(user: User, rule: RoleRule): boolean {
  return canRead(user, rule) && (user.admin || inRoles(user, rule.writeRoles));
}

/** The owner of an action may always see and work on it, whatever its roles. */
function isOwner(user: User, action: { readonly ownerUserId: string | null }): boolean {
  return user.active && action.ownerUserId === user.id;
}

export function canReadAction(
  user: User,
  action: RoleRule & { readonly ownerUserId: string | null },
): boolean {
  return isOwner(user, action) || canRead(user, action);
}

/** Editing, completing, executing and re-running; the automatic-workflow right is not needed for these. */
export function canWriteAction(
  user: User,
  action: RoleRule & { readonly ownerUserId: string | null },
): boolean {
  return isOwner(user, action) || canWrite(user, action);
}

/**
 * Seeing a template: whoever may see the actions it stamps or stamp it (its roles), and whoever designs
 * workflows (the automatic-workflow right, admins). A template one may not see looks like a missing one.
 */
export function canReadTemplate(user: User, template: RoleRule): boolean {
  return hasAutomaticWorkflow(user) || canRead(user, template);
}

/** Dossiers carry no roles of their own: every active user may read them (their actions have roles). */
export function canReadDossiers(user: User): boolean {
  return user.active;
}

export function canStampTemplate(user: User, template: RoleRule & { readonly archived: boolean }): boolean {
  return !template.archived && canWrite(user, template);
}

/** Whether the user holds the automatic-workflow right (admins do). */
export function hasAutomaticWorkflow(user: User): boolean {
  return user.active && (user.admin || user.automaticWorkflow);
}

/**
 * Changing a template from `before` to `after` execution: anything but manual on either side needs the
 * automatic-workflow right, so nobody without it can switch automation on, off, or edit it.
 */
export function canChangeExecution(user: User, before: Execution | undefined, after: Execution): boolean {
  const automated = (execution: Execution | undefined) => execution !== undefined && execution !== 'manual';
  return !(automated(before) || automated(after)) || hasAutomaticWorkflow(user);
}

export function canEditTemplate(user: User, template: RoleRule & { readonly execution: Execution }): boolean {
  return canWrite(user, template) && canChangeExecution(user, template.execution, template.execution);
}
