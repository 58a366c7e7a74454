import type { DossierRecord } from '../dossiers/schemas.js';
import type { EventDraft } from './types.js';

/**
 * Whose waiting and open actions must be evaluated again after these events (docs/domain.md §2: derived facts
 * are computed, so every change that can alter one must re-check what reads it):
 * - `touched`: every record an event is about — its own fields, and the derived facts computed from them
 *   (a course's teachersAgreed from its teachers), may have changed; actions linked to it are included
 *   by the store query, since their contexts hold it;
 * - `derivedOnly`: records whose derived facts changed without an event of their own — the course of a
 *   participant that changed (its participant count, minimumReached, full).
 * A participant that moves, joins or leaves fires events on its courses themselves (eventsForUpdate), so
 * every course whose count changed is in one of the two.
 */
export function recordsToRecheck(
  events: readonly Pick<EventDraft, 'recordId'>[],
  records: readonly DossierRecord[],
): { touched: string[]; derivedOnly: string[] } {
  const touched = [...new Set(events.map((event) => event.recordId))];
  const courses = new Set<string>();
  for (const record of records) {
    if (record.group === 'participant' && touched.includes(record.id)) courses.add(record.courseId);
  }
  return { touched, derivedOnly: [...courses].filter((id) => !touched.includes(id)) };
}
