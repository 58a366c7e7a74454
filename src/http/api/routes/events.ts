import { z } from 'zod';
import { DomainEventSchema } from '../../../domain/events/index.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { CustomEventSchema, postCustomEvent } from '../../../workflow/events/custom-event.js';
import { route } from './shared.js';

const StoredEventSchema = DomainEventSchema.extend({
  status: z.enum(['pending', 'processed', 'failed']),
  attempts: z.int().optional(),
  lastError: z.string().optional(),
  processedAt: z.date().optional(),
  externalId: z.string().optional(),
});

/** Custom events: other systems tell Stempel that something happened to a record. */
export function eventRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'post',
      path: '/events',
      operationId: 'postCustomEvent',
      summary: 'Post a named custom event for a record; templates listening to it stamp',
      description:
        'With `externalId`, posting the same event again records nothing new and answers 200 with the ' +
        'event recorded the first time (`duplicate: true`).',
      tag: 'Events',
      scope: 'events:write',
      body: CustomEventSchema,
      otherSuccessStatuses: [200],
      response: z.object({
        event: StoredEventSchema,
        duplicate: z.boolean(),
        stampedActionIds: z.array(z.string()),
      }),
      handler: async ({ actor, body }) => {
        const result = await postCustomEvent(deps, actor, body);
        return { status: result.duplicate ? 200 : 201, body: result };
      },
    }),
  ];
}
