import { describe, expect, it } from 'vitest';
import {
  contextKeyOf,
  contextKinds,
  RECORD_KINDS,
  relationIdFor,
  relationsToLoad,
} from '../../../src/domain/dossiers/index.js';
import { record } from '../support/records.js';

describe('relationsToLoad', () => {
  it('follows a participant to its course, request and person, then one hop further', () => {
    const plan = relationsToLoad('participant');
    expect(plan.steps.map((step) => step.key)).toEqual([
      'course',
      'request',
      'person',
      'courseType',
      'company',
      'contact',
    ]);
    expect(plan.courseParticipants).toBe(true);
  });

  it("prefers the request's debtor over the person's employer as a participant's company", () => {
    const company = relationsToLoad('participant').steps.find((step) => step.key === 'company');
    expect(company?.sources).toEqual([
      { from: 'request', field: 'companyId' },
      { from: 'person', field: 'companyId' },
    ]);
  });

  it("takes a participant's course type from its course, else from its request", () => {
    const courseType = relationsToLoad('participant').steps.find((step) => step.key === 'courseType');
    expect(courseType?.sources.map((source) => source.from)).toEqual(['course', 'request']);
  });

  it('reaches the course type of an invoice through its request', () => {
    expect(contextKinds('invoice')).toEqual([
      'invoice',
      'request',
      'company',
      'course-type',
      'contact',
      'course',
      'person',
    ]);
  });

  it('loads nothing for a company and asks for no participants', () => {
    expect(relationsToLoad('company')).toEqual({ steps: [], courseParticipants: false });
  });

  it.each(RECORD_KINDS)('%s: every source is the primary record or an earlier step', (kind) => {
    const plan = relationsToLoad(kind);
    const loaded = new Set<string>([contextKeyOf(kind)]);
    for (const step of plan.steps) {
      for (const source of step.sources)
        expect(loaded.has(source.from), `${kind}: ${step.key} ← ${source.from}`).toBe(true);
      loaded.add(step.key);
    }
  });
});

describe('relationIdFor', () => {
  const company = relationsToLoad('participant').steps.find((step) => step.key === 'company')!;

  it('uses the first source that has an id', () => {
    const request = record('request', { companyId: 'debtor' });
    const person = record('person', { companyId: 'employer' });
    expect(relationIdFor(company, { request, person })).toBe('debtor');
  });

  it('falls back when the first source is missing', () => {
    expect(relationIdFor(company, { person: record('person', { companyId: 'employer' }) })).toBe('employer');
  });

  it('is undefined when no source has an id', () => {
    expect(relationIdFor(company, { person: record('person') })).toBeUndefined();
  });
});
