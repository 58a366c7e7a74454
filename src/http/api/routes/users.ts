import { z } from 'zod';
import { UserSchema } from '../../../domain/rights/user.js';
import {
  createUser,
  getUser,
  listUsers,
  NewUserSchema,
  UserPatchSchema,
  updateUser,
} from '../../../workflow/admin/users.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { ChatIdentitySchema, linkChatIdentity, unlinkChatIdentity } from '../../../workflow/identities.js';
import { idParam, pageFrom, pageOf, pagination, queryFlag, route } from './shared.js';

const tag = 'Users';

const IdentityBody = z.strictObject({ identity: ChatIdentitySchema });

const UserRecordSchema = UserSchema.extend({
  chatIdentities: z.array(z.object({ platform: z.enum(['slack', 'teams']) }).loose()),
  chatPreference: z.enum(['slack', 'teams', 'console']).optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** People who use Stempel, their roles and rights. Administrators only. */
export function userRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      summary: 'List users by name',
      tag,
      scope: 'admin',
      query: z.object({ role: z.string().optional(), active: queryFlag.optional(), ...pagination }),
      response: pageOf(UserRecordSchema),
      handler: async ({ actor, query }) => ({
        body: pageFrom(await listUsers(deps, actor, query), query),
      }),
    }),
    route({
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      summary: 'Create a user (e-mail unique)',
      tag,
      scope: 'admin',
      body: NewUserSchema,
      response: UserRecordSchema,
      handler: async ({ actor, body }) => ({ body: await createUser(deps, actor, body) }),
    }),
    route({
      method: 'get',
      path: '/users/:id',
      operationId: 'getUser',
      summary: 'Get a user',
      tag,
      scope: 'admin',
      params: idParam,
      response: UserRecordSchema,
      handler: async ({ actor, params }) => ({ body: await getUser(deps, actor, params.id) }),
    }),
    route({
      method: 'patch',
      path: '/users/:id',
      operationId: 'updateUser',
      summary: 'Change a user: name, e-mail, roles, rights, locale, time zone, active',
      tag,
      scope: 'admin',
      params: idParam,
      body: UserPatchSchema,
      response: UserRecordSchema,
      handler: async ({ actor, params, body }) => ({
        body: await updateUser(deps, actor, { id: params.id, patch: body }),
      }),
    }),
    route({
      method: 'post',
      path: '/users/:id/identities',
      operationId: 'linkChatIdentity',
      successStatus: 200,
      summary: 'Link a Slack or Teams identity to a user (one identity, one user)',
      tag,
      scope: 'admin',
      params: idParam,
      body: IdentityBody,
      response: UserRecordSchema,
      handler: async ({ actor, params, body }) => ({
        body: await linkChatIdentity(deps, actor, { userId: params.id, identity: body.identity }),
      }),
    }),
    route({
      method: 'post',
      path: '/users/:id/identities/remove',
      operationId: 'unlinkChatIdentity',
      successStatus: 200,
      summary: 'Remove a linked Slack or Teams identity from a user',
      tag,
      scope: 'admin',
      params: idParam,
      body: IdentityBody,
      response: UserRecordSchema,
      handler: async ({ actor, params, body }) => ({
        body: await unlinkChatIdentity(deps, actor, { userId: params.id, identity: body.identity }),
      }),
    }),
  ];
}
