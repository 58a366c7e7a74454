import { z } from 'zod';
import { ActionStateSchema } from '../../../domain/actions/index.js';
import { RECORD_KINDS } from '../../../domain/dossiers/index.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { linkTemplate, unlinkTemplate } from '../../../workflow/templates/links.js';
import { queryFlag, route } from './shared.js';
import { templateRefParam } from './templates.js';

const tag = 'Course types';
const recordRef = z.object({
  group: z.string().describe(`One of ${RECORD_KINDS.join(', ')}`),
  id: z.string(),
});

const LinkResultSchema = z.object({
  dryRun: z.boolean(),
  templateId: z.string(),
  courseTypeId: z.string(),
  alreadyLinked: z.boolean(),
  stamps: z
    .array(
      z.object({
        record: recordRef,
        name: z.string(),
        start: z.date(),
        end: z.date(),
        state: ActionStateSchema,
        ownerUserId: z.string().nullable(),
      }),
    )
    .describe('Actions stamped (or, in a dry run, that would be stamped) on existing records'),
  skipped: z
    .array(
      z.object({
        templateId: z.string(),
        templateKey: z.string(),
        record: recordRef,
        reason: z.string(),
        explanations: z.array(z.unknown()).readonly().optional().describe('The conditions that did not hold'),
        anchor: z.string().optional().describe('The anchor without a date'),
      }),
    )
    .describe('Records left out, with the reason (conditions that do not hold, a missing anchor date, …)'),
  created: z.int().describe('Actions actually created (0 in a dry run)'),
});

const UnlinkResultSchema = z.object({
  dryRun: z.boolean(),
  templateId: z.string(),
  courseTypeId: z.string(),
  wasLinked: z.boolean(),
  openActions: z
    .array(z.object({ id: z.string(), number: z.int(), name: z.string(), record: recordRef }))
    .describe('Waiting and open actions the template stamped on records of this course type'),
  cancelled: z.int().describe('Actions actually cancelled (0 in a dry run or without cancelOpen)'),
});

/**
 * Linking is what makes a template stamp automatically for a course type (docs/domain.md §4). Both directions
 * offer a dry run that shows exactly what applying would do.
 */
export function templateLinkRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'post',
      path: '/templates/:ref/links',
      operationId: 'linkTemplate',
      summary: 'Link a template to a course type, optionally stamping existing records',
      description:
        'With `stampExisting`, the template is stamped onto existing records of the course type whose event ' +
        'already happened and whose conditions hold. Run with `dryRun: true` first to see the records and ' +
        'dates. Applying twice creates nothing the second time.',
      tag,
      scope: 'templates:write',
      successStatus: 200,
      params: templateRefParam,
      body: z.strictObject({
        courseTypeId: z.string({ error: 'courseTypeId must be an id' }).min(1),
        dryRun: z.boolean().default(false),
        stampExisting: z.boolean().default(false),
      }),
      response: LinkResultSchema,
      handler: async ({ actor, params, body }) => ({
        body: await linkTemplate(deps, actor, { template: params.ref, ...body }),
      }),
    }),
    route({
      method: 'delete',
      path: '/templates/:ref/links/:courseTypeId',
      operationId: 'unlinkTemplate',
      summary: 'Unlink a template from a course type, optionally cancelling its open actions there',
      tag,
      scope: 'templates:write',
      params: templateRefParam.extend({ courseTypeId: z.string().min(1) }),
      query: z.object({
        dryRun: queryFlag.optional(),
        cancelOpen: queryFlag
          .optional()
          .describe('Also cancel the waiting and open actions it stamped there'),
      }),
      response: UnlinkResultSchema,
      handler: async ({ actor, params, query }) => ({
        body: await unlinkTemplate(deps, actor, {
          template: params.ref,
          courseTypeId: params.courseTypeId,
          dryRun: query.dryRun ?? false,
          cancelOpen: query.cancelOpen ?? false,
        }),
      }),
    }),
  ];
}
