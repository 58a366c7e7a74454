import { describe, expect, it } from 'vitest';
import { buildRecordContext } from '../../../src/domain/dossiers/index.js';
import {
  courseTypeIdOf,
  identityKey,
  isLinkedToCourseType,
  resolveOwner,
} from '../../../src/domain/stamping/index.js';
import { company, course, courseContext, courseType, participantContext } from '../support/contexts.js';
import { NOW, record } from '../support/records.js';

describe('resolveOwner', () => {
  const context = participantContext('p-1');

  it.each([
    [{ kind: 'user', userId: 'u-fixed' }, 'u-fixed'],
    [{ kind: 'course-contact' }, 'u-course-contact'],
    [{ kind: 'account-manager' }, 'u-account'],
    [{ kind: 'stamper' }, 'u-stamper'],
  ] as const)('%j → %s', (rule, owner) => {
    expect(resolveOwner(rule, context, 'u-stamper')).toBe(owner);
  });

  it("falls back to the course type's contact person when the course has none", () => {
    const withoutContact = courseContext({ contactUserId: null });
    expect(resolveOwner({ kind: 'course-contact' }, withoutContact, null)).toBe('u-type-contact');
  });

  it('gives ownerless course and participant actions the course contact person', () => {
    expect(resolveOwner({ kind: 'none' }, courseContext(), null)).toBe('u-course-contact');
    expect(resolveOwner({ kind: 'stamper' }, context, null)).toBe('u-course-contact');
    expect(resolveOwner({ kind: 'account-manager' }, courseContext(), null)).toBe('u-course-contact');
  });

  it('leaves other ownerless actions without an owner', () => {
    const request = buildRecordContext(
      { primary: record('request'), related: { company: record('company'), course, courseType } },
      NOW,
    );
    expect(resolveOwner({ kind: 'none' }, request, null)).toBeNull();
    expect(resolveOwner({ kind: 'account-manager' }, request, null)).toBeNull();
    const withManager = buildRecordContext({ primary: record('request'), related: { company } }, NOW);
    expect(resolveOwner({ kind: 'account-manager' }, withManager, null)).toBe('u-account');
  });
});

describe('identityKey', () => {
  const record = { group: 'course', id: 'course-1' } as const;

  it('is template + group + record for once-templates, whatever the event', () => {
    const template = { id: 'tpl-1', occurrence: 'once' } as const;
    expect(identityKey(template, record, 'evt-1')).toBe('tpl-1:course:course-1');
    expect(identityKey(template, record, 'evt-2')).toBe(identityKey(template, record));
  });

  it('adds the event for per-event templates', () => {
    const template = { id: 'tpl-1', occurrence: 'per-event' } as const;
    expect(identityKey(template, record, 'evt-1')).toBe('tpl-1:course:course-1:evt-1');
    expect(identityKey(template, record, 'evt-2')).not.toBe(identityKey(template, record, 'evt-1'));
    expect(identityKey(template, record)).toBe('tpl-1:course:course-1');
  });

  it('differs per record and per template', () => {
    const template = { id: 'tpl-1', occurrence: 'once' } as const;
    expect(identityKey(template, { group: 'participant', id: 'course-1' })).not.toBe(
      identityKey(template, record),
    );
    expect(identityKey({ ...template, id: 'tpl-2' }, record)).not.toBe(identityKey(template, record));
  });
});

describe('course-type links', () => {
  it("finds a participant's course type through its course", () => {
    expect(courseTypeIdOf(participantContext('p-1'))).toBe('ct-1');
  });

  it("finds a request's own course type even when it is not loaded", () => {
    const request = buildRecordContext({ primary: record('request', { courseTypeId: 'ct-7' }) }, NOW);
    expect(courseTypeIdOf(request)).toBe('ct-7');
    expect(isLinkedToCourseType({ courseTypeIds: ['ct-7'] }, request)).toBe(true);
    expect(isLinkedToCourseType({ courseTypeIds: ['ct-1'] }, request)).toBe(false);
  });

  it('never links a course-bound record without a course type', () => {
    const invoice = buildRecordContext({ primary: record('invoice') }, NOW);
    expect(isLinkedToCourseType({ courseTypeIds: ['ct-1'] }, invoice)).toBe(false);
  });

  it('applies templates of groups without course types everywhere', () => {
    const person = buildRecordContext({ primary: record('person') }, NOW);
    expect(isLinkedToCourseType({ courseTypeIds: [] }, person)).toBe(true);
  });
});
