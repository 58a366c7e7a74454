import {
  buildRecordContext,
  type ParticipantSummary,
  type RecordContext,
} from '../../../src/domain/dossiers/index.js';
import { NOW, record } from './records.js';

export const courseType = record('course-type', { contactUserId: 'u-type-contact' }, 'ct-1');
const COURSE_FIELDS = {
  name: 'Workshop basics',
  startDate: '2026-11-14T09:00:00+01:00',
  endDate: '2026-11-15T17:00:00+01:00',
  minParticipants: 2,
  maxParticipants: 3,
  contactUserId: 'u-course-contact',
  custom: { Room: 'A1' },
} as const;
export const course = record('course', COURSE_FIELDS);
export const company = record('company', {
  name: 'Acme BV',
  accountManagerUserId: 'u-account',
  email: 'billing@acme.test',
});

export function courseContext(
  overrides: Parameters<typeof record<'course'>>[1] = {},
  participants: readonly ParticipantSummary[] = [{ status: 'planned' }],
): RecordContext {
  return buildRecordContext(
    {
      primary: record('course', { ...COURSE_FIELDS, ...overrides }),
      related: { courseType },
      courseParticipants: participants,
    },
    NOW,
  );
}

export function participantContext(
  id: string,
  fields: Parameters<typeof record<'participant'>>[1] = {},
  participants: readonly ParticipantSummary[] = [{ status: 'planned' }],
): RecordContext {
  const person = record(
    'person',
    { firstName: `First-${id}`, emails: { business: `${id}@acme.test` } },
    `person-${id}`,
  );
  return buildRecordContext(
    {
      primary: record('participant', { personId: person.id, ...fields }, id),
      related: { course, person, courseType, company },
      courseParticipants: participants,
    },
    NOW,
  );
}
