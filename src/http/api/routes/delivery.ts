import { z } from 'zod';
import {
  clearBrokenTarget,
  listDeliveries,
  listDeliveryTargets,
} from '../../../workflow/admin/deliveries.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { idParam, page, pageOf, queryFlag, route } from './shared.js';

const tag = 'Chat delivery';

const limit = z.coerce
  .number({ error: 'limit must be a number' })
  .int({ error: 'limit must be a whole number' })
  .min(1, { error: 'limit must be at least 1' })
  .max(500, { error: 'limit must be at most 500' })
  .default(100);

const Problem = z.object({ reason: z.string(), at: z.date() });

const TargetSchema = z.object({
  id: z
    .string()
    .describe('The conversation: slack:<team>:<channel or user>, teams:<conversation>, console:…'),
  platform: z.enum(['slack', 'teams', 'console']),
  label: z.string(),
  nextSendAt: z.date().describe('When the next message may go into it (pacing, Retry-After)'),
  broken: Problem.optional().describe(
    'Set when the platform refused it for good; nothing is sent until cleared',
  ),
  lastError: Problem.optional(),
  sent: z.int(),
  failed: z.int(),
});

const DeliverySchema = z.object({
  id: z.string(),
  dedupeKey: z.string(),
  purpose: z.string(),
  address: z.object({
    platform: z.enum(['slack', 'teams', 'console']),
    key: z.string(),
    label: z.string(),
    data: z.record(z.string(), z.string()),
  }),
  content: z.object({
    type: z.enum(['notice', 'card', 'home', 'digest']),
    text: z.string().optional(),
    actionId: z.string().optional(),
    userId: z.string().optional(),
    subscriptionId: z.string().optional(),
  }),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.int(),
  nextAttemptAt: z.date(),
  lastError: z.string().optional(),
  createdAt: z.date(),
  sentAt: z.date().optional(),
});

/** The outbox and the conversations it sends into, for administrators (docs/delivery.md). */
export function deliveryRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/delivery/targets',
      operationId: 'listDeliveryTargets',
      summary: 'Conversations Stempel sends into; `broken=true` for the ones that need an administrator',
      tag,
      scope: 'admin',
      query: z.object({ broken: queryFlag.optional(), limit }),
      response: pageOf(TargetSchema),
      handler: async ({ actor, query }) => {
        const items = await listDeliveryTargets(deps, actor, query);
        return { body: page(items, items.length, { limit: query.limit, skip: 0 }) };
      },
    }),
    route({
      method: 'post',
      path: '/delivery/targets/:id/clear',
      operationId: 'clearDeliveryTarget',
      successStatus: 200,
      summary: 'Clear a broken mark once its cause is fixed, so messages go there again',
      tag,
      scope: 'admin',
      params: idParam,
      response: TargetSchema,
      handler: async ({ actor, params }) => ({ body: await clearBrokenTarget(deps, actor, params.id) }),
    }),
    route({
      method: 'get',
      path: '/deliveries',
      operationId: 'listDeliveries',
      summary: 'Outbound chat messages, newest first',
      tag,
      scope: 'admin',
      query: z.object({
        status: z
          .enum(['pending', 'sending', 'sent', 'failed'], {
            error: 'status must be one of: pending, sending, sent, failed',
          })
          .optional(),
        target: z.string().optional(),
        limit,
      }),
      response: pageOf(DeliverySchema),
      handler: async ({ actor, query }) => {
        // Who reads it and the platform's message reference stay inside: they are the outbox's business.
        const items = (await listDeliveries(deps, actor, query)).map(
          ({ viewer: _viewer, ref: _ref, leaseUntil: _lease, expiresAt: _expires, ...delivery }) => delivery,
        );
        return { body: page(items, items.length, { limit: query.limit, skip: 0 }) };
      },
    }),
  ];
}
