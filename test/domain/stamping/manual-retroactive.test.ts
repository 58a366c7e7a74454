import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/domain/actions/index.js';
import { buildRecordContext } from '../../../src/domain/dossiers/index.js';
import { DomainError } from '../../../src/domain/errors.js';
import {
  eventHasHappened,
  identityKey,
  planManualStamp,
  planRetroactive,
  planStamping,
  rescheduleFor,
} from '../../../src/domain/stamping/index.js';
import { company, courseContext, courseType, participantContext } from '../support/contexts.js';
import { NOW, record } from '../support/records.js';
import { calendar, courseEvent, environment } from '../support/stamping.js';
import { DAYS_AFTER_EVENT, savedTemplate, user } from '../support/templates.js';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const sales = user({ id: 'u-sales', roles: ['sales'] });
const tenWorkingDays = { amount: 10, unit: 'working-days', direction: 'after', anchor: 'created' } as const;
const callBack = savedTemplate({
  key: 'call-back-quote',
  name: 'Call back quote [Request:Number] – [Company:Name]',
  dataGroup: 'request',
  event: null,
  timing: { start: tenWorkingDays, end: tenWorkingDays },
  readRoles: ['sales'],
  writeRoles: ['sales'],
  ownerRule: { kind: 'stamper' },
  courseTypeIds: [],
});
const requestContext = buildRecordContext(
  { primary: record('request', { number: 'R-42' }), related: { company } },
  NOW,
);

describe('planManualStamp', () => {
  it('stamps the call-back action by hand (example 1)', () => {
    const draft = planManualStamp({
      ...environment,
      template: callBack,
      context: requestContext,
      user: sales,
    });
    expect(draft).toMatchObject({
      name: 'Call back quote R-42 – Acme BV',
      ownerUserId: 'u-sales',
      stampedBy: 'u-sales',
      readRoles: ['sales'],
      writeRoles: ['sales'],
      state: 'open',
      identityKey: `${callBack.id}:request:request-1`,
    });
    // Thursday 1 October 2026 + 10 working days = Thursday 15 October, at 09:00 Amsterdam.
    expect(draft.start).toEqual(new Date('2026-10-15T07:00:00Z'));
    expect(draft.end).toEqual(draft.start);
    expect(draft.eventId).toBeUndefined();
  });

  it('refuses users outside the write roles', () => {
    const error = errorOf(() =>
      planManualStamp({ ...environment, template: callBack, context: requestContext, user: user() }),
    );
    expect(error).toMatchObject({ category: 'forbidden', code: 'stamp.forbidden' });
  });

  it('refuses a record of another data group', () => {
    const error = errorOf(() =>
      planManualStamp({ ...environment, template: callBack, context: courseContext(), user: sales }),
    );
    expect(error).toMatchObject({ category: 'invalid-input', code: 'stamp.wrong-data-group' });
  });

  it("uses the stamping moment for an 'event' anchor", () => {
    const template = savedTemplate({ timing: DAYS_AFTER_EVENT });
    const draft = planManualStamp({ ...environment, template, context: courseContext(), user: user() });
    expect(draft.eventAt).toEqual(NOW);
    expect(draft.start).toEqual(new Date('2026-10-01T07:00:00Z'));
  });

  it("refuses when a 'when-conditions-hold' template's conditions fail, explaining why", () => {
    const template = savedTemplate({
      conditions: { all: [{ field: 'course.full', op: 'eq', value: true }] },
      createMode: 'when-conditions-hold',
    });
    const error = errorOf(() =>
      planManualStamp({ ...environment, template, context: courseContext(), user: user() }),
    );
    expect(error).toMatchObject({ category: 'conflict', code: 'stamp.conditions-not-met' });
    expect(error.message).toContain('course.full is false, expected true');
    expect(error.details?.explanations).toEqual([
      { field: 'course.full', op: 'eq', expected: true, actual: false, holds: false },
    ]);
  });

  it("stamps a waiting action for an 'always' template whose conditions fail", () => {
    const template = savedTemplate({
      conditions: { all: [{ field: 'course.full', op: 'eq', value: true }] },
    });
    expect(planManualStamp({ ...environment, template, context: courseContext(), user: user() }).state).toBe(
      'waiting',
    );
  });

  it('refuses when the record lacks the anchor date', () => {
    const error = errorOf(() =>
      planManualStamp({
        ...environment,
        template: savedTemplate(),
        context: courseContext({ startDate: null }),
        user: user(),
      }),
    );
    expect(error).toMatchObject({
      category: 'conflict',
      code: 'stamp.missing-anchor',
      details: { anchor: 'course.startDate' },
    });
  });
});

