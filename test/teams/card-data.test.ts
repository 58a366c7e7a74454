import { describe, expect, it } from 'vitest';
import { boundedHome, CardDataSchema } from '../../adapters/teams/card-data.js';

describe('what a card carries back', () => {
  it('keeps a home within the limits it is checked against when it comes back', () => {
    const long = `${'😀'.repeat(400)}${'x'.repeat(600)}`;
    const home = boundedHome({ ids: ['act_1'], t: Array.from({ length: 12 }, () => long) });
    expect(home?.t).toHaveLength(10);
    expect(home?.t?.[0]?.endsWith('…')).toBe(true);
    expect(CardDataSchema.safeParse({ s: 'refresh', h: home }).success).toBe(true);
    const over = 'x'.repeat(1_001);
    expect(CardDataSchema.safeParse({ s: 'refresh', h: { ids: ['act_1'], t: [over] } }).success).toBe(false);
    expect(boundedHome({ ids: ['act_1'], t: [over] })?.t?.[0]).toHaveLength(1_000);
  });

  it('carries no home for a command too long to come back whole', () => {
    expect(boundedHome({ c: `lijst ${'x'.repeat(1_200)}` })).toBeUndefined();
    expect(boundedHome({ c: 'lijst te-laat' })).toEqual({ c: 'lijst te-laat' });
  });
});
