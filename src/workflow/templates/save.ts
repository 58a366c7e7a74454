import { DomainError, type DomainIssue, invalidInputs } from '../../domain/errors.js';
import { canEditTemplate } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import {
  type ActionTemplate,
  type TemplateDefinition,
  validateTemplate,
} from '../../domain/templates/index.js';
import { newTemplateId } from '../../store/templates.js';
import type { WorkflowDeps } from '../deps.js';
import { concurrentChange, forbidden, notFound } from '../errors.js';

/** References a template makes to other records, checked against the database before saving. */
async function referenceIssues(
  deps: WorkflowDeps,
  template: TemplateDefinition,
  prefix = '',
): Promise<DomainIssue[]> {
  const issues: DomainIssue[] = [];
  const courseTypes = new Set(
    (await deps.stores.dossiers.getMany(template.courseTypeIds))
      .filter((record) => record.group === 'course-type')
      .map((record) => record.id),
  );
  template.courseTypeIds.forEach((id, index) => {
    if (!courseTypes.has(id)) {
      issues.push({
        code: 'template.unknown-course-type',
        field: `${prefix}courseTypeIds.${index}`,
        message: `No course type ${id}`,
        params: { id },
      });
    }
  });
  const userIds = [
    ...(template.ownerRule.kind === 'user' ? [['ownerRule.userId', template.ownerRule.userId]] : []),
    ...(template.process?.type === 'chat-message' && template.process.target.kind === 'user'
      ? [['process.target.userId', template.process.target.userId]]
      : []),
  ] as Array<[string, string]>;
  const users = new Set(
    (await deps.stores.users.getMany(userIds.map(([, id]) => id))).map((user) => user.id),
  );
  for (const [field, id] of userIds) {
    if (!users.has(id))
      issues.push({ code: 'template.unknown-user', field: `${prefix}${field}`, message: `No user ${id}` });
  }
  return issues;
}

/** Domain validation plus the checks that need the database (senders, other templates, links). */
export async function validateForSave(
  deps: WorkflowDeps,
  actor: User,
  input: unknown,
  existing?: ActionTemplate,
  /** Templates about to be saved together with this one (an import), which it may refer to. */
  alsoKnown: ReadonlyArray<{ key: string; dataGroup: TemplateDefinition['dataGroup'] }> = [],
): Promise<TemplateDefinition> {
  const [approvedSenders, known] = await Promise.all([
    deps.stores.senders.approvedAddresses(),
    deps.stores.templates.list({ includeArchived: true }),
  ]);
  const definition = validateTemplate(input, {
    actor,
    existing,
    approvedSenders,
    webhookSecretNames: deps.webhookSecretNames,
    knownTemplates: [
      ...known.map((template) => ({ key: template.key, dataGroup: template.dataGroup })),
      ...alsoKnown,
    ],
  });
  const [first, ...rest] = await referenceIssues(deps, definition);
  if (first) throw invalidInputs([first, ...rest]);
  return definition;
}

type KnownTemplates = Parameters<typeof validateForSave>[4];

export async function createTemplate(
  deps: WorkflowDeps,
  actor: User,
  input: unknown,
  alsoKnown?: KnownTemplates,
): Promise<ActionTemplate> {
  const definition = await validateForSave(deps, actor, input, undefined, alsoKnown);
  const now = deps.clock();
  const template: ActionTemplate = {
    ...definition,
    id: newTemplateId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  if ((await deps.stores.templates.insert(template)) === 'key-taken') {
    throw new DomainError({
      category: 'conflict',
      code: 'template.key-taken',
      field: 'key',
      message: `A template with key '${definition.key}' already exists`,
      params: { key: definition.key },
    });
  }
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'template.created',
    entity: { type: 'template', id: template.id },
    after: template,
  });
  return template;
}

export async function getTemplate(deps: WorkflowDeps, ref: string): Promise<ActionTemplate> {
  const template = (await deps.stores.templates.get(ref)) ?? (await deps.stores.templates.getByKey(ref));
  if (!template) throw notFound('template', ref);
  return template;
}

export function definitionOf(template: ActionTemplate): TemplateDefinition {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, ...definition } = template;
  return definition;
}

/**
 * Changes a template. The patch replaces the top-level fields it names (a new `timing` replaces the whole
 * timing). Actions already stamped keep their snapshot; new stamps use the new version.
 */
export async function updateTemplate(
  deps: WorkflowDeps,
  actor: User,
  command: { ref: string; patch: Record<string, unknown>; expectedVersion?: number | undefined },
  alsoKnown?: KnownTemplates,
): Promise<ActionTemplate> {
  const existing = await getTemplate(deps, command.ref);
  if (command.expectedVersion !== undefined && existing.version !== command.expectedVersion) {
    throw concurrentChange('template', existing.id);
  }
  const definition = await validateForSave(
    deps,
    actor,
    { ...definitionOf(existing), ...command.patch },
    existing,
    alsoKnown,
  );
  return saveNewVersion(deps, actor, existing, definition, 'template.updated');
}

export async function saveNewVersion(
  deps: WorkflowDeps,
  actor: User,
  existing: ActionTemplate,
  definition: TemplateDefinition,
  kind: string,
  details?: Record<string, unknown>,
): Promise<ActionTemplate> {
  const now = deps.clock();
  const next: ActionTemplate = {
    ...definition,
    id: existing.id,
    version: existing.version + 1,
    createdAt: existing.createdAt,
    updatedAt: now,
  };
  if (!(await deps.stores.templates.replaceIfVersion(next, existing.version)))
    throw concurrentChange('template', existing.id);
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind,
    entity: { type: 'template', id: existing.id },
    before: existing,
    after: next,
    ...(details ? { details } : {}),
  });
  return next;
}

/**
 * Deleting a template that stamped actions would orphan their history, so such templates are archived
 * instead (nobody can stamp them any more); unused templates are removed.
 */
export async function deleteTemplate(
  deps: WorkflowDeps,
  actor: User,
  ref: string,
): Promise<{ archived: boolean }> {
  const existing = await getTemplate(deps, ref);
  if (!canEditTemplate(actor, existing))
    throw forbidden('template.forbidden', 'You may not change this template');
  const used = (await deps.stores.actions.find({ templateId: existing.id }, { limit: 1, skip: 0 })).total > 0;
  if (used) {
    await saveNewVersion(
      deps,
      actor,
      existing,
      { ...definitionOf(existing), archived: true },
      'template.archived',
    );
    return { archived: true };
  }
  await deps.stores.templates.delete(existing.id);
  await deps.stores.audit.write({
    at: deps.clock(),
    actor: actor.id,
    kind: 'template.deleted',
    entity: { type: 'template', id: existing.id },
    before: existing,
  });
  return { archived: false };
}
