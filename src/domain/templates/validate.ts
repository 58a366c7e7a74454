import type { ErrorCode } from '../../i18n/coded/index.js';
import { conditionIssues } from '../conditions/validate.js';
import { fieldSpec } from '../dossiers/catalogue.js';
import { contextKeyOf, type DataGroup } from '../dossiers/kinds.js';
import { dateFieldPaths } from '../dossiers/paths.js';
import { contextKinds } from '../dossiers/relations.js';
import { DomainError, type DomainIssue, fromZodError, invalidInputs } from '../errors.js';
import { eventSpecIssues } from '../events/validate.js';
import { mergeCodeIssue } from '../merge-codes/validate.js';
import { canChangeExecution, canEditTemplate } from '../rights/rules.js';
import type { User } from '../rights/user.js';
import { type ProcessRuleContext, processIssues } from './process-rules.js';
import { templateTexts } from './reads.js';
import { type TemplateDefinition, TemplateDefinitionSchema } from './schema.js';

export interface TemplateValidationContext {
  /** The user saving the template. */
  readonly actor: User;
  /** The saved template this input replaces; absent when creating. */
  readonly existing?: TemplateDefinition | undefined;
  readonly approvedSenders?: ProcessRuleContext['approvedSenders'];
  readonly knownTemplates?: ProcessRuleContext['knownTemplates'];
  readonly webhookSecretNames?: ProcessRuleContext['webhookSecretNames'];
}

/**
 * Parses and checks a template before it is saved, so that nothing a template says can fail later for a
 * reason known now. Returns the definition with defaults filled in (an event's group, the default
 * "record is active" condition of new automatic templates).
 * @throws DomainError — forbidden without the automatic-workflow right; otherwise invalid-input, naming
 * the field ('name', 'process.field', 'timing.start.anchor', …) and listing every problem in `issues`.
 */
export function validateTemplate(input: unknown, context: TemplateValidationContext): TemplateDefinition {
  const parsed = TemplateDefinitionSchema.safeParse(withEventGroup(input));
  if (!parsed.success) throw fromZodError(parsed.error, 'template.invalid');
  const template = parsed.data;
  assertAllowed(template, context);
  const [first, ...rest] = templateIssues(template, context);
  if (first) throw invalidInputs([first, ...rest]);
  return context.existing ? template : withDefaultConditions(template);
}

/** An event without a group is the template's own data group's event. */
function withEventGroup(input: unknown): unknown {
  if (!isObject(input) || !isObject(input.event) || input.event.group !== undefined) return input;
  return { ...input, event: { ...input.event, group: input.dataGroup } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertAllowed(template: TemplateDefinition, { actor, existing }: TemplateValidationContext): void {
  const allowed =
    canChangeExecution(actor, existing?.execution, template.execution) &&
    (existing ? canEditTemplate(actor, existing) : actor.active);
  if (allowed) return;
  const automated = [existing?.execution, template.execution].some(
    (execution) => execution && execution !== 'manual',
  );
  throw new DomainError({
    category: 'forbidden',
    code: automated ? 'template.automatic-workflow-required' : 'template.forbidden',
    field: automated ? 'execution' : undefined,
    message: automated
      ? 'Only users with the automatic-workflow right may create or change semi-automatic and automatic templates'
      : 'You may not change this template',
  });
}

function templateIssues(template: TemplateDefinition, context: TemplateValidationContext): DomainIssue[] {
  const group = template.dataGroup;
  return [
    ...immutableIssues(template, context.existing),
    ...textIssues(template),
    ...processPresenceIssues(template),
    ...(template.process
      ? processIssues(template.process, {
          group,
          templateKey: template.key,
          approvedSenders: context.approvedSenders,
          knownTemplates: context.knownTemplates,
          webhookSecretNames: context.webhookSecretNames,
        })
      : []),
    ...(template.event ? eventSpecIssues(template.event, group) : []),
    ...timingIssues(template),
    ...conditionIssues(template.conditions, group),
    ...ownerIssues(template),
    ...(template.occurrence === 'per-event' && !template.event
      ? [issue('template.per-event-without-event', 'occurrence', "'per-event' needs an event")]
      : []),
  ];
}

function issue(
  code: ErrorCode,
  field: string,
  message: string,
  details?: Record<string, unknown>,
): DomainIssue {
  return { code, field, message, ...(details ? { details } : {}) };
}

function immutableIssues(
  template: TemplateDefinition,
  existing: TemplateDefinition | undefined,
): DomainIssue[] {
  if (!existing) return [];
  return (['dataGroup', 'key'] as const)
    .filter((field) => template[field] !== existing[field])
    .map((field) =>
      issue(
        `template.${field === 'key' ? 'key' : 'data-group'}-immutable`,
        field,
        `${field} cannot change after the template is saved`,
      ),
    );
}

/** Every text with merge codes, by the field it sits in. */
function textIssues(template: TemplateDefinition): DomainIssue[] {
  return templateTexts(template).flatMap(
    ([field, text]) => mergeCodeIssue(text, template.dataGroup, field) ?? [],
  );
}

/** A manual action is done by a person; a process there would never run, so it is refused, not ignored. */
function processPresenceIssues(template: TemplateDefinition): DomainIssue[] {
  if (template.execution === 'manual') {
    return template.process
      ? [
          issue(
            'template.process-not-allowed',
            'process',
            'A manual template has no process; choose semi-automatic to let the bot do it',
          ),
        ]
      : [];
  }
  return template.process
    ? []
    : [issue('template.process-required', 'process', `A ${template.execution} template needs a process`)];
}

function timingIssues(template: TemplateDefinition): DomainIssue[] {
  const valid = ['created', 'event', ...dateFieldPaths(template.dataGroup)];
  return (['start', 'end'] as const).flatMap((end): DomainIssue[] => {
    const { anchor } = template.timing[end];
    const field = `timing.${end}.anchor`;
    if (anchor === 'event' && !template.event) {
      return [
        issue(
          'template.event-anchor-without-event',
          field,
          "The anchor 'event' needs the template to have an event",
        ),
      ];
    }
    return valid.includes(anchor)
      ? []
      : [
          issue('template.unknown-anchor', field, `'${anchor}' is not a date of a ${template.dataGroup}`, {
            valid,
          }),
        ];
  });
}

function ownerIssues(template: TemplateDefinition): DomainIssue[] {
  const kinds = contextKinds(template.dataGroup);
  const { kind } = template.ownerRule;
  const needs = kind === 'course-contact' ? 'course' : kind === 'account-manager' ? 'company' : undefined;
  if (!needs || kinds.includes(needs)) return [];
  return [
    issue(
      'template.owner-rule-not-available',
      'ownerRule.kind',
      `A ${template.dataGroup} has no ${needs} for '${kind}'`,
    ),
  ];
}

/**
 * New automatic templates on a group with an active flag start with "record is active", so the bot does
 * not act on records that were switched off (docs/domain.md §3). Only when the user gave no conditions.
 */
function withDefaultConditions(template: TemplateDefinition): TemplateDefinition {
  const { conditions, dataGroup } = template;
  const empty = conditions.all.length === 0 && conditions.any.length === 0;
  if (template.execution !== 'automatic' || !empty || !hasActiveFlag(dataGroup)) return template;
  const field = `${contextKeyOf(dataGroup)}.active`;
  return { ...template, conditions: { all: [{ field, op: 'eq', value: true }], any: [] } };
}

function hasActiveFlag(group: DataGroup): boolean {
  return fieldSpec(group, 'active')?.type === 'boolean';
}
