import { describe, expect, it } from 'vitest';
import { readsParticipantCounts } from '../../../src/domain/templates/index.js';

const base = {
  dataGroup: 'participant' as const,
  name: 'Welcome [Person:FirstName]',
  process: null,
  conditions: { all: [], any: [] },
};

describe('readsParticipantCounts', () => {
  it('is false for templates that never look at how many participants a course has', () => {
    expect(readsParticipantCounts(base)).toBe(false);
    expect(
      readsParticipantCounts({
        ...base,
        conditions: { all: [{ field: 'course.teachersAgreed', op: 'eq', value: true }], any: [] },
      }),
    ).toBe(false);
  });

  it('sees the counted facts in conditions, also inside any-groups', () => {
    expect(
      readsParticipantCounts({
        ...base,
        conditions: { all: [{ field: 'course.full', op: 'eq', value: true }], any: [] },
      }),
    ).toBe(true);
    expect(
      readsParticipantCounts({
        ...base,
        conditions: { all: [], any: [[{ field: 'course.minimumReached', op: 'eq', value: true }]] },
      }),
    ).toBe(true);
  });

  it('sees them in merge codes of the name and of e-mail texts, in Dutch or English', () => {
    expect(readsParticipantCounts({ ...base, name: '[Opleiding:Naam] has [Course:ParticipantCount]' })).toBe(
      true,
    );
    const email = {
      type: 'email' as const,
      documentTemplate: { subject: 'Hi', body: 'We are with [Opleiding:AantalDeelnemers]' },
      to: [{ kind: 'symbolic' as const, role: 'participant' as const }],
      cc: [],
      bcc: [],
    };
    expect(readsParticipantCounts({ ...base, process: email })).toBe(true);
    expect(readsParticipantCounts(base, email)).toBe(true);
  });
});
