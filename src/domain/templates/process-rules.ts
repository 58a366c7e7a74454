import type { ErrorCode } from '../../i18n/coded/index.js';
import { scalarValueProblem } from '../conditions/validate.js';
import { CATALOGUE } from '../dossiers/catalogue.js';
import { contextKeyOf, type DataGroup } from '../dossiers/kinds.js';
import { type FieldRef, resolveFieldPath } from '../dossiers/paths.js';
import { contextKinds } from '../dossiers/relations.js';
import { statusTargets } from '../dossiers/status.js';
import type { DomainIssue } from '../errors.js';
import { type Process, type Recipient, webhookSecretName } from './process.js';
import { recipientRolesFor } from './recipients.js';

export interface ProcessRuleContext {
  readonly group: DataGroup;
  readonly templateKey: string;
  /** Approved sender addresses; when given, an e-mail sender must be one of them. */
  readonly approvedSenders?: readonly string[] | undefined;
  /** Other templates by key, when known, to check that a stamp process names existing ones. */
  readonly knownTemplates?: readonly { readonly key: string; readonly dataGroup: DataGroup }[] | undefined;
  /** The names of the configured webhook secrets (CRM for WEBHOOK_SECRET_CRM); when given, secretRef must be one. */
  readonly webhookSecretNames?: readonly string[] | undefined;
}

/** Whether the parameters of `process` make sense for a template of the context's data group. */
export function processIssues(process: Process, rules: ProcessRuleContext): DomainIssue[] {
  const { group } = rules;
  switch (process.type) {
    case 'email':
      return emailIssues(process, rules);
    case 'set-status': {
      const valid = statusTargets(group);
      if (valid.includes(process.status)) return [];
      return [
        issue(
          'template.invalid-status',
          'process.status',
          `${group} cannot be set to '${process.status}'`,
          valid,
        ),
      ];
    }
    case 'set-field':
      return setFieldIssues(process, group);
    case 'person-category':
      return contextKinds(group).includes('person')
        ? []
        : [
            issue(
              'template.no-person',
              'process.type',
              `A ${group} has no person whose categories could change`,
            ),
          ];
    case 'create-invoice':
      return group === 'request'
        ? []
        : [
            issue(
              'template.process-not-available',
              'process.type',
              'Invoices are created from requests only',
            ),
          ];
    case 'stamp':
      return stampIssues(process.templateKeys, rules);
    case 'webhook':
      return webhookIssues(process, rules);
    case 'chat-message':
      return [];
  }
}

function issue(code: ErrorCode, field: string, message: string, valid?: readonly string[]): DomainIssue {
  return { code, field, message, ...(valid ? { details: { valid: [...valid] } } : {}) };
}

function emailIssues(process: Extract<Process, { type: 'email' }>, rules: ProcessRuleContext): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const { sender } = process;
  const approved = rules.approvedSenders;
  if (
    sender !== undefined &&
    approved &&
    !approved.some((address) => address.toLowerCase() === sender.toLowerCase())
  ) {
    issues.push(
      issue(
        'template.sender-not-approved',
        'process.sender',
        `${sender} is not an approved sender`,
        approved,
      ),
    );
  }
  const roles = recipientRolesFor(rules.group);
  const lists = { to: process.to, cc: process.cc, bcc: process.bcc } satisfies Record<string, Recipient[]>;
  for (const [list, recipients] of Object.entries(lists)) {
    recipients.forEach((recipient, index) => {
      if (recipient.kind === 'symbolic' && !roles.includes(recipient.role)) {
        const message = `A ${rules.group} has no '${recipient.role}' to send to`;
        issues.push(
          issue('template.recipient-not-available', `process.${list}.${index}.role`, message, roles),
        );
      }
    });
  }
  return issues;
}

function setFieldIssues(process: Extract<Process, { type: 'set-field' }>, group: DataGroup): DomainIssue[] {
  const writable = CATALOGUE[group].fields.filter((spec) => spec.writable).map((spec) => spec.name);
  const valid = [...writable, 'custom.<name>'];
  const ref = resolveFieldPath(group, `${contextKeyOf(group)}.${process.field}`);
  if (!ref)
    return [
      issue('template.unknown-field', 'process.field', `${group} has no field '${process.field}'`, valid),
    ];
  if ('spec' in ref && !ref.spec.writable) {
    return [
      issue('template.field-not-writable', 'process.field', `${group}.${process.field} cannot be set`, valid),
    ];
  }
  const problem = process.value === null ? nullProblem(ref) : scalarValueProblem(process.value, ref);
  return problem
    ? [issue('template.invalid-value', 'process.value', `${group}.${process.field}: ${problem}`)]
    : [];
}

/** Null clears a field; a flag cannot be cleared, only set to true or false. */
function nullProblem(ref: FieldRef): string | undefined {
  return 'spec' in ref && ref.spec.type === 'boolean' ? 'must be true or false' : undefined;
}

function webhookIssues(
  process: Extract<Process, { type: 'webhook' }>,
  rules: ProcessRuleContext,
): DomainIssue[] {
  const names = rules.webhookSecretNames;
  if (process.secretRef === undefined || !names || names.includes(webhookSecretName(process.secretRef)))
    return [];
  const configured = names.length > 0 ? names.join(', ') : 'none';
  return [
    issue(
      'template.unknown-secret',
      'process.secretRef',
      `No webhook secret ${process.secretRef} is configured (WEBHOOK_SECRET_<NAME>); configured: ${configured}`,
      names,
    ),
  ];
}

function stampIssues(keys: readonly string[], rules: ProcessRuleContext): DomainIssue[] {
  return keys.flatMap((key, index): DomainIssue[] => {
    const field = `process.templateKeys.${index}`;
    if (key === rules.templateKey)
      return [issue('template.stamp-self', field, 'A template cannot stamp itself')];
    if (!rules.knownTemplates) return [];
    const other = rules.knownTemplates.find((candidate) => candidate.key === key);
    if (!other) return [issue('template.unknown-template', field, `There is no template '${key}'`)];
    return other.dataGroup === rules.group
      ? []
      : [
          issue(
            'template.stamp-other-group',
            field,
            `'${key}' is a ${other.dataGroup} template, not a ${rules.group} one`,
          ),
        ];
  });
}
