import { z } from 'zod';
import type { Action } from '../../../domain/actions/index.js';
import { DateValueSchema, IdSchema } from '../../../domain/dossiers/index.js';
import { DomainError } from '../../../domain/errors.js';
import type { User } from '../../../domain/rights/user.js';
import { PrioritySchema } from '../../../domain/templates/index.js';
import {
  assignAction,
  cancelAction,
  completeAction,
  editActionDates,
  editActionDetails,
  snoozeAction,
} from '../../../workflow/actions/commands.js';
import { viewOf } from '../../../workflow/actions/queries.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { ActionViewSchema, actionRefParam, remarksText, tag } from './actions.js';
import { route } from './shared.js';

// Either a moment or an amount: two shapes, so the published schema says "one of" as the server does.
const snoozeBody = z.union(
  [
    z.strictObject({ until: DateValueSchema.describe('The new start') }),
    z.strictObject({
      by: z
        .strictObject({
          amount: z.int().min(1).max(365),
          unit: z.enum(['hours', 'days', 'working-days', 'weeks']),
        })
        .describe('Put it off by this much from now (day units land on the workspace’s default time)'),
    }),
  ],
  { error: 'Give either until (a moment) or by ({ amount, unit }), not both' },
);

const editBody = z.strictObject({
  start: DateValueSchema.optional(),
  end: DateValueSchema.optional(),
  remarks: remarksText.optional(),
  priority: PrioritySchema.optional(),
});

/** The changed action as GET /actions/{ref} shows it, colour included, in the user's zone. */
export async function viewFor(deps: WorkflowDeps, actor: User, action: Action) {
  const { calendar } = await deps.workspace.get();
  return viewOf(action, deps.clock(), actor.timeZone ?? calendar.timeZone);
}

/** One state change of one action: POST /actions/{ref}/<verb>, answered with the changed action. */
function command<TBody>(
  deps: WorkflowDeps,
  verb: string,
  summary: string,
  body: z.ZodType<TBody>,
  run: (actor: User, ref: string, body: TBody) => Promise<Action>,
) {
  return route({
    method: 'post',
    path: `/actions/:ref/${verb}`,
    operationId: `${verb}Action`,
    summary,
    tag,
    scope: 'actions:write',
    successStatus: 200,
    params: actionRefParam,
    body,
    response: ActionViewSchema,
    handler: async ({ actor, params, body: input }) => ({
      body: await viewFor(deps, actor, await run(actor, params.ref, input)),
    }),
  });
}

/**
 * Completing, assigning, snoozing, cancelling and editing. Each is atomic and conditional on the action's
 * version: of two concurrent completions exactly one succeeds and the other gets 409.
 */
export function actionCommandRoutes(deps: WorkflowDeps) {
  return [
    command(
      deps,
      'complete',
      'Mark an action done (manual and semi-automatic actions)',
      z.strictObject({ note: remarksText.optional() }).default({}),
      (actor, ref, body) => completeAction(deps, actor, { ref, note: body.note }),
    ),
    command(
      deps,
      'assign',
      'Give an action to a user, or to nobody with null',
      z.strictObject({ ownerUserId: IdSchema.nullable() }),
      (actor, ref, body) => assignAction(deps, actor, { ref, ownerUserId: body.ownerUserId }),
    ),
    command(deps, 'snooze', 'Put an open action off', snoozeBody, (actor, ref, body) =>
      snoozeAction(deps, actor, 'until' in body ? { ref, until: body.until } : { ref, by: body.by }),
    ),
    command(
      deps,
      'cancel',
      'Cancel an action',
      z.strictObject({ reason: remarksText.optional() }).default({}),
      (actor, ref, body) => cancelAction(deps, actor, { ref, reason: body.reason }),
    ),
    route({
      method: 'patch',
      path: '/actions/:ref',
      operationId: 'updateAction',
      summary: 'Edit an action’s dates, remarks or priority',
      description:
        'Dates edited by hand no longer follow their anchors. Given one date of an action with linked dates, ' +
        'the other moves by the same interval.',
      tag,
      scope: 'actions:write',
      params: actionRefParam,
      body: editBody,
      response: ActionViewSchema,
      handler: async ({ actor, params, body }) => {
        const dates = body.start !== undefined || body.end !== undefined;
        const details = body.remarks !== undefined || body.priority !== undefined;
        if (!dates && !details) {
          throw new DomainError({
            category: 'invalid-input',
            code: 'action.nothing-to-change',
            message: 'Give start, end, remarks or priority',
          });
        }
        // Dates first: they are the change that can be refused (end before start), details cannot.
        let action = dates
          ? await editActionDates(deps, actor, { ref: params.ref, start: body.start, end: body.end })
          : undefined;
        if (details) {
          action = await editActionDetails(deps, actor, {
            ref: params.ref,
            remarks: body.remarks,
            priority: body.priority,
          });
        }
        return { body: await viewFor(deps, actor, action!) };
      },
    }),
  ];
}
