import type { User } from '../../../src/domain/rights/user.js';
import type { ActionTemplate, TemplateInput } from '../../../src/domain/templates/index.js';
import { createTemplate } from '../../../src/workflow/templates/save.js';
import type { TestWorkspace } from './workspace.js';

/** Start on the event's day, end two days later: for tests where the exact window does not matter. */
export const AROUND_EVENT = {
  start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
  end: { amount: 2, unit: 'days', direction: 'after', anchor: 'event' },
} as const;

/** docs/domain.md §8 example 2's window: from 2 working days before the course starts until its start. */
export const BEFORE_COURSE_START = {
  start: { amount: 2, unit: 'working-days', direction: 'before', anchor: 'course.startDate' },
  end: { amount: 0, unit: 'days', direction: 'before', anchor: 'course.startDate' },
} as const;

let sequence = 0;

/** A manual course to-do stamped when a course is created; `fields` override. */
export function templateInput(fields: Partial<TemplateInput> = {}): TemplateInput {
  sequence += 1;
  return {
    key: `template-${sequence}`,
    name: `To do ${sequence} for [Course:Name]`,
    execution: 'manual',
    dataGroup: 'course',
    event: { type: 'created', group: 'course' },
    timing: AROUND_EVENT,
    ...fields,
  };
}

/** Saves a template through the use case, as the admin unless another actor is given. */
export function seedTemplate(
  ws: TestWorkspace,
  fields: Partial<TemplateInput> = {},
  actor?: User,
): Promise<ActionTemplate> {
  return createTemplate(ws.deps, actor ?? ws.users.admin, templateInput(fields));
}
