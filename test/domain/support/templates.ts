import type { User } from '../../../src/domain/rights/index.js';
import {
  type ActionTemplate,
  type TemplateInput,
  validateTemplate,
} from '../../../src/domain/templates/index.js';
import { NOW } from './records.js';

export function user(fields: Partial<User> = {}): User {
  return {
    id: 'u-1',
    name: 'Pat',
    roles: [],
    admin: false,
    automaticWorkflow: false,
    locale: 'nl',
    active: true,
    ...fields,
  };
}

export const automator = user({ id: 'u-auto', automaticWorkflow: true });

export const DAYS_AFTER_EVENT = {
  start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
  end: { amount: 2, unit: 'days', direction: 'after', anchor: 'event' },
} as const;

/** A minimal valid template input for a manual course to-do; fields override. */
export function templateInput(fields: Partial<TemplateInput> = {}): TemplateInput {
  return {
    key: 'attendance-list',
    name: 'Attendance list [Course:Name]',
    execution: 'manual',
    dataGroup: 'course',
    event: { type: 'status-changed', to: 'definitive', group: 'course' },
    timing: {
      start: { amount: 2, unit: 'working-days', direction: 'before', anchor: 'course.startDate' },
      end: { amount: 0, unit: 'days', direction: 'before', anchor: 'course.startDate' },
    },
    courseTypeIds: ['ct-1'],
    ...fields,
  };
}

/** A saved template, validated through the real path. */
export function savedTemplate(fields: Partial<TemplateInput> = {}, id = 'tpl-1'): ActionTemplate {
  return {
    ...validateTemplate(templateInput(fields), { actor: automator }),
    id,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  };
}
