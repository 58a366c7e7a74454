import { z } from 'zod';
import { DomainError, type DomainIssue, invalidInputs } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import type { ActionTemplate, TemplateDefinition } from '../../domain/templates/index.js';
import { inputFieldWords } from '../../i18n/input-fields.js';
import { zodProblem } from '../../i18n/zod-problems.js';
import type { WorkflowDeps } from '../deps.js';
import { createTemplate, definitionOf, updateTemplate, validateForSave } from './save.js';

/**
 * The template file format. It refers to other things by stable keys, never by database ids, so a file
 * exported from one workspace imports into another: course types by their key, users by e-mail.
 */
export const TEMPLATE_FILE_SCHEMA = 'stempel.templates/v1';

const portableTemplate = z.looseObject({
  key: z.string(),
  courseTypes: z.array(z.string()).default([]),
});

export const TemplateFileSchema = z.object({
  schema: z.literal(TEMPLATE_FILE_SCHEMA, { error: `schema must be '${TEMPLATE_FILE_SCHEMA}'` }),
  exportedAt: z.string().optional(),
  templates: z.array(portableTemplate),
});
export type TemplateFile = z.infer<typeof TemplateFileSchema>;

export interface ImportResult {
  dryRun: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
}

interface Lookups {
  courseTypeKeyById: Map<string, string>;
  courseTypeIdByKey: Map<string, string>;
  emailById: Map<string, string>;
  idByEmail: Map<string, string>;
}

async function lookups(deps: WorkflowDeps): Promise<Lookups> {
  const [courseTypes, users] = await Promise.all([
    deps.stores.dossiers.list({ group: 'course-type', limit: 10_000, skip: 0 }),
    deps.stores.users.list(),
  ]);
  const typeEntries = courseTypes.items.map(
    (record) => [record.id, String((record as { key: string }).key)] as const,
  );
  const userEntries = users.filter((user) => user.email).map((user) => [user.id, user.email!] as const);
  return {
    courseTypeKeyById: new Map(typeEntries),
    courseTypeIdByKey: new Map(typeEntries.map(([id, key]) => [key, id])),
    emailById: new Map(userEntries),
    idByEmail: new Map(userEntries.map(([id, email]) => [email.toLowerCase(), id])),
  };
}

/** Swaps the user ids a template refers to (owner, chat target) using `map`; unknown ones are reported. */
function mapUsers(
  definition: Record<string, unknown>,
  map: (value: string) => string | undefined,
  from: 'userId' | 'user',
  to: 'userId' | 'user',
  field: string,
  issues: DomainIssue[],
): Record<string, unknown> {
  const swap = (holder: unknown, path: string): unknown => {
    if (typeof holder !== 'object' || holder === null || (holder as { kind?: string }).kind !== 'user')
      return holder;
    const { [from]: value, ...rest } = holder as Record<string, unknown>;
    const mapped = typeof value === 'string' ? map(value) : undefined;
    if (mapped === undefined) {
      issues.push({
        code: 'template-file.unknown-user',
        field: `${field}.${path}.${from}`,
        message: `Unknown user ${String(value)}`,
        params: { value: String(value) },
      });
      return holder;
    }
    return { ...rest, [to]: mapped };
  };
  const process = definition.process as Record<string, unknown> | null | undefined;
  return {
    ...definition,
    ownerRule: swap(definition.ownerRule, 'ownerRule'),
    ...(process && process.type === 'chat-message'
      ? { process: { ...process, target: swap(process.target, 'process.target') } }
      : {}),
  };
}

function toPortable(template: ActionTemplate, maps: Lookups): Record<string, unknown> {
  const { courseTypeIds, ...definition } = definitionOf(template);
  const issues: DomainIssue[] = [];
  const portable = mapUsers(
    definition,
    (id) => maps.emailById.get(id),
    'userId',
    'user',
    template.key,
    issues,
  );
  return { ...portable, courseTypes: courseTypeIds.map((id) => maps.courseTypeKeyById.get(id) ?? id) };
}

