import { CronExpressionParser } from 'cron-parser';
import type { DigestSubscription } from '../domain/digests/subscription.js';
import type { Logger } from '../observability/logger.js';
import type { Scheduler } from './scheduler.js';

export const DIGEST_JOB = 'channel-digest';

/**
 * The scheduled moment a run is for: the latest occurrence of the schedule at or before `now`, as Agenda
 * reaches it — walking forward with `next()`, which is what Agenda follows. `prev()` alone cannot be used:
 * where a clock change removes the scheduled hour (02:30 on the last Sunday of March in Amsterdam) Agenda
 * runs at 03:30 and `prev()` from there names the day before, whose dedupe key already went out.
 */
export function occurrenceAt(
  schedule: Pick<DigestSubscription['schedule'], 'cron' | 'timeZone'>,
  now: Date,
): Date {
  // A second past now, so that a run starting exactly on time finds its own occurrence.
  const limit = now.getTime() + 1_000;
  const parse = (currentDate: Date) =>
    CronExpressionParser.parse(schedule.cron, { currentDate, tz: schedule.timeZone });
  const back = parse(new Date(limit));
  back.prev();
  // Two occurrences back is before the one Agenda ran for, also where `prev()` names an hour `next()` skips.
  let occurrence = back.prev().toDate();
  const forward = parse(occurrence);
  for (let next = forward.next().toDate(); next.getTime() <= limit; next = forward.next().toDate()) {
    occurrence = next;
  }
  return occurrence;
}

/**
 * One Agenda job per digest subscription (docs/digests.md): `create().repeatEvery(cron, { timezone })` with a
 * unique key on the subscription, never `every()` (which keeps one job per name). Agenda's lock runs each
 * occurrence on one instance; the outbox's dedupe key makes a run repeated after a lapsed lock send once.
 */
export class DigestJobs {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly logger: Logger,
  ) {}

  define(run: (subscriptionId: string, occurrence: Date) => Promise<unknown>, clock: () => Date): void {
    this.scheduler.agenda.define(
      DIGEST_JOB,
      async (job) => {
        const { subscriptionId, cron, timeZone } = job.attrs.data as {
          subscriptionId: string;
          cron: string;
          timeZone: string;
        };
        await run(subscriptionId, occurrenceAt({ cron, timeZone }, clock()));
      },
      { concurrency: 2, lockLifetime: 5 * 60_000 },
    );
  }

  /** Creates or replaces the job of a subscription; its next run follows the new schedule. */
  async schedule(subscription: DigestSubscription): Promise<void> {
    await this.cancel(subscription.id);
    await this.scheduler.agenda
      .create(DIGEST_JOB, {
        subscriptionId: subscription.id,
        cron: subscription.schedule.cron,
        timeZone: subscription.schedule.timeZone,
      })
      .repeatEvery(subscription.schedule.cron, {
        timezone: subscription.schedule.timeZone,
        skipImmediate: true,
      })
      .unique({ name: DIGEST_JOB, 'data.subscriptionId': subscription.id })
      .save();
    this.logger.info({ subscription: subscription.id, cron: subscription.schedule.cron }, 'digest scheduled');
  }

  async cancel(subscriptionId: string): Promise<void> {
    await this.scheduler.agenda.cancel({ name: DIGEST_JOB, data: { subscriptionId } });
  }

  /**
   * Makes sure every subscription has its job (after a restore, or jobs lost with the embedded database).
   * A job that already follows its subscription's schedule is left alone: replacing it moves it to the
   * next occurrence, so an instance starting just after 08:30, before the 08:30 run was picked up, would
   * lose that run for every channel.
   */
  async ensure(subscriptions: AsyncIterable<DigestSubscription>): Promise<void> {
    for await (const subscription of subscriptions) {
      const { jobs } = await this.scheduler.agenda.queryJobs({
        name: DIGEST_JOB,
        data: { subscriptionId: subscription.id },
        limit: 2,
      });
      const [job] = jobs;
      const follows =
        jobs.length === 1 &&
        job?.nextRunAt &&
        job.repeatInterval === subscription.schedule.cron &&
        job.repeatTimezone === subscription.schedule.timeZone;
      if (!follows) await this.schedule(subscription);
    }
  }
}
