import { describe, expect, it } from 'vitest';
import { buildRecordContext } from '../../../src/domain/dossiers/index.js';
import { recipientRolesFor, resolveRecipients } from '../../../src/domain/templates/index.js';
import { courseContext, participantContext } from '../support/contexts.js';
import { NOW, record } from '../support/records.js';

const emails: Record<string, string> = {
  'u-course-contact': 'planner@institute.test',
  'u-owner': 'owner@institute.test',
};
const lookup = { ownerUserId: 'u-owner', userEmail: (id: string) => emails[id] };

describe('recipients', () => {
  it('offers only the roles the group can resolve', () => {
    expect(recipientRolesFor('course')).toEqual(['course-contact', 'owner']);
    expect(recipientRolesFor('participant')).toEqual(RECIPIENTS_OF_PARTICIPANT);
    expect(recipientRolesFor('company')).toEqual(['debtor', 'owner']);
  });

  it('resolves a participant, its debtor, course contact and owner', () => {
    const result = resolveRecipients(
      [
        { kind: 'symbolic', role: 'participant' },
        { kind: 'symbolic', role: 'debtor' },
        { kind: 'symbolic', role: 'course-contact' },
        { kind: 'symbolic', role: 'owner' },
        { kind: 'address', address: 'archive@institute.test' },
        { kind: 'symbolic', role: 'person-business' },
      ],
      participantContext('p-1'),
      lookup,
    );
    expect(result).toEqual({
      addresses: [
        'p-1@acme.test',
        'billing@acme.test',
        'planner@institute.test',
        'owner@institute.test',
        'archive@institute.test',
      ],
      unresolved: [],
    });
  });

  it('reports roles without an address', () => {
    const result = resolveRecipients(
      [
        { kind: 'symbolic', role: 'contact' },
        { kind: 'symbolic', role: 'debtor' },
      ],
      courseContext(),
      {
        ownerUserId: null,
        userEmail: () => undefined,
      },
    );
    expect(result).toEqual({ addresses: [], unresolved: ['contact', 'debtor'] });
  });

  it("uses a contact's own address, else its person's business address", () => {
    const person = record('person', { emails: { business: 'jan@acme.test' } }, 'person-2');
    const request = record('request', { contactId: 'contact-1' });
    const withoutOwn = buildRecordContext(
      { primary: request, related: { contact: record('contact'), person } },
      NOW,
    );
    expect(resolveRecipients([{ kind: 'symbolic', role: 'contact' }], withoutOwn, lookup).addresses).toEqual([
      'jan@acme.test',
    ]);
    const own = record('contact', { email: 'purchasing@acme.test' });
    const withOwn = buildRecordContext({ primary: request, related: { contact: own, person } }, NOW);
    expect(resolveRecipients([{ kind: 'symbolic', role: 'contact' }], withOwn, lookup).addresses).toEqual([
      'purchasing@acme.test',
    ]);
  });

  it('falls back to the private address for the first address', () => {
    const person = buildRecordContext(
      { primary: record('person', { emails: { private: 'anna@home.test' } }) },
      NOW,
    );
    const result = resolveRecipients(
      [
        { kind: 'symbolic', role: 'person-first' },
        { kind: 'symbolic', role: 'person-business' },
      ],
      person,
      lookup,
    );
    expect(result).toEqual({ addresses: ['anna@home.test'], unresolved: ['person-business'] });
  });
});

const RECIPIENTS_OF_PARTICIPANT = [
  'participant',
  'person-business',
  'person-first',
  'contact',
  'debtor',
  'course-contact',
  'owner',
];
