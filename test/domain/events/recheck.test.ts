import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Course,
  type DossierRecord,
  deriveFacts,
  type Participant,
  patchDossier,
} from '../../../src/domain/dossiers/index.js';
import {
  type EventDraft,
  eventsForCreated,
  eventsForRemoved,
  eventsForUpdate,
  recordsToRecheck,
} from '../../../src/domain/events/index.js';
import { NOW, record } from '../support/records.js';

const later = new Date(NOW.getTime() + 60_000);
const planning = fc.constantFrom('requested', 'agreed', 'declined');
const status = fc.constantFrom('planned', 'waiting-list', 'completed', 'cancelled');
const courseId = fc.constantFrom('course-a', 'course-b');
const limit = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null });

const courseFields = fc.record({
  teachers: fc.array(planning, { maxLength: 3 }),
  locations: fc.array(planning, { maxLength: 3 }),
  minParticipants: limit,
  maxParticipants: limit,
});

function courseWith(
  id: string,
  fields: {
    teachers: string[];
    locations: string[];
    minParticipants: number | null;
    maxParticipants: number | null;
  },
) {
  const { minParticipants, maxParticipants } = fields;
  const [min, max] =
    minParticipants !== null && maxParticipants !== null && maxParticipants < minParticipants
      ? [maxParticipants, minParticipants]
      : [minParticipants, maxParticipants];
  return record(
    'course',
    {
      teachers: fields.teachers.map((planningStatus, index) => ({
        teacherId: `teacher-${index}`,
        planningStatus,
      })),
      locations: fields.locations.map((planningStatus, index) => ({
        locationId: `location-${index}`,
        planningStatus,
      })),
      minParticipants: min,
      maxParticipants: max,
    } as never,
    id,
  ) as Course;
}

type CourseFields = {
  teachers: string[];
  locations: string[];
  minParticipants: number | null;
  maxParticipants: number | null;
};

/** A little world: two courses and their participants, in which one thing changes. */
const world = fc.record({
  a: courseFields,
  b: courseFields,
  participants: fc.array(fc.record({ courseId, status }), { maxLength: 6 }),
});

type Change =
  | { kind: 'course'; course: 'course-a' | 'course-b'; fields: CourseFields }
  | { kind: 'participant'; index: number; patch: { courseId?: string; status?: string } }
  | { kind: 'add'; courseId: string; status: string }
  | { kind: 'delete'; index: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('course' as const), course: courseId, fields: courseFields }),
  fc.record({
    kind: fc.constant('participant' as const),
    index: fc.nat(5),
    patch: fc.record({ courseId, status }, { requiredKeys: [] }),
  }),
  fc.record({ kind: fc.constant('add' as const), courseId, status }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat(5) }),
);

function factsOf(courses: Course[], participants: Participant[]) {
  return Object.fromEntries(
    courses.map((course) => [
      course.id,
      deriveFacts(course, { courseParticipants: participants.filter((p) => p.courseId === course.id) }, NOW),
    ]),
  );
}

/** The events the use cases fire for a change, exactly as dossiers.ts builds them. */
function apply(
  courses: Course[],
  participants: Participant[],
  step: Change,
): { courses: Course[]; participants: Participant[]; events: EventDraft[]; records: DossierRecord[] } {
  if (step.kind === 'course') {
    const before = courses.find((course) => course.id === step.course)!;
    const after = { ...courseWith(before.id, step.fields), updatedAt: later };
    return {
      courses: courses.map((course) => (course.id === after.id ? after : course)),
      participants,
      events: eventsForUpdate(before, after),
      records: [after],
    };
  }
  if (step.kind === 'add') {
    const added = record(
      'participant',
      { courseId: step.courseId, status: step.status as never },
      `p-new`,
    ) as Participant;
    return {
      courses,
      participants: [...participants, added],
      events: eventsForCreated(added),
      records: [added],
    };
  }
  const target = participants[step.index % Math.max(participants.length, 1)];
  if (!target) return { courses, participants, events: [], records: [] };
  if (step.kind === 'delete') {
    // deleteDossierRecord: the record itself is reconciled, and a participant still in its course leaves it.
    const events = [
      { type: 'created', group: 'participant', recordId: target.id, data: {} } as EventDraft,
      ...(target.status !== 'cancelled' ? eventsForRemoved(target) : []),
    ];
    return { courses, participants: participants.filter((p) => p !== target), events, records: [] };
  }
  const after = patchDossier(target, step.patch, later) as Participant;
  return {
    courses,
    participants: participants.map((p) => (p === target ? after : p)),
    events: eventsForUpdate(target, after),
    records: [after],
  };
}

