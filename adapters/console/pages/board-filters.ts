import { z } from 'zod';
import { ACTION_STATES, type ActionState } from '../../../src/domain/actions/index.js';

/**
 * The board's filters live in the query string, so a filtered board is a link people can share. A value
 * that does not parse falls back to its default instead of failing: a stale bookmark still shows a board.
 */
export const BoardFiltersSchema = z.object({
  state: z.enum(['todo', 'all', ...ACTION_STATES]).catch('todo'),
  owner: z.enum(['anyone', 'me', 'none']).catch('anyone'),
  colour: z.enum(['any', 'overdue', 'today', 'future', 'closed']).catch('any'),
  template: z.string().max(100).catch(''),
});
export type BoardFilters = z.infer<typeof BoardFiltersSchema>;

export function parseBoardFilters(query: Record<string, unknown>): BoardFilters {
  const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  return BoardFiltersSchema.parse({
    state: single(query.state) ?? 'todo',
    owner: single(query.owner) ?? 'anyone',
    colour: single(query.colour) ?? 'any',
    template: single(query.template) ?? '',
  });
}

/** 'todo' is what lists show by default (docs/domain.md §6 hides waiting actions); 'all' is every state. */
export function statesOf(filters: BoardFilters): ActionState[] | undefined {
  if (filters.state === 'todo') return undefined;
  if (filters.state === 'all') return [...ACTION_STATES];
  return [filters.state];
}

export function boardQueryString(filters: BoardFilters): string {
  return new URLSearchParams(filters).toString();
}
