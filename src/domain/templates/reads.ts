import { resolveMergeCode } from '../merge-codes/resolve.js';
import { findMergeCodes } from '../merge-codes/syntax.js';
import type { Process } from './process.js';
import type { TemplateDefinition } from './schema.js';

/** Every text of a template that holds merge codes, with the field it sits in. */
export function templateTexts(
  template: Pick<TemplateDefinition, 'name' | 'process'>,
): Array<[string, string]> {
  return [['name', template.name], ...processTexts(template.process)];
}

export function processTexts(process: Process | null): Array<[string, string]> {
  if (process?.type === 'email') {
    return [
      ['process.documentTemplate.subject', process.documentTemplate.subject],
      ['process.documentTemplate.body', process.documentTemplate.body],
    ];
  }
  return process?.type === 'chat-message' ? [['process.text', process.text]] : [];
}

/** The course facts counted from its participants; the other derived facts need no extra reads. */
const COUNTED_FACTS = new Set(['course.participantCount', 'course.minimumReached', 'course.full']);

/**
 * Whether a template looks at its course's participant count (in a condition or a merge code). Only then
 * must a record's context count the course's participants — for a course of two thousand, a cost worth
 * skipping on every change of one of them.
 */
export function readsParticipantCounts(
  template: Pick<TemplateDefinition, 'dataGroup' | 'name' | 'process' | 'conditions'>,
  process: Process | null = template.process,
): boolean {
  const fields = [...template.conditions.all, ...template.conditions.any.flat()].map(
    (condition) => condition.field,
  );
  if (fields.some((field) => COUNTED_FACTS.has(field))) return true;
  return templateTexts({ name: template.name, process }).some(([, text]) =>
    findMergeCodes(text).some((code) =>
      COUNTED_FACTS.has(resolveMergeCode(template.dataGroup, code)?.path ?? ''),
    ),
  );
}
