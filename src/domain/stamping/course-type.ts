import type { RecordContext } from '../dossiers/context.js';
import type { DataGroup } from '../dossiers/kinds.js';

/**
 * Groups that belong to a course type; templates reach their records only through a course-type link.
 * Coachview's list: course, request, training question (our participant) and web request; an invoice
 * follows its request.
 */
const COURSE_TYPE_BOUND: readonly DataGroup[] = [
  'course',
  'participant',
  'request',
  'invoice',
  'web-request',
];

/**
 * The course type of a context: its own, its course's, or its request's. A web request's is the one it
 * names, which must be its course's when it names a course too (see the web request rules).
 */
export function courseTypeIdOf(context: RecordContext): string | undefined {
  const { courseType, course, request } = context.records;
  const candidates = [courseType?.id, course?.courseTypeId, request?.courseTypeId];
  return candidates.find((id): id is string => typeof id === 'string' && id !== '');
}

/**
 * Whether a template stamps automatically on this record's events (docs/domain.md §4): records of course-bound
 * groups need the template linked to their course type; persons, companies and the like have no course
 * type, so every template of their group applies.
 */
export function isLinkedToCourseType(
  template: { readonly courseTypeIds: readonly string[] },
  context: RecordContext,
): boolean {
  if (!COURSE_TYPE_BOUND.includes(context.group as DataGroup)) return true;
  const courseTypeId = courseTypeIdOf(context);
  return courseTypeId !== undefined && template.courseTypeIds.includes(courseTypeId);
}
