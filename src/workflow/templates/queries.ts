import type { DataGroup } from '../../domain/dossiers/index.js';
import { canReadTemplate } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import type { ActionTemplate } from '../../domain/templates/index.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';

export interface TemplateListQuery {
  dataGroup?: DataGroup | undefined;
  category?: string | undefined;
  courseTypeId?: string | undefined;
  text?: string | undefined;
  includeArchived?: boolean | undefined;
}

/**
 * The templates `actor` may see (canReadTemplate), filtered: the one read of templates for every surface
 * — REST API, chat, console, and the Slack and Teams adapters that come — so each applies the same rights.
 */
export async function listTemplates(
  deps: WorkflowDeps,
  actor: User,
  query: TemplateListQuery = {},
): Promise<ActionTemplate[]> {
  const all = await deps.stores.templates.list({
    ...(query.dataGroup ? { dataGroup: query.dataGroup } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.courseTypeId ? { courseTypeId: query.courseTypeId } : {}),
    ...(query.text ? { text: query.text } : {}),
    includeArchived: query.includeArchived ?? false,
  });
  return all.filter((template) => canReadTemplate(actor, template));
}

/** A template by id or key, if `actor` may see it; one they may not see looks exactly like a missing one. */
export async function readableTemplate(
  deps: WorkflowDeps,
  actor: User,
  ref: string,
): Promise<ActionTemplate> {
  const template = (await deps.stores.templates.get(ref)) ?? (await deps.stores.templates.getByKey(ref));
  if (!template || !canReadTemplate(actor, template)) throw notFound('template', ref);
  return template;
}
