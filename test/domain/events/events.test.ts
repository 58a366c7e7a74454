import { describe, expect, it } from 'vitest';
import { DATA_GROUPS, patchDossier } from '../../../src/domain/dossiers/index.js';
import {
  type DomainEvent,
  EVENT_TYPES_BY_GROUP,
  type EventSpec,
  eventsForCreated,
  eventsForRemoved,
  eventsForUpdate,
  templateListensTo,
} from '../../../src/domain/events/index.js';
import { NOW, record } from '../support/records.js';

const later = new Date('2026-10-02T10:00:00Z');

function event(fields: Partial<DomainEvent>): DomainEvent {
  return { id: 'e-1', type: 'created', group: 'course', recordId: 'course-1', at: NOW, data: {}, ...fields };
}

const listens = (spec: EventSpec, happened: Partial<DomainEvent>) =>
  templateListensTo({ event: spec }, event(happened));

describe('event types per group', () => {
  it('gives every group created, field-changed and custom', () => {
    for (const group of DATA_GROUPS)
      expect(EVENT_TYPES_BY_GROUP[group]).toEqual(
        expect.arrayContaining(['created', 'field-changed', 'custom']),
      );
  });

  it('keeps group-specific events to their groups', () => {
    expect(EVENT_TYPES_BY_GROUP.invoice).toContain('invoice-finalised');
    expect(EVENT_TYPES_BY_GROUP.course).not.toContain('invoice-finalised');
    expect(EVENT_TYPES_BY_GROUP.request).toContain('stage-changed');
    expect(EVENT_TYPES_BY_GROUP.person).toEqual(
      expect.arrayContaining(['category-added', 'category-removed']),
    );
    expect(EVENT_TYPES_BY_GROUP.course).toEqual(
      expect.arrayContaining(['participant-added', 'participant-removed']),
    );
  });
});

describe('templateListensTo', () => {
  it('matches on group and type', () => {
    expect(listens({ type: 'created', group: 'course' }, {})).toBe(true);
    expect(listens({ type: 'created', group: 'participant' }, {})).toBe(false);
    expect(listens({ type: 'status-changed', group: 'course' }, {})).toBe(false);
  });

  it('never matches a template without an event', () => {
    expect(templateListensTo({ event: null }, event({}))).toBe(false);
  });

  it('filters status changes on from and to when given', () => {
    const happened = { type: 'status-changed', data: { from: 'to-start', to: 'definitive' } } as const;
    expect(listens({ type: 'status-changed', group: 'course', to: 'definitive' }, happened)).toBe(true);
    expect(listens({ type: 'status-changed', group: 'course', to: 'cancelled' }, happened)).toBe(false);
    expect(listens({ type: 'status-changed', group: 'course', from: 'to-start' }, happened)).toBe(true);
    expect(
      listens({ type: 'status-changed', group: 'course', from: 'definitive', to: 'definitive' }, happened),
    ).toBe(false);
    expect(listens({ type: 'status-changed', group: 'course' }, happened)).toBe(true);
  });

  it('filters stage changes the same way', () => {
    const happened = {
      type: 'stage-changed',
      group: 'request',
      data: { from: 'quote', to: 'order' },
    } as const;
    expect(listens({ type: 'stage-changed', group: 'request', to: 'order' }, happened)).toBe(true);
    expect(listens({ type: 'stage-changed', group: 'request', to: 'quote' }, happened)).toBe(false);
  });

  it('matches field changes by field name', () => {
    const happened = { type: 'field-changed', data: { field: 'startDate' } } as const;
    expect(listens({ type: 'field-changed', group: 'course', field: 'startDate' }, happened)).toBe(true);
    expect(listens({ type: 'field-changed', group: 'course', field: 'endDate' }, happened)).toBe(false);
  });

  it('matches categories when filtered, ignoring case, and any category otherwise', () => {
    const happened = { type: 'category-added', group: 'person', data: { category: 'VCA' } } as const;
    expect(listens({ type: 'category-added', group: 'person', category: 'vca' }, happened)).toBe(true);
    expect(listens({ type: 'category-added', group: 'person', category: 'bhv' }, happened)).toBe(false);
    expect(listens({ type: 'category-added', group: 'person' }, happened)).toBe(true);
  });

  it('matches custom events by name', () => {
    const happened = { type: 'custom', data: { name: 'exam-passed' } } as const;
    expect(listens({ type: 'custom', group: 'course', name: 'Exam-Passed' }, happened)).toBe(true);
    expect(listens({ type: 'custom', group: 'course', name: 'exam-failed' }, happened)).toBe(false);
    expect(listens({ type: 'custom', group: 'course', name: 'x' }, { type: 'custom' })).toBe(false);
  });
});

