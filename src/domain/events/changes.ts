import { readField } from '../dossiers/catalogue.js';
import { isDataGroup } from '../dossiers/kinds.js';
import type { DossierRecord, Participant } from '../dossiers/schemas.js';
import { STATUS_MACHINES } from '../dossiers/status.js';
import { changeableFields, STRUCTURED_FIELDS } from './fields.js';
import type { EventDraft } from './types.js';

/**
 * The events a new record fires: `created`, and for a participant also `participant-added` on itself and
 * on its course, so both participant and course templates can react.
 */
export function eventsForCreated(record: DossierRecord): EventDraft[] {
  if (!isDataGroup(record.group)) return [];
  const created: EventDraft = { type: 'created', group: record.group, recordId: record.id, data: {} };
  return record.group === 'participant'
    ? [created, ...participantEvents('participant-added', record)]
    : [created];
}

/** The events of a participant leaving its course (deleted, or its status set to cancelled). */
export function eventsForRemoved(participant: Participant): EventDraft[] {
  return participantEvents('participant-removed', participant);
}

function participantEvents(
  type: 'participant-added' | 'participant-removed',
  participant: Participant,
): EventDraft[] {
  const data = { participantId: participant.id };
  return [
    { type, group: 'participant', recordId: participant.id, data },
    { type, group: 'course', recordId: participant.courseId, data },
  ];
}

/**
 * The events a change from `before` to `after` fires: status, stage and finalisation events, category
 * events, and `field-changed` for every stored field that changed (statuses included, so a template can
 * use either). Processes that change records use this too, which is what lets templates chain.
 */
export function eventsForUpdate(before: DossierRecord, after: DossierRecord): EventDraft[] {
  const group = after.group;
  if (!isDataGroup(group) || before.group !== group || before.id !== after.id) return [];
  const base = { group, recordId: after.id };
  const events: EventDraft[] = [];
  for (const machine of STATUS_MACHINES[group] ?? []) {
    const from = String((before as Record<string, unknown>)[machine.field]);
    const to = String((after as Record<string, unknown>)[machine.field]);
    if (from === to) continue;
    if (group === 'invoice') {
      if (to === 'final') events.push({ ...base, type: 'invoice-finalised', data: {} });
    } else {
      const type = machine.field === 'stage' ? 'stage-changed' : 'status-changed';
      events.push({ ...base, type, data: { from, to } });
    }
  }
  if (before.group === 'participant' && after.group === 'participant')
    events.push(...enrolmentEvents(before, after));
  if (before.group === 'person' && after.group === 'person') {
    const was = new Set(before.categories);
    const is = new Set(after.categories);
    for (const category of is)
      if (!was.has(category)) events.push({ ...base, type: 'category-added', data: { category } });
    for (const category of was)
      if (!is.has(category)) events.push({ ...base, type: 'category-removed', data: { category } });
  }
  for (const field of changedFields(before, after))
    events.push({ ...base, type: 'field-changed', data: { field } });
  return events;
}

/**
 * A participant leaves its course when cancelled, and moves when its course changes: removed from the one
 * (if it was in it), added to the other. Both courses' counts change, so both courses hear of it.
 */
function enrolmentEvents(before: Participant, after: Participant): EventDraft[] {
  const wasIn = before.status !== 'cancelled';
  const isIn = after.status !== 'cancelled';
  if (before.courseId !== after.courseId) {
    return [
      ...(wasIn ? eventsForRemoved(before) : []),
      ...(isIn ? participantEvents('participant-added', after) : []),
    ];
  }
  return wasIn && !isIn ? eventsForRemoved(after) : [];
}

function changedFields(before: DossierRecord, after: DossierRecord): string[] {
  const stored = changeableFields(after.group)
    .filter((spec) => !sameValue(readField(before, spec), readField(after, spec)))
    .map((spec) => spec.name);
  const structured = (STRUCTURED_FIELDS[after.group] ?? []).filter(
    (name) =>
      JSON.stringify((before as Record<string, unknown>)[name]) !==
      JSON.stringify((after as Record<string, unknown>)[name]),
  );
  const customNames = new Set([...Object.keys(before.custom), ...Object.keys(after.custom)]);
  const custom = [...customNames]
    .filter((name) => !sameValue(before.custom[name], after.custom[name]))
    .map((name) => `custom.${name}`);
  return [...stored, ...structured, ...custom];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => item === b[index]);
  return (a ?? null) === (b ?? null);
}
