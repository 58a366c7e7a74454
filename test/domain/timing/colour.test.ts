import { describe, expect, it } from 'vitest';
import { type ColourState, colourOf } from '../../../src/domain/timing/index.js';
import { AMSTERDAM, at, NEW_YORK } from './support.js';

const now = at('2026-06-10 11:00');
const colour = (state: ColourState, start: string, end: string, timeZone = AMSTERDAM) =>
  colourOf({ state, start: at(start), end: at(end) }, now, timeZone);

describe('colourOf', () => {
  it('is overdue when an open action is past its end, even if the end was earlier today', () => {
    expect(colour('open', '2026-06-01 09:00', '2026-06-09 09:00')).toBe('overdue');
    expect(colour('open', '2026-06-10 09:00', '2026-06-10 10:59')).toBe('overdue');
  });

  it('is today when the start or the end is on today’s local date', () => {
    expect(colour('open', '2026-06-10 09:00', '2026-06-20 09:00')).toBe('today');
    expect(colour('open', '2026-06-01 09:00', '2026-06-10 17:00')).toBe('today');
    expect(colour('open', '2026-06-10 23:30', '2026-06-10 23:30')).toBe('today');
  });

  it('is future otherwise, also while a window spans today', () => {
    expect(colour('open', '2026-06-11 09:00', '2026-06-12 09:00')).toBe('future');
    expect(colour('open', '2026-06-01 09:00', '2026-06-20 09:00')).toBe('future');
  });

  it('takes today in the given time zone', () => {
    // 00:30 on 11 June in Amsterdam is still 10 June in New York.
    expect(colour('open', '2026-06-11 00:30', '2026-06-11 00:30')).toBe('future');
    expect(colour('open', '2026-06-11 00:30', '2026-06-11 00:30', NEW_YORK)).toBe('today');
  });

  it('counts failed and rejected actions as overdue whatever their dates', () => {
    expect(colour('failed', '2026-07-01 09:00', '2026-07-02 09:00')).toBe('overdue');
    expect(colour('rejected', '2026-07-01 09:00', '2026-07-02 09:00')).toBe('overdue');
  });

  it('colours a waiting action like an open one', () => {
    expect(colour('waiting', '2026-06-10 09:00', '2026-06-12 09:00')).toBe('today');
    expect(colour('waiting', '2026-06-01 09:00', '2026-06-02 09:00')).toBe('overdue');
  });

  it.each(['done', 'executed', 'cancelled'] as const)('gives a %s action the colour closed', (state) => {
    expect(colour(state, '2026-06-01 09:00', '2026-06-02 09:00')).toBe('closed');
    expect(colour(state, '2026-06-10 09:00', '2026-06-10 12:00')).toBe('closed');
  });
});
