import { z } from 'zod';
import { hasControlCharacters } from '../text.js';

const MAX_PAYLOAD_CHARACTERS = 100_000;
const MAX_DEPTH = 10;

/** The first thing wrong with a JSON value received from a web form, with its path; undefined when fine. */
function payloadProblem(
  value: unknown,
  path: (string | number)[],
): { path: (string | number)[]; message: string } | undefined {
  if (path.length > MAX_DEPTH) return { path, message: `must not nest deeper than ${MAX_DEPTH} levels` };
  if (typeof value === 'string') {
    return hasControlCharacters(value, { multiline: true })
      ? { path, message: 'must not contain control characters other than line breaks and tabs' }
      : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = payloadProblem(item, [...path, index]);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.length > 100 || hasControlCharacters(key))
        return {
          path: [...path, key],
          message: 'keys must be at most 100 characters without control characters',
        };
      const problem = payloadProblem(item, [...path, key]);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * What a web form sent, kept as received for the people who process it: any JSON object, but bounded
 * (100,000 characters as JSON) and without control characters, like every other text field.
 */
export const WebRequestPayloadSchema = z
  .record(z.string(), z.unknown(), { error: 'must be an object' })
  .superRefine((payload, ctx) => {
    if (JSON.stringify(payload).length > MAX_PAYLOAD_CHARACTERS) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${MAX_PAYLOAD_CHARACTERS} characters as JSON`,
      });
      return;
    }
    const problem = payloadProblem(payload, []);
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });
