import type { RecordKind } from '../dossiers/kinds.js';
import type { DomainIssue } from '../errors.js';
import { availableMergeCodes } from './available.js';
import { resolveMergeCode } from './resolve.js';
import { findMergeCodes } from './syntax.js';

/** The merge codes in `text` that a template of `group` cannot fill, as written, each once. */
export function validateMergeCodes(text: string, group: RecordKind): string[] {
  const unknown = findMergeCodes(text)
    .filter((code) => resolveMergeCode(group, code) === undefined)
    .map((code) => code.raw);
  return [...new Set(unknown)];
}

/**
 * An issue for the unknown merge codes in the text at `field`, or undefined when all are known. Its
 * details list the valid codes in both languages so the user can pick the right one.
 */
export function mergeCodeIssue(text: string, group: RecordKind, field: string): DomainIssue | undefined {
  const unknown = validateMergeCodes(text, group);
  if (unknown.length === 0) return undefined;
  const codes = availableMergeCodes(group);
  return {
    code: 'template.unknown-merge-code',
    field,
    message: `Unknown merge code${unknown.length > 1 ? 's' : ''} in ${field}: ${unknown.join(', ')}`,
    params: { count: unknown.length },
    details: { unknown, valid: codes.map((code) => code.en), validNl: codes.map((code) => code.nl) },
  };
}
