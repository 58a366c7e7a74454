import type { DigestSubscription } from '../../domain/digests/subscription.js';
import { localDateOf } from '../../domain/timing/index.js';
import type { WorkflowDeps } from '../deps.js';
import { digestContent } from './content.js';
import type { DigestPorts } from './subscriptions.js';

/**
 * One run of a subscription's digest, for the scheduled `occurrence` (docs/digests.md). Skipped on days
 * that are not working days when the schedule says so, and when nothing is overdue if the subscription
 * says skip; otherwise queued in the outbox with a dedupe key of subscription and occurrence, so a run
 * repeated by a second instance (or after a crash) sends one message.
 */
export async function runDigest(
  deps: WorkflowDeps,
  ports: DigestPorts,
  subscriptionId: string,
  occurrence: Date,
): Promise<DigestSubscription['lastRun'] | undefined> {
  const subscription = await deps.stores.digests.get(subscriptionId);
  if (!subscription) return undefined;
  const now = deps.clock();
  const { calendar, locale } = await deps.workspace.get();
  const record = async (run: NonNullable<DigestSubscription['lastRun']>) => {
    await deps.stores.digests.recordRun(subscription.id, run);
    return run;
  };
  if (
    subscription.schedule.workingDaysOnly &&
    !calendar.isWorkingDay(localDateOf(occurrence, subscription.schedule.timeZone))
  ) {
    return record({ at: now, occurrence, outcome: 'not-a-working-day' });
  }
  const content = await digestContent(deps, subscription, now);
  const counts = { overdue: content.overdue.total, today: content.today.total, week: content.week.total };
  if (content.overdue.total === 0 && subscription.whenEmpty === 'skip') {
    return record({ at: now, occurrence, outcome: 'empty-skipped', counts });
  }
  const address = await ports.channelAddress(subscription.target);
  if (!address) {
    return record({
      at: now,
      occurrence,
      outcome: 'failed',
      reason: `${subscription.target.platform} is not configured`,
      counts,
    });
  }
  const result = await ports.post(
    address,
    { locale: subscription.locale ?? locale },
    { type: 'digest', subscriptionId: subscription.id },
    'digest',
    `digest:${subscription.id}:${occurrence.toISOString()}`,
  );
  return record(
    result.ok
      ? { at: now, occurrence, outcome: 'sent', counts }
      : { at: now, occurrence, outcome: 'failed', reason: result.reason, counts },
  );
}
