import { z } from 'zod';
import { nextRuns } from '../../../domain/digests/schedule.js';
import { DigestRequestSchema, type DigestSubscription } from '../../../domain/digests/subscription.js';
import { DomainError } from '../../../domain/errors.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import {
  type DigestPorts,
  deleteDigest,
  listDigests,
  subscribeDigest,
} from '../../../workflow/digests/subscriptions.js';
import type { ExecutionPorts } from '../../../workflow/execution/execute-action.js';
import { idParam, page, pageOf, route } from './shared.js';

const tag = 'Digests';

const RunSchema = z.object({
  at: z.date(),
  occurrence: z.date(),
  outcome: z.enum(['sent', 'empty-skipped', 'not-a-working-day', 'failed']),
  reason: z.string().optional(),
  counts: z.object({ overdue: z.int(), today: z.int(), week: z.int() }).optional(),
});

const SubscriptionSchema = DigestRequestSchema.extend({
  id: z.string(),
  addressKey: z.string(),
  addressLabel: z.string(),
  setBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  lastRun: RunSchema.optional(),
  nextRunAt: z
    .date()
    .optional()
    .describe(
      'The next run of the cron expression in the schedule’s time zone (with workingDaysOnly, one on a day off sends nothing)',
    ),
});

function ports(execution: ExecutionPorts): DigestPorts {
  if (!execution.digests)
    throw new DomainError({
      category: 'upstream',
      code: 'digest.unavailable',
      message: 'Digests are not available',
    });
  return execution.digests;
}

function withNextRun(subscription: DigestSubscription, now: Date) {
  const [next] = nextRuns(subscription.schedule, now, 1);
  return { ...subscription, ...(next ? { nextRunAt: next } : {}) };
}

/** Channel digests: subscribe a channel, and for administrators every subscription with its runs. */
export function digestRoutes(deps: WorkflowDeps, execution: ExecutionPorts) {
  return [
    route({
      method: 'get',
      path: '/digests',
      operationId: 'listDigests',
      summary: 'Every channel digest with its next run and the outcome of its last',
      tag,
      scope: 'admin',
      response: pageOf(SubscriptionSchema),
      handler: async ({ actor }) => {
        const items = (await listDigests(deps, actor)).map((subscription) =>
          withNextRun(subscription, deps.clock()),
        );
        return { body: page(items, items.length, { limit: items.length, skip: 0 }) };
      },
    }),
    route({
      method: 'post',
      path: '/digests',
      operationId: 'subscribeDigest',
      summary: 'Subscribe a channel to a digest, or change its subscription (one per channel)',
      tag,
      scope: 'actions:write',
      body: DigestRequestSchema,
      response: SubscriptionSchema,
      successStatus: 200,
      handler: async ({ actor, body }) => ({
        body: withNextRun(await subscribeDigest(deps, ports(execution), actor, body), deps.clock()),
      }),
    }),
    route({
      method: 'delete',
      path: '/digests/:id',
      operationId: 'deleteDigest',
      summary: 'Stop a channel digest',
      tag,
      scope: 'admin',
      params: idParam,
      response: SubscriptionSchema,
      successStatus: 200,
      handler: async ({ actor, params }) => ({
        body: withNextRun(await deleteDigest(deps, ports(execution), actor, params.id), deps.clock()),
      }),
    }),
  ];
}
