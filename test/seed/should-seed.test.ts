import { describe, expect, it } from 'vitest';
import { shouldSeed } from '../../src/seed/index.js';

describe('shouldSeed', () => {
  it('seeds a development start by default, and not when SEED_EXAMPLE is false', () => {
    expect(shouldSeed({ NODE_ENV: 'development' })).toBe(true);
    expect(shouldSeed({ NODE_ENV: 'development', SEED_EXAMPLE: false })).toBe(false);
  });

  it('never seeds production, even when asked', () => {
    expect(shouldSeed({ NODE_ENV: 'production' })).toBe(false);
    expect(shouldSeed({ NODE_ENV: 'production', SEED_EXAMPLE: true })).toBe(false);
  });

  it('leaves test runs empty unless a test asks for the example', () => {
    expect(shouldSeed({ NODE_ENV: 'test' })).toBe(false);
    expect(shouldSeed({ NODE_ENV: 'test', SEED_EXAMPLE: true })).toBe(true);
  });
});
