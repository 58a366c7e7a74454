import { z } from 'zod';
import {
  approveSender,
  createSender,
  deleteSender,
  listSenders,
  NewSenderSchema,
} from '../../../workflow/admin/senders.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { idParam, pageFrom, pageOf, pagination, queryFlag, route } from './shared.js';

const tag = 'Sender addresses';

const SenderSchema = z.object({
  id: z.string(),
  address: z.string(),
  displayName: z.string(),
  approved: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** The addresses e-mail actions may send from. Template authors read them; administrators manage them. */
export function senderRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/senders',
      operationId: 'listSenders',
      summary: 'List sender addresses',
      tag,
      scope: 'templates:read',
      query: z.object({ approved: queryFlag.optional(), ...pagination }),
      response: pageOf(SenderSchema),
      handler: async ({ actor, query }) => ({
        body: pageFrom(await listSenders(deps, actor, query), query),
      }),
    }),
    route({
      method: 'post',
      path: '/senders',
      operationId: 'createSender',
      summary: 'Add a sender address (unapproved until approved)',
      tag,
      scope: 'admin',
      body: NewSenderSchema,
      response: SenderSchema,
      handler: async ({ actor, body }) => ({ body: await createSender(deps, actor, body) }),
    }),
    route({
      method: 'post',
      path: '/senders/:id/approve',
      operationId: 'approveSender',
      summary: 'Approve a sender address for use in e-mail templates',
      tag,
      scope: 'admin',
      successStatus: 200,
      params: idParam,
      response: SenderSchema,
      handler: async ({ actor, params }) => ({ body: await approveSender(deps, actor, params.id) }),
    }),
    route({
      method: 'delete',
      path: '/senders/:id',
      operationId: 'deleteSender',
      summary: 'Remove a sender address',
      tag,
      scope: 'admin',
      successStatus: 204,
      params: idParam,
      handler: async ({ actor, params }) => {
        await deleteSender(deps, actor, params.id);
        return { body: undefined };
      },
    }),
  ];
}
