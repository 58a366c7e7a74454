import { z } from 'zod';

/**
 * Text as people and other systems may send it: bounded, and free of control characters (NUL, escape
 * sequences, …), which no field needs and which break logs, chat renderers and e-mail headers. Lines may
 * break only in multi-line fields. The limits and patterns are part of each field's schema, so the
 * OpenAPI document states them too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these patterns exist to refuse control characters.
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these patterns exist to refuse control characters.
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const NOT_BLANK = /\S/;

/** Limits that fit each kind of field; a field picks the one that matches what it holds. */
export const TEXT_LIMITS = {
  /** Ids, keys, codes, numbers, statuses, field paths. */
  id: 100,
  /** A person's name part, a role, a category, a channel. */
  short: 100,
  /** A name or title: a course, a company, a template, an e-mail subject. */
  name: 200,
  /** An address line, a URL. */
  line: 2_000,
  /** Remarks, descriptions, notes, chat messages. */
  note: 5_000,
  /** The body of an e-mail. */
  body: 50_000,
} as const;

export interface TextOptions {
  max: number;
  /** Line breaks and tabs allowed. */
  multiline?: boolean;
  /** Must hold something other than white space (after trimming). Default true. */
  required?: boolean;
  /** Leading and trailing white space removed. Default true. */
  trim?: boolean;
}

export function text(options: TextOptions) {
  const { max, multiline = false, required = true, trim = true } = options;
  let schema = z.string({ error: 'must be a text' });
  if (trim) schema = schema.trim();
  if (required) schema = schema.regex(NOT_BLANK, { error: 'must not be empty' });
  return schema
    .max(max, { error: `must be at most ${max} characters` })
    .regex(multiline ? MULTI_LINE : SINGLE_LINE, {
      error: multiline
        ? 'must not contain control characters other than line breaks and tabs'
        : 'must not contain control characters or line breaks',
    });
}

/** Whether a string holds a control character a single-line field refuses. */
export function hasControlCharacters(value: string, options: { multiline?: boolean } = {}): boolean {
  return !(options.multiline ? MULTI_LINE : SINGLE_LINE).test(value);
}
