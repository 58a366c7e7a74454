import type { Action } from '../actions/schema.js';
import {
  anchorsUsed,
  computeWindow,
  MissingAnchorError,
  type TemplateTiming,
  type TimeWindow,
  type WorkCalendar,
} from '../timing/index.js';

export interface Rescheduled extends TimeWindow {
  /** The anchor dates after the move, to store on the action. */
  readonly anchorDates: Record<string, Date>;
  /** The anchors that moved, for the history entry that says why the action moved. */
  readonly moved: string[];
}

/**
 * Timing follows the anchor (docs/domain.md §7): the new window of a waiting or open action after record dates
 * changed, or null when it stays put — its dates were edited by hand, it does not use a changed anchor,
 * the anchor was cleared (the action keeps its last known window), or the window comes out the same.
 */
export function rescheduleFor(
  action: Action,
  timing: TemplateTiming,
  changedDates: Readonly<Record<string, Date | undefined>>,
  calendar: WorkCalendar,
): Rescheduled | null {
  if (action.datesEditedByHand || (action.state !== 'waiting' && action.state !== 'open')) return null;
  const used = anchorsUsed(timing);
  const moved = used.filter(
    (anchor) =>
      Object.hasOwn(changedDates, anchor) &&
      changedDates[anchor]?.getTime() !== action.anchorDates[anchor]?.getTime(),
  );
  if (moved.length === 0) return null;
  const dates = { ...action.anchorDates, ...changedDates };
  let window: TimeWindow;
  try {
    window = computeWindow(
      timing,
      { created: action.stampedAt, event: action.eventAt ?? undefined, dates },
      calendar,
    );
  } catch (error) {
    if (error instanceof MissingAnchorError) return null;
    throw error;
  }
  if (window.start.getTime() === action.start.getTime() && window.end.getTime() === action.end.getTime())
    return null;
  const anchorDates: Record<string, Date> = {};
  for (const anchor of used) {
    const date = dates[anchor];
    if (date) anchorDates[anchor] = date;
  }
  return { start: window.start, end: window.end, anchorDates, moved };
}
