import { describe, expect, it } from 'vitest';
import {
  buildRecordContext,
  contextDates,
  contextRecordRefs,
  readFieldRef,
  resolveFieldPath,
} from '../../../src/domain/dossiers/index.js';
import { DomainError } from '../../../src/domain/errors.js';
import { NOW, record } from '../support/records.js';

const course = record('course', {
  maxParticipants: 1,
  startDate: '2026-11-14T09:00:00+01:00',
  custom: { Room: 'A1' },
});
const person = record('person', { emails: { business: 'anna@acme.test' } });
const participant = record('participant');

function participantContext() {
  return buildRecordContext(
    {
      primary: participant,
      related: { course, person, company: record('company'), location: record('location') },
      courseParticipants: [{ status: 'planned' }],
    },
    NOW,
  );
}

describe('buildRecordContext', () => {
  it('keys the primary record and its relations by context key, with derived facts', () => {
    const context = participantContext();
    expect(context.group).toBe('participant');
    expect(context.recordId).toBe('participant-1');
    expect(Object.keys(context.records).sort()).toEqual(['company', 'course', 'participant', 'person']);
    expect(context.records.course).toMatchObject({
      name: 'Workshop basics',
      participantCount: 1,
      full: true,
    });
    expect(context.records.person).toMatchObject({ name: 'Anna Berg' });
  });

  it('leaves out related records the group cannot reach', () => {
    expect(participantContext().records.location).toBeUndefined();
  });

  it('refuses a record under the wrong key', () => {
    const build = () => buildRecordContext({ primary: participant, related: { course: person } }, NOW);
    expect(build).toThrow(DomainError);
    expect(build).toThrow(/course/);
  });

  it('lists the records it holds as references, primary first', () => {
    expect(contextRecordRefs(participantContext())[0]).toEqual({ group: 'participant', id: 'participant-1' });
    expect(contextRecordRefs(participantContext())).toContainEqual({ group: 'course', id: 'course-1' });
  });
});

describe('field paths', () => {
  it('resolves catalogue fields of the group and its relations', () => {
    expect(resolveFieldPath('participant', 'course.full')).toMatchObject({ key: 'course', kind: 'course' });
    expect(resolveFieldPath('participant', 'person.emails.business')).toMatchObject({ key: 'person' });
    expect(resolveFieldPath('invoice', 'courseType.name')).toMatchObject({ kind: 'course-type' });
  });

  it('refuses unknown fields, unknown keys and keys out of reach', () => {
    expect(resolveFieldPath('course', 'course.colour')).toBeUndefined();
    expect(resolveFieldPath('course', 'lesson.name')).toBeUndefined();
    expect(resolveFieldPath('course', 'person.name')).toBeUndefined();
    expect(resolveFieldPath('course', 'course')).toBeUndefined();
    expect(resolveFieldPath('course', 'course.custom.not valid')).toBeUndefined();
  });

  it('reads values, custom fields ignoring case, and null for what is absent', () => {
    const context = participantContext();
    const read = (path: string) => readFieldRef(context, resolveFieldPath('participant', path)!);
    expect(read('course.maxParticipants')).toBe(1);
    expect(read('person.emails.business')).toBe('anna@acme.test');
    expect(read('course.custom.Room')).toBe('A1');
    expect(read('course.custom.room')).toBe('A1');
    expect(read('course.custom.floor')).toBeNull();
    expect(read('request.number')).toBeNull();
    expect(read('course.endDate')).toBeNull();
  });

  it('collects the date anchors of a context', () => {
    const dates = contextDates(participantContext());
    expect(dates['course.startDate']).toEqual(new Date('2026-11-14T08:00:00Z'));
    expect(dates['course.endDate']).toBeUndefined();
    expect(Object.keys(dates)).toContain('participant.createdAt');
    expect(Object.keys(dates)).not.toContain('invoice.dueDate');
  });
});
