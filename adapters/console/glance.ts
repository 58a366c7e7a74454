import { listActions } from '../../src/workflow/actions/queries.js';
import type { Viewer } from './viewer.js';

/** How many of the viewer's own open actions have each colour; a lower bound when `capped`. */
export interface ColourCounts {
  overdue: number;
  today: number;
  future: number;
  capped: boolean;
}

/** Enough for a summary: past this many open actions of one person, "200+" says all there is to say. */
const GLANCE_LOAD = 200;

/** The colour code of the viewer's own to-do list, counted from one query. */
export async function myColourCounts(viewer: Viewer): Promise<ColourCounts> {
  const { items, total } = await listActions(viewer.deps, viewer.actor, {
    owner: 'me',
    limit: GLANCE_LOAD,
    skip: 0,
  });
  const counts: ColourCounts = { overdue: 0, today: 0, future: 0, capped: total > items.length };
  for (const { colour } of items) if (colour !== 'closed') counts[colour] += 1;
  return counts;
}
