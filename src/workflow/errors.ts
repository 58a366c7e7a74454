import { DomainError } from '../domain/errors.js';

export function notFound(what: string, id: string | number, field?: string): DomainError {
  return new DomainError({
    category: 'not-found',
    code: `${what}.not-found`,
    message: `No ${what} with id ${id}`,
    ...(field ? { field } : {}),
    details: { id },
  });
}

export function forbidden(code: string, message: string): DomainError {
  return new DomainError({ category: 'forbidden', code, message });
}

/** Someone else changed the thing between our read and our write. */
export function concurrentChange(what: string, id: string): DomainError {
  return new DomainError({
    category: 'conflict',
    code: `${what}.changed-concurrently`,
    message: `The ${what} ${id} was changed by someone else; reload and try again`,
    details: { id },
  });
}
