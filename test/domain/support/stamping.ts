import type { DomainEvent } from '../../../src/domain/events/index.js';
import { WorkCalendar } from '../../../src/domain/timing/index.js';
import { NOW } from './records.js';

export const calendar = new WorkCalendar({});
export const environment = { now: NOW, calendar, locale: 'en' } as const;

export function courseEvent(fields: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: 'evt-1',
    type: 'status-changed',
    group: 'course',
    recordId: 'course-1',
    at: NOW,
    actorUserId: 'u-planner',
    data: { from: 'to-start', to: 'definitive' },
    ...fields,
  };
}
