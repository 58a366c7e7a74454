import { z } from 'zod';
import { CodedSchema } from '../../../domain/actions/schema.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { type ExecutionPorts, executeAction } from '../../../workflow/execution/execute-action.js';
import { previewAction } from '../../../workflow/execution/preview.js';
import { viewFor } from './action-commands.js';
import { ActionViewSchema, actionRefParam, tag } from './actions.js';
import { route } from './shared.js';

const PreviewSchema = z.object({
  actionId: z.string(),
  number: z.int(),
  conditions: z.object({ holds: z.boolean(), reasons: z.array(z.string()) }),
  preview: z
    .looseObject({ type: z.string() })
    .optional()
    .describe(
      'Exactly what Execute would do: the rendered e-mail and recipients, the change, the webhook call',
    ),
  rejection: z
    .object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      params: CodedSchema.shape.params.describe('What the translated text of the code fills in'),
    })
    .optional()
    .describe('Why Execute would reject it'),
  processFromTemplate: z
    .boolean()
    .describe(
      'Execute would take the template’s current process settings (a rejected or failed action whose ' +
        'template changed): the preview shows those',
    ),
});

const ExecutionSchema = z.object({
  outcome: z.enum(['executed', 'failed', 'rejected', 'conditions-not-met', 'superseded']),
  action: ActionViewSchema.optional(),
  summary: z.string().optional(),
  error: z.string().optional(),
  retryAt: z.date().optional().describe('When a retryable failure is tried again'),
  code: z.string().optional(),
  reason: z.string().optional(),
  reasons: z.array(z.string()).optional(),
  result: CodedSchema.optional().describe('What the process did, as a stable code and its parameters'),
  coded: CodedSchema.optional().describe('The failure, rejection or unmet conditions, as a stable code'),
  repeated: z
    .boolean()
    .optional()
    .describe('Rejected again for the reason it already had; nothing new was recorded or notified'),
});

/** Previewing and executing semi-automatic actions (and re-running failed or rejected ones). */
export function actionExecutionRoutes(deps: WorkflowDeps, execution: ExecutionPorts) {
  return [
    route({
      method: 'get',
      path: '/actions/:ref/preview',
      operationId: 'previewAction',
      summary: 'What executing the action would do, without doing it',
      tag,
      scope: 'actions:read',
      params: actionRefParam,
      response: PreviewSchema,
      handler: async ({ actor, params }) => ({
        body: await previewAction(deps, execution, actor, params.ref),
      }),
    }),
    route({
      method: 'post',
      path: '/actions/:ref/execute',
      operationId: 'executeAction',
      summary: 'Run the action’s process now',
      description:
        'The action is claimed first, so a second request while it runs gets 409 instead of a second run. ' +
        'The answer says whether it was executed, failed (and when it is retried), rejected, or not run ' +
        'because its conditions no longer hold.',
      tag,
      scope: 'actions:write',
      successStatus: 200,
      params: actionRefParam,
      body: z.strictObject({}).default({}),
      response: ExecutionSchema,
      handler: async ({ actor, params }) => {
        const result = await executeAction(deps, execution, actor, params.ref);
        if (result.outcome === 'superseded') return { body: result };
        return { body: { ...result, action: await viewFor(deps, actor, result.action) } };
      },
    }),
  ];
}
