import { z } from 'zod';
import { ACTION_STATES, ActionSchema } from '../../../domain/actions/index.js';
import { DataGroupSchema, DateValueSchema, IdSchema } from '../../../domain/dossiers/index.js';
import { TEXT_LIMITS, text } from '../../../domain/text.js';
import { getAction, listActions } from '../../../workflow/actions/queries.js';
import { stampByHand } from '../../../workflow/actions/stamp-by-hand.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { readableTemplate } from '../../../workflow/templates/queries.js';
import { remainingMs } from '../../backpressure.js';
import { boundedPageOf, page, pagination, queryFlag, queryList, route } from './shared.js';

export const tag = 'Actions';
/** What people write on actions: remarks, notes, reasons. */
export const remarksText = text({ max: TEXT_LIMITS.note, multiline: true, required: false });
export const ActionViewSchema = ActionSchema.extend({
  colour: z.enum(['overdue', 'today', 'future', 'closed']).describe('The colour code of docs/domain.md §6'),
});
export const actionRefParam = z.object({
  ref: IdSchema.describe('Action id (act_…) or number'),
});

const listQuery = z.object({
  state: queryList(ACTION_STATES, 'state')
    .optional()
    .describe('Default: open, failed and rejected (waiting actions are hidden unless asked for)'),
  owner: IdSchema.optional().describe("'me', 'none' (unassigned) or a user id"),
  recordGroup: DataGroupSchema.optional().describe('Only actions on records of this data group'),
  recordId: IdSchema.optional().describe('Only actions on this record'),
  colour: z.enum(['overdue', 'today', 'future', 'closed']).optional(),
  overdue: queryFlag.optional(),
  template: IdSchema.optional().describe('Template id or key'),
  ...pagination,
});

const stampBody = z.strictObject({
  template: IdSchema,
  recordId: IdSchema,
  ownerUserId: IdSchema.nullable().optional().describe('Overrides the template’s owner rule; null: nobody'),
  start: DateValueSchema.optional(),
  end: DateValueSchema.optional(),
  remarks: remarksText.optional(),
});

/** Reading actions, and stamping one by hand. The state changes are in action-commands.ts. */
export function actionRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/actions',
      operationId: 'listActions',
      summary: 'List the actions the token’s user may see',
      tag,
      scope: 'actions:read',
      heavy: true,
      query: listQuery,
      response: boundedPageOf(ActionViewSchema),
      handler: async ({ actor, query, budget }) => {
        const templateId = query.template
          ? (await readableTemplate(deps, actor, query.template)).id
          : undefined;
        const owner = query.owner === 'none' ? null : query.owner;
        const result = await listActions(
          deps,
          actor,
          {
            states: query.state,
            owner,
            recordGroup: query.recordGroup,
            recordId: query.recordId,
            templateId,
            colour: query.colour,
            overdue: query.overdue,
            limit: query.limit,
            skip: query.skip,
          },
          { signal: budget.signal, maxTimeMS: remainingMs(budget) },
        );
        return { body: { ...page(result.items, result.total, query), totalExact: result.totalExact } };
      },
    }),
    route({
      method: 'get',
      path: '/actions/:ref',
      operationId: 'getAction',
      summary: 'Get an action by id or number',
      tag,
      scope: 'actions:read',
      params: actionRefParam,
      response: ActionViewSchema,
      handler: async ({ actor, params }) => ({ body: await getAction(deps, actor, params.ref) }),
    }),
    route({
      method: 'post',
      path: '/actions',
      operationId: 'stampAction',
      summary: 'Stamp a template onto a record by hand',
      description:
        'Needs the template’s write roles. Given only start or only end, linked dates move the other. ' +
        'A second stamp of the same template on the same record is refused with 409.',
      tag,
      scope: 'actions:write',
      body: stampBody,
      response: ActionSchema,
      handler: async ({ actor, body }) => ({ body: await stampByHand(deps, actor, body) }),
    }),
  ];
}
