import type { ZodError } from 'zod';
import type { ErrorCode, TextParams } from '../i18n/coded/index.js';
import { inputFieldWords } from '../i18n/input-fields.js';
import { zodProblem } from '../i18n/zod-problems.js';

/**
 * The few kinds of failure callers must tell apart. The HTTP layer maps each to a status code and chat
 * layers pick a tone from it; the `code` says exactly what went wrong.
 */
export type ErrorCategory = 'invalid-input' | 'not-found' | 'forbidden' | 'conflict' | 'upstream';

/** One problem with one field, for forms that show every mistake at once. */
export interface DomainIssue {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  /**
   * What the translated message fills in, beyond `details` (which API clients see too): words that need
   * a translation themselves, such as a state or a field label.
   */
  readonly params?: TextParams;
}

export interface DomainErrorInit extends DomainIssue {
  readonly category: ErrorCategory;
  /** Every problem found when more than one was; the error itself describes the first. */
  readonly issues?: readonly DomainIssue[];
}

/**
 * A failure of a domain rule. `code` (e.g. 'template.unknown-merge-code') is the stable contract that chat
 * layers translate; `message` is English for logs and API clients; `field` is the dotted path of the input
 * at fault; `details` carries what a user needs to fix it, such as `{ valid: [...] }`.
 */
export class DomainError extends Error {
  readonly category: ErrorCategory;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  readonly params: TextParams | undefined;
  readonly issues: readonly DomainIssue[];

  constructor(init: DomainErrorInit) {
    super(init.message);
    this.name = 'DomainError';
    this.category = init.category;
    this.code = init.code;
    this.field = init.field;
    this.details = init.details;
    this.params = init.params;
    this.issues = init.issues ?? [issueOf(init)];
  }
}

function issueOf(init: DomainIssue): DomainIssue {
  return {
    code: init.code,
    message: init.message,
    ...(init.field === undefined ? {} : { field: init.field }),
    ...(init.details === undefined ? {} : { details: init.details }),
    ...(init.params === undefined ? {} : { params: init.params }),
  };
}

export function invalidInput(issue: DomainIssue): DomainError {
  return new DomainError({ category: 'invalid-input', ...issue });
}

/** One invalid-input error for a non-empty list of issues, described by the first. */
export function invalidInputs(issues: readonly [DomainIssue, ...DomainIssue[]]): DomainError {
  return new DomainError({ category: 'invalid-input', ...issues[0], issues });
}

/** The dotted path of a zod issue, under an optional prefix ('process' + ['to', 0] → 'process.to.0'). */
export function fieldPath(path: readonly PropertyKey[], prefix?: string): string {
  return [prefix, ...path.map(String)].filter((part) => part !== undefined && part !== '').join('.');
}

/**
 * Schema failures become coded invalid-input issues naming the field, so every write path reports a bad
 * value the same way whether a schema or a domain rule caught it.
 */
export function issuesFromZod(error: ZodError, code: ErrorCode, prefix?: string): DomainIssue[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path, prefix) || '(root)';
    return {
      code,
      message: field === '(root)' ? issue.message : `${field}: ${issue.message}`,
      field,
      params: { field: inputFieldWords(field), problem: zodProblem(issue) },
    };
  });
}

export function fromZodError(error: ZodError, code: ErrorCode, prefix?: string): DomainError {
  const [first, ...rest] = issuesFromZod(error, code, prefix);
  // A ZodError always has at least one issue; the fallback only satisfies the type checker.
  return invalidInputs([
    first ?? { code, message: 'Invalid input', params: { field: '', problem: '' } },
    ...rest,
  ]);
}
