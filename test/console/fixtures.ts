import type { Action } from '../../src/domain/actions/index.js';
import type { TemplateInput } from '../../src/domain/templates/index.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType, seedParticipant } from '../workflow/support/records.js';
import { AROUND_EVENT, BEFORE_COURSE_START, seedTemplate } from '../workflow/support/templates.js';
import type { TestWorkspace } from '../workflow/support/workspace.js';

/**
 * A small institute for console tests, on the workflow fixtures' clock (Thursday 1 October 2026, 10:00):
 * a course in November (its actions upcoming), one that started on Tuesday (its actions overdue), and a
 * semi-automatic "publish" action per course that is due today. The planner is both courses' contact.
 */
export interface ConsoleRecords {
  futureCourseId: string;
  pastCourseId: string;
  participantId: string;
  /** Manual, on the future course: upcoming. */
  attendance: Action;
  /** Manual, on the past course: overdue. */
  lateAttendance: Action;
  /** Semi-automatic set-field portalPublished=true on the future course: today. */
  publish: Action;
}

export async function seedConsoleRecords(ws: TestWorkspace): Promise<ConsoleRecords> {
  const courseTypeId = (await seedCourseType(ws, 'workshops')).id;
  const linked: Partial<TemplateInput> = {
    courseTypeIds: [courseTypeId],
    ownerRule: { kind: 'course-contact' },
  };
  const attendanceTemplate = await seedTemplate(ws, {
    ...linked,
    key: 'attendance-list',
    name: 'Attendance list [Course:Name]',
    timing: BEFORE_COURSE_START,
  });
  const publishTemplate = await seedTemplate(
    ws,
    {
      ...linked,
      key: 'publish-portal',
      name: 'Publish [Course:Name] on the portal',
      execution: 'semi-automatic',
      process: { type: 'set-field', field: 'portalPublished', value: true },
      timing: AROUND_EVENT,
    },
    ws.users.automator,
  );
  await seedTemplate(ws, {
    ...linked,
    key: 'send-certificate',
    name: 'Certificate for [Person:FirstName]',
    dataGroup: 'participant',
    event: { type: 'participant-added', group: 'participant' },
    timing: {
      start: { amount: 1, unit: 'days', direction: 'after', anchor: 'course.endDate' },
      end: { amount: 5, unit: 'days', direction: 'after', anchor: 'course.endDate' },
    },
  });
  const future = await seedCourse(ws, courseTypeId, {
    name: 'Workshop basics',
    contactUserId: ws.users.planner.id,
  });
  const past = await seedCourse(ws, courseTypeId, {
    name: 'First aid refresher',
    contactUserId: ws.users.planner.id,
    startDate: '2026-09-29T09:00:00+02:00',
    endDate: '2026-09-29T17:00:00+02:00',
  });
  const participant = await seedParticipant(ws, future.record.id, { status: 'planned', active: true });
  return {
    futureCourseId: future.record.id,
    pastCourseId: past.record.id,
    participantId: participant.record.id,
    attendance: await onlyAction(ws, attendanceTemplate.id, future.record.id),
    lateAttendance: await onlyAction(ws, attendanceTemplate.id, past.record.id),
    publish: await onlyAction(ws, publishTemplate.id, future.record.id),
  };
}
