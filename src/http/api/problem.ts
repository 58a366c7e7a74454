import type { Response } from 'express';
import { ZodError } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { currentRequestId } from '../../observability/request-context.js';

/** RFC 9457 problem details, extended with the stable error code and the offending fields. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errors?: Array<{ field: string; message: string; code?: string }>;
  [extension: string]: unknown;
}

const statusByCategory: Record<DomainError['category'], number> = {
  'invalid-input': 422,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  upstream: 502,
};

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Upstream failure',
  503: 'Service unavailable',
};

export function problemType(code: string): string {
  return `urn:stempel:problem:${code}`;
}

/** A problem raised by the HTTP layer itself (authentication, idempotency, routing). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

/** Zod paths become dotted field names, prefixed with where the input came from (body, query, path). */
export function zodFieldErrors(
  error: ZodError,
  prefix?: string,
): Array<{ field: string; message: string; code: string }> {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      field: [prefix, path].filter(Boolean).join('.') || (prefix ?? '(root)'),
      message: issue.message,
      code: issue.code,
    };
  });
}

/**
 * `fieldPrefix` names where a use case's input came from ('body', 'query'): a domain error says
 * `timing.start.anchor`, the client sent `body.timing.start.anchor`, and that is what the response names.
 */
export function toProblem(
  error: unknown,
  instance?: string,
  options: { fieldPrefix?: string } = {},
): Problem {
  if (error instanceof HttpProblem) {
    return {
      type: problemType(error.code),
      title: titles[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(instance ? { instance } : {}),
      ...error.extra,
    };
  }
  if (error instanceof DomainError) {
    const status = statusByCategory[error.category];
    return {
      type: problemType(error.code),
      title: titles[status] ?? 'Error',
      status,
      detail: error.message,
      code: error.code,
      ...(instance ? { instance } : {}),
      ...(error.issues.some((issue) => issue.field)
        ? {
            errors: error.issues.map((issue) => ({
              field: prefixed(issue.field, options.fieldPrefix),
              message: issue.message,
              code: issue.code,
              ...(issue.details ? { details: issue.details } : {}),
            })),
          }
        : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof ZodError) {
    const errors = zodFieldErrors(error);
    return {
      type: problemType('request.invalid'),
      title: titles[422]!,
      status: 422,
      detail: errors.map((entry) => `${entry.field}: ${entry.message}`).join('; '),
      code: 'request.invalid',
      ...(instance ? { instance } : {}),
      errors,
    };
  }
  return {
    type: problemType('internal'),
    title: titles[500]!,
    status: 500,
    detail: 'An unexpected error occurred; it has been logged.',
    code: 'internal',
    ...(instance ? { instance } : {}),
  };
}

function prefixed(field: string | undefined, prefix: string | undefined): string {
  if (field === undefined || field === '(root)') return prefix ?? '(root)';
  return prefix ? `${prefix}.${field}` : field;
}

/** Problems name the request they answer, so a client's report can be found in the logs. */
export function sendProblem(res: Response, problem: Problem): void {
  const requestId = currentRequestId();
  const body = requestId ? { ...problem, requestId } : problem;
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
}
