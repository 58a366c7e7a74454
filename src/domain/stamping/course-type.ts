import type { RecordContext } from '../dossiers/context.js';
import type { DataGroup } from '../dossiers/kinds.js';

/** Groups that belong to a course type; templates reach their records only through a course-type link. */
const COURSE_TYPE_BOUND: readonly DataGroup[] = ['course', 'participant', 'request', 'invoice'];

/** The course type of a context: its own, its course's, or its request's. */
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
