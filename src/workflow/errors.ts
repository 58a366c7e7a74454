import { DomainError } from '../domain/errors.js';
import type { ErrorCode } from '../i18n/coded/index.js';

/** The things that can be missing or changed under one's feet: every one has its translated message. */
type Subject<Suffix extends string> = ErrorCode extends infer Code
  ? Code extends `${infer What}.${Suffix}`
    ? What
    : never
  : never;

export function notFound(what: Subject<'not-found'>, id: string | number, field?: string): DomainError {
  return new DomainError({
    category: 'not-found',
    code: `${what}.not-found`,
    message: `No ${what} with id ${id}`,
    ...(field ? { field } : {}),
    details: { id },
  });
}

export function forbidden(code: ErrorCode, message: string, params?: DomainError['params']): DomainError {
  return new DomainError({ category: 'forbidden', code, message, ...(params ? { params } : {}) });
}

/** Someone else changed the thing between our read and our write. */
export function concurrentChange(what: Subject<'changed-concurrently'>, id: string): DomainError {
  return new DomainError({
    category: 'conflict',
    code: `${what}.changed-concurrently`,
    message: `The ${what} ${id} was changed by someone else; reload and try again`,
    details: { id },
  });
}
