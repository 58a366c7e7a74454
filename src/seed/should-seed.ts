/**
 * Whether this start may seed the example workspace (docs/architecture.md §6, issue 5).
 * - Never in production, whatever SEED_EXAMPLE says: demo people and courses must not appear in a real
 *   institute's workspace.
 * - SEED_EXAMPLE, when set, decides otherwise.
 * - Unset, only in development, so that `npm start` shows a working bot within a minute. Test runs
 *   (NODE_ENV=test, which the service-process tests use) start from an empty workspace unless a test asks
 *   for the example with SEED_EXAMPLE=true.
 */
export function shouldSeed(config: {
  readonly NODE_ENV: 'development' | 'production' | 'test';
  readonly SEED_EXAMPLE?: boolean | undefined;
}): boolean {
  if (config.NODE_ENV === 'production') return false;
  return config.SEED_EXAMPLE ?? config.NODE_ENV === 'development';
}