describe('planRetroactive', () => {
  const attendanceList = savedTemplate();
  const definitive = courseContext({ status: 'definitive' });

  it('stamps records whose event happened, with their dates', () => {
    const result = planRetroactive({
      ...environment,
      template: attendanceList,
      candidates: [definitive, courseContext()],
      existingIdentityKeys: new Set(),
      stamperUserId: 'u-linker',
    });
    expect(
      result.drafts.map((draft) => [draft.record.id, draft.start.toISOString(), draft.stampedBy]),
    ).toEqual([['course-1', '2026-11-12T08:00:00.000Z', 'u-linker']]);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['event-not-happened']);
  });

  it('skips records that already have the action', () => {
    const existing = new Set([identityKey(attendanceList, { group: 'course', id: 'course-1' })]);
    const result = planRetroactive({
      ...environment,
      template: attendanceList,
      candidates: [definitive],
      existingIdentityKeys: existing,
      stamperUserId: null,
    });
    expect(result).toEqual({ drafts: [], skipped: [expect.objectContaining({ reason: 'already-stamped' })] });
  });

  it("requires the conditions to hold now, even for 'always' templates", () => {
    const template = savedTemplate({
      conditions: { all: [{ field: 'course.full', op: 'eq', value: true }] },
    });
    const result = planRetroactive({
      ...environment,
      template,
      candidates: [definitive],
      existingIdentityKeys: new Set(),
      stamperUserId: null,
    });
    expect(result.drafts).toEqual([]);
    expect(result.skipped).toEqual([expect.objectContaining({ reason: 'conditions-not-met' })]);
  });

  it('skips records of other course types', () => {
    const template = savedTemplate({ courseTypeIds: ['ct-2'] });
    const result = planRetroactive({
      ...environment,
      template,
      candidates: [definitive],
      existingIdentityKeys: new Set(),
      stamperUserId: null,
    });
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['not-linked']);
  });

  it("anchors 'event' to the creation time for created events", () => {
    const template = savedTemplate({ event: { type: 'created', group: 'course' }, timing: DAYS_AFTER_EVENT });
    const [draft] = planRetroactive({
      ...environment,
      template,
      candidates: [courseContext()],
      existingIdentityKeys: new Set(),
      stamperUserId: null,
    }).drafts;
    expect(draft?.eventAt).toEqual(NOW);
  });
});

describe('eventHasHappened', () => {
  const on = (event: NonNullable<Parameters<typeof savedTemplate>[0]>['event']) =>
    ({ event }) as Parameters<typeof eventHasHappened>[0];
  const person = (categories: string[]) =>
    buildRecordContext({ primary: record('person', { categories }) }, NOW);

  it('knows creation and reached statuses', () => {
    expect(eventHasHappened(on({ type: 'created', group: 'course' }), courseContext())).toBe(true);
    expect(
      eventHasHappened(on({ type: 'status-changed', group: 'course', to: 'definitive' }), courseContext()),
    ).toBe(false);
    expect(
      eventHasHappened(
        on({ type: 'status-changed', group: 'course' }),
        courseContext({ status: 'definitive' }),
      ),
    ).toBe(false);
  });

  it('knows stages and finalised invoices', () => {
    const order = buildRecordContext({ primary: record('request', { stage: 'order' }) }, NOW);
    expect(eventHasHappened(on({ type: 'stage-changed', group: 'request', to: 'order' }), order)).toBe(true);
    const final = buildRecordContext({ primary: record('invoice', { state: 'final' }) }, NOW);
    expect(eventHasHappened(on({ type: 'invoice-finalised', group: 'invoice' }), final)).toBe(true);
    expect(
      eventHasHappened(
        on({ type: 'invoice-finalised', group: 'invoice' }),
        buildRecordContext({ primary: record('invoice') }, NOW),
      ),
    ).toBe(false);
  });

  it('knows categories a person has or lacks', () => {
    expect(
      eventHasHappened(on({ type: 'category-added', group: 'person', category: 'VCA' }), person(['vca'])),
    ).toBe(true);
    expect(eventHasHappened(on({ type: 'category-added', group: 'person' }), person([]))).toBe(false);
    expect(
      eventHasHappened(on({ type: 'category-removed', group: 'person', category: 'vca' }), person([])),
    ).toBe(true);
    expect(eventHasHappened(on({ type: 'category-removed', group: 'person' }), person([]))).toBe(false);
  });

  it('knows participants added to and removed from a course', () => {
    expect(
      eventHasHappened(on({ type: 'participant-added', group: 'course' }), participantContext('p-1')),
    ).toBe(true);
    expect(
      eventHasHappened(on({ type: 'participant-removed', group: 'course' }), participantContext('p-1')),
    ).toBe(false);
    expect(
      eventHasHappened(
        on({ type: 'participant-removed', group: 'participant' }),
        participantContext('p-1', { status: 'cancelled' }),
      ),
    ).toBe(true);
  });

  it('never claims field changes, custom events or templates without an event', () => {
    expect(
      eventHasHappened(on({ type: 'field-changed', group: 'course', field: 'startDate' }), courseContext()),
    ).toBe(false);
    expect(eventHasHappened(on({ type: 'custom', group: 'course', name: 'x' }), courseContext())).toBe(false);
    expect(eventHasHappened(on(null), courseContext())).toBe(false);
  });

  it('is false when the event record is missing from the context', () => {
    const alone = buildRecordContext({ primary: record('participant') }, NOW);
    expect(eventHasHappened(on({ type: 'created', group: 'course' }), alone)).toBe(false);
  });
});

