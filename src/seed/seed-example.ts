import { RECORD_KINDS } from '../domain/dossiers/index.js';
import type { Logger } from '../observability/logger.js';
import { SeedRunStore } from '../store/seed-runs.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { seedCourseTypes } from './course-types.js';
import { enrolAndProgress, planCourses } from './courses.js';
import { seedOrganisations } from './organisations.js';
import { seedRequests, stampQuoteCallBack } from './requests.js';
import { seedStaff } from './staff.js';
import { type SeedSummary, summariseWorkspace } from './summary.js';
import { seedTemplates } from './templates/index.js';

/** The marker's id; a later, different example would get its own. */
export const EXAMPLE_SEED_ID = 'example-workspace';

export interface SeedOptions {
  /**
   * The moment the example is built around (course dates, colours). Defaults to the workflow clock; when
   * given, the use cases run on a clock fixed at it too, so record dates and stamped windows agree.
   */
  readonly now?: Date | undefined;
  readonly logger: Logger;
}

export type SeedSkipReason =
  /** The workspace already has dossiers or templates: someone's real data, never mixed with the example. */
  | 'not-empty'
  /** This or another instance seeded (or is seeding) already; see the `seedRuns` marker. */
  | 'already-seeded'
  /** Seeding stopped with an error (logged); once it had begun, the marker says 'failed'. */
  | 'failed';

export type SeedResult =
  | { seeded: true; summary: SeedSummary }
  | { seeded: false; reason: SeedSkipReason; error?: string };

/**
 * Fills an empty workspace with "Opleidingscentrum De Brug" (docs/seed.md): staff, course types, the
 * docs/domain.md §8 templates and a few more, customers, courses and requests dated around `now`, so that
 * actions are overdue, due today and upcoming right after start-up.
 *
 * Everything goes through the use cases, in the order a real institute would work (configuration first,
 * then records), so every action is stamped by a real event or a real hand stamp and has its history.
 * Never throws: a demo that cannot be built must not stop the service, so failures are logged and
 * reported as `reason: 'failed'`.
 */
export async function seedExampleWorkspace(deps: WorkflowDeps, options: SeedOptions): Promise<SeedResult> {
  try {
    return await seedOnce(deps, options);
  } catch (error) {
    options.logger.error({ err: error }, 'seeding the example workspace failed; it may be incomplete');
    return { seeded: false, reason: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

async function seedOnce(deps: WorkflowDeps, { now: fixed, logger }: SeedOptions): Promise<SeedResult> {
  const seedDeps: WorkflowDeps = fixed ? { ...deps, clock: () => fixed } : deps;
  const now = seedDeps.clock();
  const runs = new SeedRunStore(deps.stores.db);
  const skip = (reason: SeedSkipReason, why: string): SeedResult => {
    logger.info({ reason }, `example workspace not seeded: ${why}`);
    return { seeded: false, reason };
  };
  // The marker is read first only to give the clearer reason on every later start; the claim decides.
  if (await runs.get(EXAMPLE_SEED_ID)) return skip('already-seeded', 'it was seeded before');
  if (!(await isEmpty(seedDeps))) return skip('not-empty', 'the workspace already has data');
  if (!(await runs.claim(EXAMPLE_SEED_ID, now))) return skip('already-seeded', 'another instance seeds it');
  try {
    const summary = await buildExample(seedDeps, now);
    await runs.finish(EXAMPLE_SEED_ID, deps.clock(), summary);
    logger.info({ summary }, 'example workspace seeded: Opleidingscentrum De Brug');
    return { seeded: true, summary };
  } catch (error) {
    // The marker stays, marked failed: a half-built example is not built a second time on top of itself.
    const message = error instanceof Error ? error.message : String(error);
    await runs.fail(EXAMPLE_SEED_ID, deps.clock(), message).catch(() => undefined);
    throw error;
  }
}

async function isEmpty(deps: WorkflowDeps): Promise<boolean> {
  const [templates, ...dossiers] = await Promise.all([
    deps.stores.templates.list({ includeArchived: true }),
    ...RECORD_KINDS.map((group) => deps.stores.dossiers.list({ group, limit: 1, skip: 0 })),
  ]);
  return templates.length === 0 && dossiers.every((page) => page.total === 0);
}

async function buildExample(deps: WorkflowDeps, now: Date): Promise<SeedSummary> {
  const { calendar } = await deps.workspace.get();
  const staff = await seedStaff(deps);
  const courseTypes = await seedCourseTypes(deps, staff);
  const templates = await seedTemplates(deps, { courseTypes, staff });
  const organisations = await seedOrganisations(deps, staff);
  const setting = { deps, now, calendar, staff, courseTypes, organisations };
  const courses = await planCourses(setting);
  const { quote, order } = await seedRequests(deps, { staff, courseTypes, organisations, courses });
  await enrolAndProgress(setting, courses, order);
  await stampQuoteCallBack(deps, staff, quote);
  return summariseWorkspace(deps, now, {
    users: Object.keys(staff).length,
    senders: 1,
    templates: templates.length,
  });
}
