import type { RecordKind } from '../dossiers/kinds.js';

/**
 * The identity of an action: one per template and record, or per event occurrence for 'per-event'
 * templates. The store keeps it unique, so a retried event or a second bot instance cannot stamp twice.
 */
export function identityKey(
  template: { readonly id: string; readonly occurrence: 'once' | 'per-event' },
  record: { readonly group: RecordKind; readonly id: string },
  eventId?: string,
): string {
  const base = `${template.id}:${record.group}:${record.id}`;
  return template.occurrence === 'per-event' && eventId !== undefined ? `${base}:${eventId}` : base;
}
