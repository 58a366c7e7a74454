import type { Course, DossierRecord, Invoice, Participant, Person } from './schemas.js';

/** What the course's derived facts need of each of its participants. */
export type ParticipantSummary = Pick<Participant, 'status'>;

/** What derivations need beyond the record itself. */
export interface DerivationInputs {
  /** All participants of the course; absent when they were not loaded. */
  readonly courseParticipants?: readonly ParticipantSummary[] | undefined;
}

export type DerivedFacts = Readonly<Record<string, string | number | boolean | null>>;

/**
 * Facts computed from a record, never stored, so they cannot go stale: the fields marked `derived` in the
 * catalogue. A fact whose inputs were not supplied is null (unknown) rather than a guess: a condition on it
 * then fails and says the value is empty.
 */
export function deriveFacts(record: DossierRecord, inputs: DerivationInputs, now: Date): DerivedFacts {
  switch (record.group) {
    case 'course':
      return courseFacts(record, inputs.courseParticipants);
    case 'invoice':
      return { overdue: isOverdue(record, now) };
    case 'person':
      return { name: personName(record) };
    default:
      return {};
  }
}

function courseFacts(course: Course, participants: readonly ParticipantSummary[] | undefined): DerivedFacts {
  // Only planned participants take a seat: the waiting list is by definition not in the course.
  const count = participants?.filter((participant) => participant.status === 'planned').length ?? null;
  return {
    participantCount: count,
    minimumReached: count === null ? null : count >= (course.minParticipants ?? 0),
    full: count === null ? null : course.maxParticipants != null && count >= course.maxParticipants,
    teachersAgreed: allAgreed(course.teachers),
    locationsAgreed: allAgreed(course.locations),
  };
}

/** At least one planned, and every one of them agreed: a course without a teacher is not staffed. */
function allAgreed(plannings: readonly { planningStatus: string }[]): boolean {
  return plannings.length > 0 && plannings.every((planning) => planning.planningStatus === 'agreed');
}

function isOverdue(invoice: Invoice, now: Date): boolean {
  return (
    invoice.state === 'final' &&
    !invoice.paid &&
    invoice.dueDate != null &&
    invoice.dueDate.getTime() < now.getTime()
  );
}

/** Full name with the Dutch infix in place: 'Anna van der Berg'. */
export function personName(person: Pick<Person, 'firstName' | 'infix' | 'lastName'>): string {
  return [person.firstName, person.infix, person.lastName].filter((part) => part?.trim()).join(' ');
}
