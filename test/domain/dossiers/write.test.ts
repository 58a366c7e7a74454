import { describe, expect, it } from 'vitest';
import { createDossier, fieldPatch, patchDossier } from '../../../src/domain/dossiers/index.js';
import { DomainError } from '../../../src/domain/errors.js';
import { NOW, record } from '../support/records.js';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('createDossier', () => {
  it('fills in defaults, the id, the group and the timestamps', () => {
    const course = createDossier(
      'course',
      { code: 'C1', name: 'Basics', courseTypeId: 'ct-1' },
      { id: 'c-1', now: NOW },
    );
    expect(course).toMatchObject({
      id: 'c-1',
      group: 'course',
      status: 'to-start',
      portalPublished: false,
      teachers: [],
      locations: [],
      custom: {},
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('parses ISO date-times with an offset into Dates', () => {
    const course = record('course', { startDate: '2026-11-14T09:00:00+01:00' });
    expect(course.startDate).toEqual(new Date('2026-11-14T08:00:00Z'));
  });

  it('refuses a bare date, naming the field', () => {
    const error = errorOf(() => record('course', { startDate: '2026-11-14' }));
    expect(error.category).toBe('invalid-input');
    expect(error.code).toBe('dossier.invalid');
    expect(error.field).toBe('startDate');
  });

  it('refuses an unknown status value, naming the field', () => {
    const error = errorOf(() => record('course', { status: 'done' as never }));
    expect(error.field).toBe('status');
    expect(error.message).toContain('to-start');
  });

  it('refuses unknown fields instead of dropping them', () => {
    const error = errorOf(() =>
      createDossier('company', { name: 'Acme', colour: 'red' }, { id: 'x', now: NOW }),
    );
    expect(error.message).toContain('colour');
  });

  it('reports every invalid field at once', () => {
    const error = errorOf(() =>
      createDossier('person', { firstName: '', lastName: 3 }, { id: 'x', now: NOW }),
    );
    expect(error.issues.map((issue) => issue.field)).toEqual(['firstName', 'lastName']);
  });

  it('refuses a course ending before it starts', () => {
    const error = errorOf(() =>
      record('course', { startDate: '2026-11-14T09:00:00+01:00', endDate: '2026-11-13T09:00:00+01:00' }),
    );
    expect(error.code).toBe('dossier.end-before-start');
    expect(error.field).toBe('endDate');
  });

  it('refuses a maximum below the minimum', () => {
    const error = errorOf(() => record('course', { minParticipants: 8, maxParticipants: 6 }));
    expect(error.code).toBe('dossier.max-below-min');
    expect(error.field).toBe('maxParticipants');
  });

  it('validates nested e-mail addresses with a dotted field', () => {
    const error = errorOf(() => record('person', { emails: { business: 'not-an-address' } }));
    expect(error.field).toBe('emails.business');
  });
});

describe('patchDossier', () => {
  const later = new Date('2026-10-02T10:00:00Z');

  it('changes only the given fields and never re-applies defaults', () => {
    const course = record('course', { status: 'definitive', portalPublished: true });
    const patched = patchDossier(course, { name: 'Advanced' }, later);
    expect(patched).toMatchObject({
      name: 'Advanced',
      status: 'definitive',
      portalPublished: true,
      updatedAt: later,
    });
    expect(patched.createdAt).toEqual(course.createdAt);
  });

  it('merges custom fields key by key', () => {
    const course = record('course', { custom: { room: 'A1', seats: 12 } });
    expect(patchDossier(course, { custom: { room: 'B2' } }, later).custom).toEqual({ room: 'B2', seats: 12 });
  });

  it('clears an optional field with null', () => {
    const company = record('company', { accountManagerUserId: 'u-1' });
    expect(patchDossier(company, { accountManagerUserId: null }, later).accountManagerUserId).toBeNull();
  });

  it('checks cross-field rules against the merged record', () => {
    const course = record('course', { minParticipants: 4 });
    expect(() => patchDossier(course, { maxParticipants: 3 }, later)).toThrow(/maxParticipants/);
  });

  it('refuses fields that do not belong to the kind', () => {
    const error = errorOf(() => patchDossier(record('invoice'), { status: 'final' }, later));
    expect(error.code).toBe('dossier.invalid');
  });
});

describe('fieldPatch', () => {
  const later = new Date('2026-10-02T10:00:00Z');

  it('sets a top-level field', () => {
    const course = record('course');
    expect(patchDossier(course, fieldPatch(course, 'portalPublished', true), later).portalPublished).toBe(
      true,
    );
  });

  it('sets a nested field and keeps its siblings', () => {
    const person = record('person', { emails: { private: 'anna@home.test' } });
    const patched = patchDossier(person, fieldPatch(person, 'emails.business', 'anna@acme.test'), later);
    expect(patched.emails).toEqual({ private: 'anna@home.test', business: 'anna@acme.test' });
  });

  it('sets a custom field and keeps the others', () => {
    const course = record('course', { custom: { room: 'A1', seats: 12 } });
    expect(patchDossier(course, fieldPatch(course, 'custom.room', 'B2'), later).custom).toEqual({
      room: 'B2',
      seats: 12,
    });
  });
});
