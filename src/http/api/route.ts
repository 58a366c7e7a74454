import type { z } from 'zod';
import type { ApiScope } from '../../domain/access.js';
import type { RequestBudget } from '../backpressure.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<TParams, TQuery, TBody, TActor> {
  params: TParams;
  query: TQuery;
  body: TBody;
  actor: TActor;
  now: Date;
  /** The version the client last saw, from `If-Match` (routes with `conditional`); undefined when absent. */
  ifMatch: number | undefined;
  /** The request's time limit and cancellation (backpressure.ts), for the reads it makes. */
  budget: RequestBudget;
}

export interface RouteResult<TResult> {
  status?: number;
  body: TResult;
  headers?: Record<string, string>;
}

/**
 * One REST endpoint: its schemas are the single source for validation and for the OpenAPI document,
 * and its handler only translates the validated input into a use-case call.
 */
export interface ApiRoute<
  TParams = unknown,
  TQuery = unknown,
  TBody = unknown,
  TResult = unknown,
  TActor = unknown,
> {
  method: HttpMethod;
  /** Express-style path below /api, e.g. `/templates/:id`. */
  path: string;
  operationId: string;
  summary: string;
  /** Longer explanation for the OpenAPI document. */
  description?: string;
  tag: string;
  scope: ApiScope;
  params?: z.ZodType<TParams>;
  query?: z.ZodType<TQuery>;
  body?: z.ZodType<TBody>;
  /** Response body schema for the success status; absent for 204. Documentation only, never enforced. */
  response?: z.ZodType<TResult>;
  successStatus?: number;
  /** Other success statuses answered with the same body (200 for a replayed create). */
  otherSuccessStatuses?: number[];
  /** Content types accepted for the body besides JSON (e.g. YAML imports); parsed to an object first. */
  acceptsYaml?: boolean;
  /** The body can also be sent as YAML, chosen by `?format=yaml` or `Accept: application/yaml`. */
  producesYaml?: boolean;
  /** The route honours `If-Match: "<version>"` for optimistic concurrency. */
  conditional?: boolean;
  /** A list that reads many documents: counted against the cap on concurrent heavy requests. */
  heavy?: boolean;
  handler(input: RouteInput<TParams, TQuery, TBody, TActor>): Promise<RouteResult<TResult>>;
}

// biome-ignore lint/suspicious/noExplicitAny: a route list mixes routes of different type parameters.
export type AnyApiRoute<TActor = unknown> = ApiRoute<any, any, any, any, TActor>;

export function defineRoute<TParams, TQuery, TBody, TResult, TActor>(
  route: ApiRoute<TParams, TQuery, TBody, TResult, TActor>,
): ApiRoute<TParams, TQuery, TBody, TResult, TActor> {
  return route;
}