export async function exportTemplates(
  deps: WorkflowDeps,
  command: { keys?: string[] | undefined },
): Promise<TemplateFile> {
  const maps = await lookups(deps);
  const all = await deps.stores.templates.list({ includeArchived: false });
  const chosen = command.keys ? all.filter((template) => command.keys!.includes(template.key)) : all;
  const missing = (command.keys ?? []).filter((key) => !all.some((template) => template.key === key));
  if (missing.length > 0) {
    throw new DomainError({
      category: 'not-found',
      code: 'template.not-found',
      field: 'keys',
      message: `No template with key ${missing.join(', ')}`,
      params: { id: missing },
      details: { missing },
    });
  }
  return {
    schema: TEMPLATE_FILE_SCHEMA,
    exportedAt: deps.clock().toISOString(),
    templates: chosen.map((template) => toPortable(template, maps) as TemplateFile['templates'][number]),
  };
}

function sameDefinition(a: TemplateDefinition, b: TemplateDefinition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Imports a template file: each template is created, or updated when its key exists. Everything is
 * validated first and nothing is written unless every template is valid, so a bad file never leaves a
 * workspace half-imported. Errors name the template by its position: `templates.3.timing.start.anchor`.
 */
export async function importTemplates(
  deps: WorkflowDeps,
  actor: User,
  command: { file: unknown; dryRun: boolean },
): Promise<ImportResult> {
  const parsed = TemplateFileSchema.safeParse(command.file);
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues.map((issue) => ({
      code: 'template-file.invalid' as const,
      field: issue.path.join('.') || '(root)',
      message: `${issue.path.join('.') || 'file'}: ${issue.message}`,
      params: { field: inputFieldWords(issue.path.join('.') || '(root)'), problem: zodProblem(issue) },
    }));
    throw invalidInputs([first!, ...rest]);
  }
  const maps = await lookups(deps);
  const issues: DomainIssue[] = [];
  const seen = new Set<string>();
  const plans: Array<{ key: string; input: Record<string, unknown>; existing?: ActionTemplate }> = [];
  const inFile = parsed.data.templates
    .filter((entry) => typeof entry.dataGroup === 'string')
    .map((entry) => ({ key: entry.key, dataGroup: entry.dataGroup as TemplateDefinition['dataGroup'] }));
  for (const [index, entry] of parsed.data.templates.entries()) {
    const field = `templates.${index}`;
    if (seen.has(entry.key))
      issues.push({
        code: 'template-file.duplicate-key',
        field: `${field}.key`,
        message: `Key '${entry.key}' appears twice`,
        params: { key: entry.key },
      });
    seen.add(entry.key);
    const { courseTypes, ...rest } = entry;
    const courseTypeIds = courseTypes.map((key, position) => {
      const id = maps.courseTypeIdByKey.get(key);
      if (!id)
        issues.push({
          code: 'template-file.unknown-course-type',
          field: `${field}.courseTypes.${position}`,
          message: `Unknown course type '${key}'`,
          params: { key },
        });
      return id ?? key;
    });
    const input = {
      ...mapUsers(rest, (email) => maps.idByEmail.get(email.toLowerCase()), 'user', 'userId', field, issues),
      courseTypeIds,
    };
    const existing = await deps.stores.templates.getByKey(entry.key);
    try {
      await validateForSave(deps, actor, input, existing, inFile);
    } catch (error) {
      if (!(error instanceof DomainError) || error.category !== 'invalid-input') throw error;
      issues.push(
        ...error.issues.map((issue) => ({
          ...issue,
          field: `${field}.${issue.field ?? ''}`.replace(/\.$/, ''),
        })),
      );
    }
    plans.push({ key: entry.key, input, ...(existing ? { existing } : {}) });
  }
  const [first, ...rest] = issues;
  if (first) throw invalidInputs([first, ...rest]);

  const result: ImportResult = { dryRun: command.dryRun, created: [], updated: [], unchanged: [] };
  for (const plan of plans) {
    if (!plan.existing) result.created.push(plan.key);
    else if (
      sameDefinition(
        await validateForSave(deps, actor, plan.input, plan.existing, inFile),
        definitionOf(plan.existing),
      )
    ) {
      result.unchanged.push(plan.key);
    } else result.updated.push(plan.key);
  }
  if (command.dryRun) return result;
  for (const plan of plans) {
    if (!plan.existing) await createTemplate(deps, actor, plan.input, inFile);
    else if (result.updated.includes(plan.key)) {
      const command = { ref: plan.existing.id, patch: plan.input, expectedVersion: plan.existing.version };
      await updateTemplate(deps, actor, command, inFile);
    }
  }
  return result;
}
