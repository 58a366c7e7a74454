import { expect } from 'vitest';
import type { ApiHarness } from './api.js';

/** A manual course template that stamps when a course is created: the smallest automatic-stamping setup. */
export function courseCreatedTemplate(key: string, courseTypeIds: string[] = []) {
  return {
    key,
    name: 'Attendance list [Course:Name]',
    execution: 'manual',
    dataGroup: 'course',
    event: { type: 'created', group: 'course' },
    timing: {
      start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
      end: { amount: 2, unit: 'working-days', direction: 'before', anchor: 'course.startDate' },
    },
    courseTypeIds,
  };
}

/** A template without an event, for stamping by hand. */
export function handTemplate(key: string, dataGroup = 'course') {
  return {
    key,
    name: `Call back ${key}`,
    execution: 'manual',
    dataGroup,
    timing: {
      start: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
      end: { amount: 10, unit: 'working-days', direction: 'after', anchor: 'created' },
    },
  };
}

/** POSTs and insists on success, so a fixture failing says why instead of failing later. */
export async function created<T = Record<string, unknown>>(
  api: ApiHarness,
  token: string,
  path: string,
  body: unknown,
): Promise<T & { id: string; version: number }> {
  const response = await api.request('POST', path, { token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

let sequence = 0;
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${Math.random().toString(36).slice(2, 7)}`;
}

export async function courseType(api: ApiHarness, token: string) {
  const key = unique('ct');
  return created(api, token, '/course-types', { key, name: `Course type ${key}` });
}

export async function course(api: ApiHarness, token: string, courseTypeId: string, extra = {}) {
  return created(api, token, '/dossiers/course', {
    code: unique('C'),
    name: 'Workshop basics',
    courseTypeId,
    startDate: '2027-03-01T09:00:00+01:00',
    ...extra,
  });
}
