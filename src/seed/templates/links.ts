import type { CourseTypes } from '../course-types.js';
import type { Staff } from '../staff.js';

/** What the example templates refer to: the course types they are linked to and a fixed owner. */
export interface TemplateRefs {
  readonly courseTypes: CourseTypes;
  readonly staff: Staff;
}

/** Course types sold on the website (open enrolment); BHV herhaling is only given in-company. */
export function openEnrolment({ courseTypes }: TemplateRefs): string[] {
  return [courseTypes.ehbo.id, courseTypes.vca.id];
}

export function everyCourseType({ courseTypes }: TemplateRefs): string[] {
  return Object.values(courseTypes).map((type) => type.id);
}

/** First-aid courses: where an expired first-aid certificate and a pass registration matter. */
export function firstAid({ courseTypes }: TemplateRefs): string[] {
  return [courseTypes.ehbo.id, courseTypes.bhv.id];
}

/**
 * Planning's work: everyone may see it (sales wants to know a course goes ahead, finance that it was
 * given), but only planners complete, execute, snooze or reassign it — and the owner, whoever that is.
 */
export const PLANNING_WORK: { readonly readRoles: string[]; readonly writeRoles: string[] } = {
  readRoles: [],
  writeRoles: ['planning'],
};
