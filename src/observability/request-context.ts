import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * A caller's id is kept when it is a plausible one (a proxy's or a client's, so logs on both sides can be
 * joined); anything longer or with other characters could smuggle text into logs, so it is replaced.
 */
const acceptedId = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && acceptedId.test(header) ? header : randomUUID();
}

/** Runs `fn` (and everything it starts, however asynchronous) as part of the request `requestId`. */
export function runInRequest<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** The id of the request being handled, wherever in its call chain this is asked; undefined outside one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
