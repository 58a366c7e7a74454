import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { planStamping } from '../../../src/domain/stamping/index.js';
import { courseContext, participantContext } from '../support/contexts.js';
import { NOW } from '../support/records.js';
import { courseEvent, environment } from '../support/stamping.js';
import { DAYS_AFTER_EVENT, savedTemplate } from '../support/templates.js';

const attendanceList = savedTemplate({ ownerRule: { kind: 'course-contact' } });

function plan(fields: Partial<Parameters<typeof planStamping>[0]> = {}) {
  return planStamping({
    ...environment,
    event: courseEvent(),
    context: courseContext(),
    templates: [attendanceList],
    ...fields,
  });
}

describe('planStamping: one action per record', () => {
  it('stamps the attendance list when a course goes ahead (example 2)', () => {
    const { drafts, skipped } = plan();
    expect(skipped).toEqual([]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      templateId: 'tpl-1',
      templateKey: 'attendance-list',
      identityKey: 'tpl-1:course:course-1',
      record: { group: 'course', id: 'course-1' },
      linkedRecords: [{ group: 'course-type', id: 'ct-1' }],
      name: 'Attendance list Workshop basics',
      ownerUserId: 'u-course-contact',
      state: 'open',
      execution: 'manual',
      autoExecute: false,
      processSnapshot: null,
      stampedBy: 'u-planner',
      stampedAt: NOW,
      eventId: 'evt-1',
      eventAt: NOW,
      datesEditedByHand: false,
      linkedDates: true,
      anchorDates: { 'course.startDate': new Date('2026-11-14T08:00:00Z') },
    });
    // 14 November 2026 is a Saturday: two working days before it is Thursday the 12th, at 09:00.
    expect(drafts[0]?.start).toEqual(new Date('2026-11-12T08:00:00Z'));
    expect(drafts[0]?.end).toEqual(new Date('2026-11-14T08:00:00Z'));
    expect(drafts[0]?.history).toEqual([
      { at: NOW, actorUserId: 'u-planner', kind: 'stamped', after: 'open' },
    ]);
  });

  it('ignores templates that do not listen to the event', () => {
    expect(plan({ event: courseEvent({ data: { from: 'definitive', to: 'executed' } }) })).toEqual({
      drafts: [],
      skipped: [],
    });
  });

  it('skips templates not linked to the course type', () => {
    const { drafts, skipped } = plan({ templates: [savedTemplate({ courseTypeIds: ['ct-2'] })] });
    expect(drafts).toEqual([]);
    expect(skipped).toEqual([
      {
        templateId: 'tpl-1',
        templateKey: 'attendance-list',
        record: { group: 'course', id: 'course-1' },
        reason: 'not-linked',
      },
    ]);
  });

  it('skips disabled and archived templates', () => {
    const templates = [savedTemplate({ enabled: false }, 'a'), savedTemplate({ archived: true }, 'b')];
    expect(plan({ templates }).skipped.map((skip) => [skip.templateId, skip.reason])).toEqual([
      ['a', 'disabled'],
      ['b', 'disabled'],
    ]);
  });

  it('stamps by the system when the event has no actor', () => {
    const [draft] = plan({ event: courseEvent({ actorUserId: undefined }) }).drafts;
    expect(draft?.stampedBy).toBe('system');
  });

  it('refuses a context that is not the event record', () => {
    expect(() => plan({ event: courseEvent({ recordId: 'course-2' }) })).toThrow(DomainError);
  });

  it('skips when the record lacks the anchor date', () => {
    const { skipped } = plan({ context: courseContext({ startDate: null }) });
    expect(skipped).toEqual([
      expect.objectContaining({ reason: 'missing-anchor', anchor: 'course.startDate' }),
    ]);
  });

  it('snapshots the process and the roles', () => {
    const template = savedTemplate({
      execution: 'automatic',
      process: { type: 'set-field', field: 'portalPublished', value: true },
      readRoles: ['planning'],
      timing: DAYS_AFTER_EVENT,
    });
    const [draft] = plan({ templates: [template] }).drafts;
    expect(draft?.processSnapshot).toEqual(template.process);
    expect(draft?.processSnapshot).not.toBe(template.process);
    expect(draft?.readRoles).toEqual(['planning']);
    expect(draft?.readRoles).not.toBe(template.readRoles);
  });
});

