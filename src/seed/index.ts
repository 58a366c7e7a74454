export {
  EXAMPLE_SEED_ID,
  type SeedOptions,
  type SeedResult,
  type SeedSkipReason,
  seedExampleWorkspace,
} from './seed-example.js';
export { shouldSeed } from './should-seed.js';
export type { ActionCounts, SeedSummary } from './summary.js';
