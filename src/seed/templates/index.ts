import type { ActionTemplate } from '../../domain/templates/index.js';
import type { WorkflowDeps } from '../../workflow/deps.js';
import { SYSTEM_USER } from '../../workflow/system-user.js';
import { createTemplate } from '../../workflow/templates/save.js';
import { acceptanceTemplates } from './acceptance.js';
import { extraTemplates } from './extras.js';
import type { TemplateRefs } from './links.js';

export { EXPIRED_FIRST_AID } from './acceptance.js';
export type { TemplateRefs } from './links.js';

/**
 * Saves the example templates through the use case, so each passes the same validation (merge codes,
 * anchors, processes, approved sender) as a template written in the console. Saved before any record
 * exists: the records' events then stamp them as they would in a live workspace.
 */
export async function seedTemplates(deps: WorkflowDeps, refs: TemplateRefs): Promise<ActionTemplate[]> {
  const saved: ActionTemplate[] = [];
  for (const input of [...acceptanceTemplates(refs), ...extraTemplates(refs)]) {
    saved.push(await createTemplate(deps, SYSTEM_USER, input));
  }
  return saved;
}
