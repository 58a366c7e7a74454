import type { EventSpec } from './spec.js';
import type { DomainEvent } from './types.js';

/**
 * Whether a template with event `spec` reacts to `event`. Unset filters match anything; categories and
 * custom event names match ignoring case, since other systems post them as they please.
 */
export function templateListensTo(
  template: { readonly event: EventSpec | null },
  event: DomainEvent,
): boolean {
  const spec = template.event;
  if (!spec || spec.group !== event.group || spec.type !== event.type) return false;
  switch (spec.type) {
    case 'status-changed':
    case 'stage-changed':
      return optional(spec.from, event.data.from) && optional(spec.to, event.data.to);
    case 'field-changed':
      return spec.field === event.data.field;
    case 'category-added':
    case 'category-removed':
      return spec.category === undefined || sameText(spec.category, event.data.category);
    case 'custom':
      return sameText(spec.name, event.data.name);
    default:
      return true;
  }
}

function optional(wanted: string | undefined, actual: string | undefined): boolean {
  return wanted === undefined || wanted === actual;
}

function sameText(wanted: string, actual: string | undefined): boolean {
  return actual !== undefined && wanted.toLowerCase() === actual.toLowerCase();
}