describe('planStamping: create modes', () => {
  const full = { all: [{ field: 'course.full', op: 'eq' as const, value: true }] };
  const stopPublishing = (createMode: 'always' | 'when-conditions-hold') =>
    savedTemplate({
      key: 'stop-publishing',
      name: 'Stop publishing [Course:Name]',
      execution: 'automatic',
      process: { type: 'set-field', field: 'portalPublished', value: false },
      event: { type: 'created', group: 'course' },
      timing: DAYS_AFTER_EVENT,
      conditions: full,
      createMode,
    });
  const created = courseEvent({ type: 'created', data: {} });

  it("'always' stamps a waiting action while the conditions fail (example 4)", () => {
    const { drafts } = plan({ event: created, templates: [stopPublishing('always')] });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      state: 'waiting',
      stateReason: 'conditions-not-met',
      autoExecute: true,
    });
  });

  it("'always' stamps an open action when the conditions hold", () => {
    const context = courseContext({}, [{ status: 'planned' }, { status: 'planned' }, { status: 'planned' }]);
    const [draft] = plan({ event: created, context, templates: [stopPublishing('always')] }).drafts;
    expect(draft?.state).toBe('open');
    expect(draft?.stateReason).toBeUndefined();
  });

  it("'when-conditions-hold' stamps nothing while they fail, and says why", () => {
    const { drafts, skipped } = plan({ event: created, templates: [stopPublishing('when-conditions-hold')] });
    expect(drafts).toEqual([]);
    expect(skipped).toEqual([
      expect.objectContaining({
        reason: 'conditions-not-met',
        explanations: [{ field: 'course.full', op: 'eq', expected: true, actual: false, holds: false }],
      }),
    ]);
  });

  it("'when-conditions-hold' stamps an open action when they hold", () => {
    const context = courseContext({}, [{ status: 'planned' }, { status: 'planned' }, { status: 'planned' }]);
    expect(
      plan({ event: created, context, templates: [stopPublishing('when-conditions-hold')] }).drafts[0]?.state,
    ).toBe('open');
  });
});

describe('planStamping: automatic actions', () => {
  it('does not run an automatic action whose start is already long past', () => {
    const template = savedTemplate({
      execution: 'automatic',
      process: { type: 'set-status', status: 'definitive' },
      timing: {
        start: { amount: 10, unit: 'days', direction: 'before', anchor: 'course.startDate' },
        end: { amount: 0, unit: 'days', direction: 'before', anchor: 'course.startDate' },
      },
    });
    const soon = courseContext({
      startDate: '2026-10-05T09:00:00+02:00',
      endDate: '2026-10-05T17:00:00+02:00',
    });
    const [draft] = plan({ context: soon, templates: [template] }).drafts;
    expect(draft).toMatchObject({ autoExecute: false, stateReason: 'start-in-past', state: 'open' });
    expect(draft?.history[0]?.codes).toEqual(['start-in-past']);
  });

  it('runs one within the tolerance', () => {
    const template = savedTemplate({
      execution: 'automatic',
      process: { type: 'set-field', field: 'portalPublished', value: true },
      timing: DAYS_AFTER_EVENT,
    });
    expect(plan({ templates: [template] }).drafts[0]?.autoExecute).toBe(true);
  });
});

describe('planStamping: participant fan-out', () => {
  const welcome = savedTemplate({
    key: 'welcome',
    name: 'Welcome [Person:FirstName] to [Course:Name]',
    dataGroup: 'participant',
    event: { type: 'status-changed', group: 'course', to: 'definitive' },
    timing: DAYS_AFTER_EVENT,
  });
  const participants = [
    participantContext('p-1'),
    participantContext('p-2', { status: 'waiting-list' }),
    participantContext('p-3', { status: 'cancelled' }),
    participantContext('p-4', { active: false }),
    participantContext('p-5', { courseId: 'course-9' }),
  ];

  it('stamps one action per current participant of the course', () => {
    const { drafts } = plan({ templates: [welcome], participantContexts: participants });
    expect(drafts.map((draft) => draft.record)).toEqual([
      { group: 'participant', id: 'p-1' },
      { group: 'participant', id: 'p-2' },
    ]);
    expect(drafts.map((draft) => draft.name)).toEqual([
      'Welcome First-p-1 to Workshop basics',
      'Welcome First-p-2 to Workshop basics',
    ]);
    expect(new Set(drafts.map((draft) => draft.identityKey)).size).toBe(2);
  });

  it('gives ownerless participant actions the course contact person', () => {
    const { drafts } = plan({ templates: [welcome], participantContexts: participants });
    expect(drafts.every((draft) => draft.ownerUserId === 'u-course-contact')).toBe(true);
  });

  it('stamps nothing without participant contexts', () => {
    expect(plan({ templates: [welcome] }).drafts).toEqual([]);
  });

  it('stamps only the participant concerned by participant-added on the course', () => {
    const template = { ...welcome, event: { type: 'participant-added', group: 'course' } as const };
    const event = courseEvent({ type: 'participant-added', data: { participantId: 'p-2' } });
    const { drafts } = plan({ event, templates: [template], participantContexts: participants });
    expect(drafts.map((draft) => draft.record.id)).toEqual(['p-2']);
  });
});
