import type { RecordKind } from '../domain/dossiers/index.js';
import { canStampTemplate } from '../domain/rights/index.js';
import type { User } from '../domain/rights/user.js';
import type { ActionTemplate } from '../domain/templates/index.js';
import type { VersionedDossier } from '../store/dossiers.js';
import type { UserRecord } from '../store/users.js';
import type { WorkflowDeps } from './deps.js';

/**
 * What the pickers of chat forms offer: the templates a user may stamp, records of a data group and users,
 * each matched on the words typed so far. Reads only; every choice is checked again when the form is
 * submitted.
 */
export async function stampableTemplates(
  deps: WorkflowDeps,
  actor: User,
  text = '',
): Promise<ActionTemplate[]> {
  const templates = await deps.stores.templates.list(text.trim() ? { text: text.trim() } : {});
  return templates.filter((template) => canStampTemplate(actor, template));
}

export function searchRecords(
  deps: WorkflowDeps,
  group: RecordKind,
  text: string,
  limit: number,
): Promise<VersionedDossier[]> {
  return deps.stores.dossiers.search(group, text, limit);
}

export async function searchUsers(deps: WorkflowDeps, text: string, limit: number): Promise<UserRecord[]> {
  const needle = text.trim().toLowerCase();
  const users = await deps.stores.users.list({ active: true });
  return users
    .filter(
      (user) =>
        !needle || user.name.toLowerCase().includes(needle) || user.email?.toLowerCase().includes(needle),
    )
    .slice(0, limit);
}