describe('rescheduleFor', () => {
  const template = savedTemplate();
  const [draft] = planStamping({
    ...environment,
    event: courseEvent(),
    context: courseContext(),
    templates: [template],
  }).drafts;
  const action: Action = { ...draft!, id: 'a-1', number: 1, version: 1 };
  const moved = { 'course.startDate': new Date('2026-11-21T08:00:00Z') };

  it('moves the action with its anchor', () => {
    expect(rescheduleFor(action, template.timing, moved, calendar)).toEqual({
      start: new Date('2026-11-19T08:00:00Z'),
      end: new Date('2026-11-21T08:00:00Z'),
      anchorDates: moved,
      moved: ['course.startDate'],
    });
  });

  it('leaves actions whose dates a person edited', () => {
    expect(
      rescheduleFor({ ...action, datesEditedByHand: true }, template.timing, moved, calendar),
    ).toBeNull();
  });

  it('leaves actions that do not use the changed anchor', () => {
    expect(
      rescheduleFor(
        action,
        template.timing,
        { 'course.endDate': new Date('2026-12-01T08:00:00Z') },
        calendar,
      ),
    ).toBeNull();
  });

  it('leaves actions whose anchor did not really change', () => {
    expect(
      rescheduleFor(
        action,
        template.timing,
        { 'course.startDate': new Date('2026-11-14T08:00:00Z') },
        calendar,
      ),
    ).toBeNull();
  });

  it('keeps the last window when the anchor was cleared', () => {
    expect(rescheduleFor(action, template.timing, { 'course.startDate': undefined }, calendar)).toBeNull();
  });

  it('leaves actions that are no longer waiting or open', () => {
    for (const state of ['done', 'executed', 'failed', 'rejected', 'cancelled'] as const) {
      expect(rescheduleFor({ ...action, state }, template.timing, moved, calendar)).toBeNull();
    }
    expect(rescheduleFor({ ...action, state: 'waiting' }, template.timing, moved, calendar)).not.toBeNull();
  });
});

describe('docs/domain.md §8 examples', () => {
  it('example 5: set definitive 10 days before the start at 09:00 once the minimum is reached', () => {
    const template = savedTemplate({
      key: 'go-when-minimum',
      name: 'Go ahead with [Course:Name]',
      execution: 'automatic',
      event: { type: 'created', group: 'course' },
      process: { type: 'set-status', status: 'definitive' },
      timing: {
        start: { amount: 10, unit: 'days', direction: 'before', anchor: 'course.startDate' },
        end: { amount: 0, unit: 'days', direction: 'before', anchor: 'course.startDate' },
        timeOfDay: '09:00',
      },
      conditions: { all: [{ field: 'course.minimumReached', op: 'eq', value: true }] },
    });
    const event = courseEvent({ type: 'created', data: {} });
    const [waiting] = planStamping({
      ...environment,
      event,
      context: courseContext(),
      templates: [template],
    }).drafts;
    expect(waiting).toMatchObject({
      state: 'waiting',
      autoExecute: true,
      start: new Date('2026-11-04T08:00:00Z'),
      timeOfDay: '09:00',
    });
    const enough = courseContext({}, [{ status: 'planned' }, { status: 'planned' }]);
    expect(
      planStamping({ ...environment, event, context: enough, templates: [template] }).drafts[0]?.state,
    ).toBe('open');
  });

  it('example 6: remove a category one working day after a participant is added', () => {
    const template = savedTemplate({
      key: 'remove-expired',
      name: 'Remove expired first aid for [Person:Name]',
      dataGroup: 'participant',
      execution: 'automatic',
      event: { type: 'participant-added', group: 'participant' },
      process: { type: 'person-category', category: 'first-aid-expired', mode: 'remove' },
      timing: {
        start: { amount: 1, unit: 'working-days', direction: 'after', anchor: 'event' },
        end: { amount: 1, unit: 'working-days', direction: 'after', anchor: 'event' },
      },
    });
    expect(template.conditions.all).toEqual([{ field: 'participant.active', op: 'eq', value: true }]);
    const event = courseEvent({
      type: 'participant-added',
      group: 'participant',
      recordId: 'p-1',
      data: { participantId: 'p-1' },
    });
    const [draft] = planStamping({
      ...environment,
      event,
      context: participantContext('p-1'),
      templates: [template],
    }).drafts;
    expect(draft).toMatchObject({
      state: 'open',
      name: 'Remove expired first aid for First-p-1 Berg',
      start: new Date('2026-10-02T07:00:00Z'),
    });
    expect(draft?.linkedRecords).toEqual(
      expect.arrayContaining([
        { group: 'course', id: 'course-1' },
        { group: 'person', id: 'person-p-1' },
        { group: 'course-type', id: courseType.id },
      ]),
    );
  });
});
