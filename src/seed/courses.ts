import type { Course, Participant, Request } from '../domain/dossiers/index.js';
import type { WorkCalendar } from '../domain/timing/index.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { updateDossierRecord } from '../workflow/dossiers.js';
import type { CourseTypeKey, CourseTypes } from './course-types.js';
import { createRecord } from './create-record.js';
import { workingDaysFrom } from './moments.js';
import type { LocationKey, Organisations, PersonKey } from './organisations.js';
import type { Staff, StaffKey } from './staff.js';

interface CoursePlan {
  code: string;
  name: string;
  type: CourseTypeKey;
  /** First day, in working days from now (negative: already started). */
  startsIn: number;
  /** Length in working days. */
  days: number;
  min: number | null;
  max: number | null;
  teacher: { who: 'henk' | 'fatima'; agreed: boolean };
  location: LocationKey;
  /** The course's own contact person; without one, the course type's contact is used. */
  contact?: StaffKey;
  participants: PersonKey[];
}

/**
 * Four courses chosen so that right after seeding every colour is on the board:
 * - `soon` starts in 2 working days and is confirmed: its attendance list is due today (orange);
 * - `held` was given on the previous working day: its attendance list and teacher call were never ticked
 *   off (red), and its participants' pass registrations are waiting for Execute (orange);
 * - `later` starts in 3 weeks, below its minimum: the go-ahead waits hidden, welcome e-mails are due;
 * - `nearlyFull` has one place left: "stop publishing when full" waits for the last enrolment.
 */
const COURSES = {
  soon: {
    code: 'EHBO-B-117',
    name: 'EHBO basis Utrecht',
    type: 'ehbo',
    startsIn: 2,
    days: 2,
    min: 4,
    max: 10,
    teacher: { who: 'henk', agreed: true },
    location: 'utrecht',
    participants: ['fleur', 'sandra', 'youssef', 'ingrid', 'daan'],
  },
  held: {
    code: 'BHV-H-052',
    name: 'BHV herhaling Bouwbedrijf Van Dijk',
    type: 'bhv',
    startsIn: -1,
    days: 1,
    min: null,
    max: 12,
    teacher: { who: 'henk', agreed: true },
    location: 'vanDijk',
    participants: ['johan', 'ahmed', 'lotte', 'tom'],
  },
  later: {
    code: 'VCA-B-088',
    name: 'VCA basis Utrecht',
    type: 'vca',
    startsIn: 15,
    days: 1,
    min: 6,
    max: 12,
    teacher: { who: 'fatima', agreed: false },
    location: 'utrecht',
    participants: ['bas', 'kevin', 'mark'],
  },
  nearlyFull: {
    code: 'EHBO-B-118',
    name: 'EHBO basis Amersfoort',
    type: 'ehbo',
    startsIn: 25,
    days: 2,
    min: 4,
    max: 8,
    teacher: { who: 'henk', agreed: false },
    location: 'amersfoort',
    contact: 'ans',
    participants: ['emma', 'lucas', 'noor', 'sem', 'julia', 'finn', 'sophie'],
  },
} satisfies Record<string, CoursePlan>;
export type CourseKey = keyof typeof COURSES;
export type Courses = Record<CourseKey, Course>;

export interface CourseSetting {
  readonly deps: WorkflowDeps;
  readonly now: Date;
  readonly calendar: WorkCalendar;
  readonly staff: Staff;
  readonly courseTypes: CourseTypes;
  readonly organisations: Organisations;
}

/** The courses as the planner enters them: still to start, no participants yet. */
export async function planCourses(setting: CourseSetting): Promise<Courses> {
  const { deps, now, calendar, staff, courseTypes, organisations } = setting;
  const courses = {} as Courses;
  for (const [key, plan] of Object.entries(COURSES) as Array<[CourseKey, CoursePlan]>) {
    const location = organisations.locations[plan.location];
    courses[key] = await createRecord(deps, staff.ans, 'course', {
      code: plan.code,
      name: plan.name,
      courseTypeId: courseTypes[plan.type].id,
      startDate: workingDaysFrom(now, plan.startsIn, '09:00', calendar),
      endDate: workingDaysFrom(now, plan.startsIn + plan.days - 1, '16:30', calendar),
      contactUserId: plan.contact ? staff[plan.contact].id : null,
      minParticipants: plan.min,
      maxParticipants: plan.max,
      teachers: [
        {
          teacherId: organisations.teachers[plan.teacher.who].id,
          planningStatus: plan.teacher.agreed ? 'agreed' : 'requested',
        },
      ],
      locations: [{ locationId: location.id, planningStatus: 'agreed' }],
      // The address participants see in their welcome e-mail ([Opleiding:Vrij.Lesplaats]).
      custom: { lesplaats: `${location.address}, ${location.city}` },
    });
  }
  return courses;
}

/**
 * Enrols the participants, then moves the courses on as the planner would: `soon` confirmed by hand,
 * `held` confirmed and, after the course day, marked as given. Each step fires the events that stamp.
 * The in-company course's participants belong to the customer's order.
 */
export async function enrolAndProgress(
  setting: CourseSetting,
  courses: Courses,
  order: Request,
): Promise<Participant[]> {
  const { deps, staff, organisations } = setting;
  const participants: Participant[] = [];
  for (const [key, plan] of Object.entries(COURSES) as Array<[CourseKey, CoursePlan]>) {
    for (const who of plan.participants) {
      const requestId = key === 'held' ? order.id : null;
      participants.push(
        await createRecord(deps, staff.ans, 'participant', {
          courseId: courses[key].id,
          personId: organisations.people[who].id,
          requestId,
        }),
      );
    }
  }
  const setStatus = async (key: CourseKey, status: Course['status']) => {
    const { record } = await updateDossierRecord(deps, staff.ans, { id: courses[key].id, patch: { status } });
    courses[key] = record as Course;
  };
  await setStatus('soon', 'definitive');
  await setStatus('held', 'definitive');
  await setStatus('held', 'executed');
  return participants;
}