describe('events of record changes', () => {
  it('fires created, and participant-added on the participant and its course', () => {
    expect(eventsForCreated(record('course'))).toEqual([
      { type: 'created', group: 'course', recordId: 'course-1', data: {} },
    ]);
    const participant = record('participant', { courseId: 'c-9' }, 'p-1');
    expect(eventsForCreated(participant)).toEqual([
      { type: 'created', group: 'participant', recordId: 'p-1', data: {} },
      { type: 'participant-added', group: 'participant', recordId: 'p-1', data: { participantId: 'p-1' } },
      { type: 'participant-added', group: 'course', recordId: 'c-9', data: { participantId: 'p-1' } },
    ]);
  });

  it('fires nothing for course types, which are not data groups', () => {
    expect(eventsForCreated(record('course-type'))).toEqual([]);
  });

  it('fires status-changed and field-changed for a course status change', () => {
    const before = record('course');
    const after = patchDossier(before, { status: 'definitive' }, later);
    expect(eventsForUpdate(before, after)).toEqual([
      {
        type: 'status-changed',
        group: 'course',
        recordId: 'course-1',
        data: { from: 'to-start', to: 'definitive' },
      },
      { type: 'field-changed', group: 'course', recordId: 'course-1', data: { field: 'status' } },
    ]);
  });

  it('fires field-changed for moved dates but not for unchanged values or bookkeeping', () => {
    const before = record('course', { startDate: '2026-11-14T09:00:00+01:00' });
    const same = patchDossier(before, { startDate: '2026-11-14T08:00:00Z' }, later);
    expect(eventsForUpdate(before, same)).toEqual([]);
    const moved = patchDossier(
      before,
      { startDate: '2026-11-21T09:00:00+01:00', custom: { room: 'B' } },
      later,
    );
    expect(eventsForUpdate(before, moved).map((found) => found.data.field)).toEqual([
      'startDate',
      'custom.room',
    ]);
  });

  it('fires stage-changed for a request becoming an order', () => {
    const before = record('request');
    const types = eventsForUpdate(before, patchDossier(before, { stage: 'order' }, later)).map(
      (found) => found.type,
    );
    expect(types).toEqual(['stage-changed', 'field-changed']);
  });

  it('fires invoice-finalised when an invoice becomes final', () => {
    const before = record('invoice');
    const events = eventsForUpdate(before, patchDossier(before, { state: 'final' }, later));
    expect(events.map((found) => found.type)).toEqual(['invoice-finalised', 'field-changed']);
  });

  it('fires category events per category', () => {
    const before = record('person', { categories: ['vca', 'first-aid-expired'] });
    const after = patchDossier(before, { categories: ['vca', 'bhv'] }, later);
    expect(eventsForUpdate(before, after).filter((found) => found.type !== 'field-changed')).toEqual([
      { type: 'category-added', group: 'person', recordId: 'person-1', data: { category: 'bhv' } },
      {
        type: 'category-removed',
        group: 'person',
        recordId: 'person-1',
        data: { category: 'first-aid-expired' },
      },
    ]);
  });

  it('fires participant-removed when a participant is cancelled', () => {
    const before = record('participant', {}, 'p-1');
    const events = eventsForUpdate(before, patchDossier(before, { status: 'cancelled' }, later));
    expect(
      events.filter((found) => found.type === 'participant-removed').map((found) => found.group),
    ).toEqual(['participant', 'course']);
    expect(eventsForRemoved(before)).toHaveLength(2);
  });

  it('fires field-changed for nested fields', () => {
    const before = record('person');
    const after = patchDossier(before, { emails: { business: 'anna@acme.test' } }, later);
    expect(eventsForUpdate(before, after).map((found) => found.data.field)).toEqual(['emails.business']);
  });

  it('fires nothing when comparing different records', () => {
    expect(eventsForUpdate(record('course', {}, 'a'), record('course', { name: 'x' }, 'b'))).toEqual([]);
  });
});
