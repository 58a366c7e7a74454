import { describe, expect, it } from 'vitest';
import { moveLinked, pastStartDecision } from '../../../src/domain/timing/index.js';
import { AMSTERDAM, at, local } from './support.js';

describe('moveLinked', () => {
  const window = { start: at('2026-06-08 09:00'), end: at('2026-06-12 17:00') };

  it('moves the end with the start', () => {
    const moved = moveLinked(window, { start: at('2026-06-15 10:00') }, AMSTERDAM);
    expect(moved).toEqual({ start: at('2026-06-15 10:00'), end: at('2026-06-19 18:00') });
  });

  it('moves the start with the end', () => {
    const moved = moveLinked(window, { end: at('2026-06-10 17:00') }, AMSTERDAM);
    expect(moved).toEqual({ start: at('2026-06-06 09:00'), end: at('2026-06-10 17:00') });
  });

  it('keeps wall-clock times across a DST change', () => {
    const acrossSpring = { start: at('2026-03-27 09:00'), end: at('2026-03-30 09:00') };
    const moved = moveLinked(acrossSpring, { start: at('2026-04-03 09:00') }, AMSTERDAM);
    expect(local(moved.end)).toBe('2026-04-06 09:00');
    // 71 hours before the move, 72 after: the calendar interval is kept, not the number of hours.
    expect(acrossSpring.end.getTime() - acrossSpring.start.getTime()).toBe(71 * 3_600_000);
    expect(moved.end.getTime() - moved.start.getTime()).toBe(72 * 3_600_000);
  });

  it('keeps the exact duration in a zone without DST', () => {
    const utcWindow = { start: new Date('2026-03-27T09:00:00Z'), end: new Date('2026-03-30T09:00:00Z') };
    const moved = moveLinked(utcWindow, { start: new Date('2026-04-03T09:00:00Z') }, 'UTC');
    expect(moved.end).toEqual(new Date('2026-04-06T09:00:00Z'));
  });
});

describe('pastStartDecision', () => {
  const now = new Date('2026-06-10T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it('runs a start in the future or within the tolerance', () => {
    expect(pastStartDecision(new Date('2026-06-11T09:00:00Z'), now, 24)).toBe('run');
    expect(pastStartDecision(hoursAgo(23), now, 24)).toBe('run');
    expect(pastStartDecision(hoursAgo(24), now, 24)).toBe('run');
  });

  it('leaves a start further in the past to a person', () => {
    expect(pastStartDecision(new Date(hoursAgo(24).getTime() - 1), now, 24)).toBe('too-late');
    expect(pastStartDecision(hoursAgo(0.5), now, 0)).toBe('too-late');
    expect(pastStartDecision(now, now, 0)).toBe('run');
  });

  it('honours a template tolerance other than 24 hours', () => {
    expect(pastStartDecision(hoursAgo(30), now, 48)).toBe('run');
    expect(pastStartDecision(hoursAgo(3), now, 2)).toBe('too-late');
  });
});
