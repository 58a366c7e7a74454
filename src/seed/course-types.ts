import type { CourseType } from '../domain/dossiers/index.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { SYSTEM_USER } from '../workflow/system-user.js';
import { createRecord } from './create-record.js';
import type { Staff, StaffKey } from './staff.js';

/** Three courses every Dutch safety-training institute offers; two of them are sold on the website. */
const COURSE_TYPES = {
  ehbo: { key: 'ehbo-basis', name: 'EHBO basis', contact: 'bram' },
  bhv: { key: 'bhv-herhaling', name: 'BHV herhaling', contact: 'ans' },
  vca: { key: 'vca-basis', name: 'VCA basis', contact: 'bram' },
} as const satisfies Record<string, { key: string; name: string; contact: StaffKey }>;

export type CourseTypeKey = keyof typeof COURSE_TYPES;
export type CourseTypes = Record<CourseTypeKey, CourseType>;

/** Course types are the workspace's configuration, like templates: the bot sets them up. */
export async function seedCourseTypes(deps: WorkflowDeps, staff: Staff): Promise<CourseTypes> {
  const entries: Array<[CourseTypeKey, CourseType]> = [];
  for (const [key, { contact, ...fields }] of Object.entries(COURSE_TYPES)) {
    const input = { ...fields, contactUserId: staff[contact].id };
    entries.push([key as CourseTypeKey, await createRecord(deps, SYSTEM_USER, 'course-type', input)]);
  }
  return Object.fromEntries(entries) as CourseTypes;
}