describe('recordsToRecheck', () => {
  it('misses no change of a derived fact: every course whose facts changed is re-checked', () => {
    fc.assert(
      fc.property(world, change, (state, step) => {
        const courses = [courseWith('course-a', state.a), courseWith('course-b', state.b)];
        const participants = state.participants.map(
          (fields, index) => record('participant', fields as never, `p-${index}`) as Participant,
        );
        const before = factsOf(courses, participants);
        const next = apply(courses, participants, step);
        const after = factsOf(next.courses, next.participants);
        const { touched, derivedOnly } = recordsToRecheck(next.events, next.records);
        const rechecked = new Set([...touched, ...derivedOnly]);
        for (const course of courses) {
          if (JSON.stringify(before[course.id]) !== JSON.stringify(after[course.id])) {
            expect(rechecked.has(course.id), `${course.id} after ${JSON.stringify(step)}`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('re-checks a record whose own derived facts changed (invoices, persons)', () => {
    const invoice = fc.record({
      state: fc.constantFrom('draft', 'final'),
      paid: fc.boolean(),
      dueDate: fc.option(fc.constantFrom('2026-09-01T00:00:00Z', '2026-12-01T00:00:00Z'), { nil: null }),
    });
    fc.assert(
      fc.property(invoice, invoice, (from, to) => {
        const before = record('invoice', from as never);
        const after = patchDossier(before, to, later);
        const changed =
          JSON.stringify(deriveFacts(before, {}, NOW)) !== JSON.stringify(deriveFacts(after, {}, NOW));
        if (changed)
          expect(recordsToRecheck(eventsForUpdate(before, after), [after]).touched).toContain(before.id);
      }),
    );
    const name = fc.record({
      firstName: fc.constantFrom('Anna', 'Bo'),
      infix: fc.constantFrom(null, 'van'),
      lastName: fc.constantFrom('Berg', 'Dijk'),
    });
    fc.assert(
      fc.property(name, name, (from, to) => {
        const before = record('person', from as never);
        const after = patchDossier(before, to, later);
        const changed =
          JSON.stringify(deriveFacts(before, {}, NOW)) !== JSON.stringify(deriveFacts(after, {}, NOW));
        if (changed)
          expect(recordsToRecheck(eventsForUpdate(before, after), [after]).touched).toContain(before.id);
      }),
    );
  });

  it('tells both courses when a participant moves', () => {
    const before = record('participant', { courseId: 'course-a' }, 'p-1');
    const after = patchDossier(before, { courseId: 'course-b' }, later);
    const events = eventsForUpdate(before, after);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'participant-removed', group: 'course', recordId: 'course-a' }),
        expect.objectContaining({ type: 'participant-added', group: 'course', recordId: 'course-b' }),
      ]),
    );
  });

  it('fires field-changed for a course’s teachers and locations', () => {
    const before = courseWith('course-a', {
      teachers: ['requested'],
      locations: [],
      minParticipants: null,
      maxParticipants: null,
    });
    const after = patchDossier(
      before,
      { teachers: [{ teacherId: 'teacher-0', planningStatus: 'agreed' }] },
      later,
    );
    expect(eventsForUpdate(before, after)).toEqual([
      { type: 'field-changed', group: 'course', recordId: 'course-a', data: { field: 'teachers' } },
    ]);
  });
});
