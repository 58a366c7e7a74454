import { describe, expect, it } from 'vitest';
import { deriveFacts, type ParticipantSummary, personName } from '../../../src/domain/dossiers/index.js';
import { NOW, record } from '../support/records.js';

const planned = (n: number): ParticipantSummary[] => Array.from({ length: n }, () => ({ status: 'planned' }));

describe('course facts', () => {
  it('counts planned participants only, not the waiting list or cancellations', () => {
    const participants: ParticipantSummary[] = [
      ...planned(3),
      { status: 'waiting-list' },
      { status: 'cancelled' },
      { status: 'completed' },
    ];
    expect(deriveFacts(record('course'), { courseParticipants: participants }, NOW).participantCount).toBe(3);
  });

  it('reaches the minimum at exactly the minimum', () => {
    const course = record('course', { minParticipants: 4 });
    expect(deriveFacts(course, { courseParticipants: planned(3) }, NOW).minimumReached).toBe(false);
    expect(deriveFacts(course, { courseParticipants: planned(4) }, NOW).minimumReached).toBe(true);
  });

  it('treats a course without a minimum as having reached it', () => {
    expect(deriveFacts(record('course'), { courseParticipants: [] }, NOW).minimumReached).toBe(true);
  });

  it('is full at the maximum, and never full without one', () => {
    const course = record('course', { maxParticipants: 2 });
    expect(deriveFacts(course, { courseParticipants: planned(1) }, NOW).full).toBe(false);
    expect(deriveFacts(course, { courseParticipants: planned(2) }, NOW).full).toBe(true);
    expect(deriveFacts(record('course'), { courseParticipants: planned(50) }, NOW).full).toBe(false);
  });

  it('leaves counts unknown when participants were not supplied', () => {
    const facts = deriveFacts(record('course', { maxParticipants: 2 }), {}, NOW);
    expect(facts).toMatchObject({ participantCount: null, minimumReached: null, full: null });
  });

  it('needs at least one teacher and every teacher agreed', () => {
    const agreed = { teacherId: 't1', planningStatus: 'agreed' } as const;
    const requested = { teacherId: 't2', planningStatus: 'requested' } as const;
    expect(deriveFacts(record('course'), {}, NOW).teachersAgreed).toBe(false);
    expect(deriveFacts(record('course', { teachers: [agreed] }), {}, NOW).teachersAgreed).toBe(true);
    expect(deriveFacts(record('course', { teachers: [agreed, requested] }), {}, NOW).teachersAgreed).toBe(
      false,
    );
  });

  it('needs at least one location and every location agreed', () => {
    const declined = { locationId: 'l1', planningStatus: 'declined' } as const;
    const agreed = { locationId: 'l2', planningStatus: 'agreed' } as const;
    expect(deriveFacts(record('course', { locations: [agreed] }), {}, NOW).locationsAgreed).toBe(true);
    expect(deriveFacts(record('course', { locations: [agreed, declined] }), {}, NOW).locationsAgreed).toBe(
      false,
    );
  });
});

describe('invoice facts', () => {
  const due = '2026-09-30T00:00:00Z';
  it('is overdue when final, unpaid and past its due date', () => {
    expect(deriveFacts(record('invoice', { state: 'final', dueDate: due }), {}, NOW).overdue).toBe(true);
  });
  it.each([
    ['a draft', { state: 'draft' as const, dueDate: due }],
    ['paid', { state: 'final' as const, dueDate: due, paid: true }],
    ['not yet due', { state: 'final' as const, dueDate: '2026-10-02T00:00:00Z' }],
    ['without a due date', { state: 'final' as const }],
  ])('is not overdue when %s', (_, fields) => {
    expect(deriveFacts(record('invoice', fields), {}, NOW).overdue).toBe(false);
  });
});

describe('person facts', () => {
  it('derives the full name with the infix in place', () => {
    expect(deriveFacts(record('person', { infix: 'van der' }), {}, NOW).name).toBe('Anna van der Berg');
    expect(personName({ firstName: 'Anna', infix: null, lastName: 'Berg' })).toBe('Anna Berg');
  });
});
