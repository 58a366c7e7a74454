import type { DataGroup } from '../dossiers/kinds.js';
import { STATUS_MACHINES } from '../dossiers/status.js';
import type { DomainIssue } from '../errors.js';
import { changeableFields, isChangeableField } from './fields.js';
import type { EventSpec } from './spec.js';
import { EVENT_TYPES_BY_GROUP, FAN_OUT_SOURCES } from './types.js';

/** The problems of `spec` on a template of `templateGroup`, with fields under `prefix`. */
export function eventSpecIssues(spec: EventSpec, templateGroup: DataGroup, prefix = 'event'): DomainIssue[] {
  const groups = [templateGroup, ...(FAN_OUT_SOURCES[templateGroup] ?? [])];
  if (!groups.includes(spec.group)) {
    return [
      {
        code: 'template.event-group-not-allowed',
        field: `${prefix}.group`,
        message: `A ${templateGroup} template cannot listen to ${spec.group} events`,
        details: { valid: groups },
      },
    ];
  }
  const types = EVENT_TYPES_BY_GROUP[spec.group];
  if (!types.includes(spec.type)) {
    return [
      {
        code: 'template.event-type-not-allowed',
        field: `${prefix}.type`,
        message: `${spec.group} records have no '${spec.type}' event`,
        details: { valid: [...types] },
      },
    ];
  }
  return filterIssues(spec, prefix);
}

function filterIssues(spec: EventSpec, prefix: string): DomainIssue[] {
  switch (spec.type) {
    case 'status-changed':
    case 'stage-changed': {
      const field = spec.type === 'stage-changed' ? 'stage' : 'status';
      const machine = STATUS_MACHINES[spec.group]?.find((candidate) => candidate.field === field);
      const values = Object.keys(machine?.transitions ?? {});
      return (['from', 'to'] as const)
        .filter((end) => spec[end] !== undefined && !values.includes(spec[end] ?? ''))
        .map((end) => ({
          code: 'template.invalid-event-status',
          field: `${prefix}.${end}`,
          message: `'${spec[end]}' is not a ${spec.group} ${field}`,
          details: { valid: values },
        }));
    }
    case 'field-changed':
      return isChangeableField(spec.group, spec.field)
        ? []
        : [
            {
              code: 'template.unknown-event-field',
              field: `${prefix}.field`,
              message: `'${spec.field}' is not a field of ${spec.group} that can change`,
              details: {
                valid: [...changeableFields(spec.group).map((field) => field.name), 'custom.<name>'],
              },
            },
          ];
    default:
      return [];
  }
}
