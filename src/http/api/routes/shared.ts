import { z } from 'zod';
import { IdSchema } from '../../../domain/dossiers/values.js';
import { DomainError } from '../../../domain/errors.js';
import type { User } from '../../../domain/rights/user.js';
import { TEXT_LIMITS, text } from '../../../domain/text.js';
import { COUNT_BOUND } from '../../../workflow/actions/queries.js';
import type { ApiRoute } from '../route.js';

/** Every route acts for a Stempel user: the token's user, loaded fresh on each request. */
export function route<TParams, TQuery, TBody, TResult>(
  definition: ApiRoute<TParams, TQuery, TBody, TResult, User>,
): ApiRoute<TParams, TQuery, TBody, TResult, User> {
  return definition;
}

export const maxPageSize = 500;

/** `limit` and `skip` of every list; pages are small by default so a careless client stays cheap. */
export const pagination = {
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(maxPageSize, { error: `limit must be at most ${maxPageSize}` })
    .default(50),
  skip: z.coerce
    .number({ error: 'skip must be a number' })
    .int({ error: 'skip must be a whole number' })
    .min(0, { error: 'skip must be 0 or more' })
    .default(0),
};

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  skip: number;
}

/** The response shape of every list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().describe('How many items match, across all pages'),
    limit: z.int(),
    skip: z.int(),
  });
}

/**
 * The response shape of a list whose count is bounded (actions): `total` counts matches up to a bound,
 * and `totalExact` says whether it is the full count or that bound.
 */
export function boundedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({
    total: z
      .int()
      .describe(`How many items match, across all pages, counted up to ${COUNT_BOUND}; see totalExact`),
    totalExact: z
      .boolean()
      .describe('False when more than `total` items match: `total` is then the bound, not the count'),
  });
}

export function page<T>(items: T[], total: number, query: { limit: number; skip: number }): Page<T> {
  return { items, total, limit: query.limit, skip: query.skip };
}

/** A page cut from a list that was loaded whole (small collections: templates, users, senders). */
export function pageFrom<T>(all: T[], query: { limit: number; skip: number }): Page<T> {
  return page(all.slice(query.skip, query.skip + query.limit), all.length, query);
}

/** Query strings carry text: `true`/`false` (also 1/0) become a boolean. */
export const queryFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

/** Free text in a query string (a search, a category): bounded and without control characters. */
export const queryText = text({ max: TEXT_LIMITS.name });

/** A list in a query string, comma-separated (`state=open,failed`) or repeated (`state=open&state=failed`). */
export function queryList<T extends readonly [string, ...string[]]>(values: T, what: string) {
  const one = values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // The pattern says in the published schema what the enum check below says to the server.
  const commaSeparated = new RegExp(`^\\s*(${one})\\s*(,\\s*(${one})\\s*)*$`);
  const error = `${what} must be one of: ${values.join(', ')}`;
  return z
    .union([
      z.string().regex(commaSeparated, { error }),
      z.array(z.string().regex(commaSeparated, { error })).min(1),
    ])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((entry) => entry.split(','))
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `${what} must be one of: ${values.join(', ')}` })).min(1))
    .meta({ description: `One or more of ${values.join(', ')}, comma-separated` });
}

/**
 * The schema of a partial update made from an object schema: every field optional and without its
 * default. (zod's own `.partial()` keeps defaults, so a patch naming one field would reset the others.)
 */
export function patchOf<T extends z.ZodRawShape>(schema: { shape: T }) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType,
    ]),
  ) as { [K in keyof T]: z.ZodType<z.output<T[K]>, z.input<T[K]>> };
  return z.strictObject(shape).partial();
}

/** The `expectedVersion` a body may carry instead of an If-Match header. */
export const expectedVersionField = z
  .int({ error: 'expectedVersion must be a whole number' })
  .min(0, { error: 'expectedVersion must be 0 or more' })
  .optional()
  .describe('The version this change is based on (like If-Match); a stale version is refused with 409');

/** The version a change is based on: If-Match or the body's field; both must agree when both are sent. */
export function expectedVersion(ifMatch: number | undefined, bodyVersion: number | undefined) {
  if (ifMatch !== undefined && bodyVersion !== undefined && ifMatch !== bodyVersion) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'request.version-mismatch',
      field: 'expectedVersion',
      message: `If-Match says version ${ifMatch} but expectedVersion says ${bodyVersion}`,
    });
  }
  return ifMatch ?? bodyVersion;
}

/** Versioned resources carry their version as ETag, ready to be sent back in If-Match. */
export function versionTag(resource: { version: number }): Record<string, string> {
  return { ETag: `"${resource.version}"` };
}

export const idParam = z.object({
  id: IdSchema.describe('The id'),
});
