import { localDateOf } from './local-date.js';

/** The action states of docs/domain.md §6, as far as the colour code needs them. */
export type ColourState = 'waiting' | 'open' | 'done' | 'executed' | 'failed' | 'rejected' | 'cancelled';

/**
 * overdue = red, today = orange, future = black/grey. Final actions get their own value, 'closed', rather
 * than passing for 'future': a done action is not upcoming, and lists show it greyed out or not at all.
 */
export type ActionColour = 'overdue' | 'today' | 'future' | 'closed';

export interface ColourInput {
  readonly state: ColourState;
  readonly start: Date;
  readonly end: Date;
}

/**
 * The colour code (kleurcode) of an action at `now`. "Today" is the local date in `timeZone` (the viewer's
 * or the workspace's). A waiting action is coloured as if it were open: it is still work to be done.
 */
export function colourOf(action: ColourInput, now: Date, timeZone: string): ActionColour {
  switch (action.state) {
    case 'done':
    case 'executed':
    case 'cancelled':
      return 'closed';
    case 'failed':
    case 'rejected':
      return 'overdue';
    case 'waiting':
    case 'open': {
      if (now.getTime() > action.end.getTime()) return 'overdue';
      const today = localDateOf(now, timeZone);
      const touchesToday =
        localDateOf(action.start, timeZone) === today || localDateOf(action.end, timeZone) === today;
      return touchesToday ? 'today' : 'future';
    }
  }
}
