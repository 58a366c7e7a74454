import { z } from 'zod';
import { DataGroupSchema, IdSchema } from '../../../domain/dossiers/index.js';
import { EventSpecSchema } from '../../../domain/events/index.js';
import { ActionTemplateSchema, TemplateDefinitionSchema } from '../../../domain/templates/index.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { listTemplates, readableTemplate } from '../../../workflow/templates/queries.js';
import { createTemplate, deleteTemplate, updateTemplate } from '../../../workflow/templates/save.js';
import {
  expectedVersion,
  expectedVersionField,
  pageFrom,
  pageOf,
  pagination,
  patchOf,
  queryFlag,
  queryText,
  route,
  versionTag,
} from './shared.js';

const tag = 'Templates';

/** As the domain has it: an event without `group` is an event of the template's own data group. */
const EventInputSchema = z.discriminatedUnion(
  'type',
  EventSpecSchema.options.map((option) =>
    option.extend({ group: option.shape.group.optional().describe('Default: the template’s dataGroup') }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** A template as clients write it; the use case validates it again, with the rules that need the data. */
const TemplateInputSchema = TemplateDefinitionSchema.extend({
  event: EventInputSchema.nullable().default(null),
});
export const templateRefParam = z.object({
  ref: IdSchema.describe('Template id (tpl_…) or key'),
});

const listQuery = z.object({
  dataGroup: DataGroupSchema.optional(),
  category: queryText.optional(),
  courseTypeId: IdSchema.optional().describe('Only templates linked to this course type'),
  text: queryText.optional().describe('Case-insensitive search in key, name and description'),
  includeArchived: queryFlag.optional(),
  ...pagination,
});

export function templateRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/templates',
      operationId: 'listTemplates',
      summary: 'List action templates',
      tag,
      scope: 'templates:read',
      query: listQuery,
      response: pageOf(ActionTemplateSchema),
      handler: async ({ actor, query }) => ({
        body: pageFrom(await listTemplates(deps, actor, query), query),
      }),
    }),
    route({
      method: 'post',
      path: '/templates',
      operationId: 'createTemplate',
      summary: 'Create an action template',
      description:
        'Unknown merge codes, anchors, fields and recipients are refused with the field and, where it helps, ' +
        '`details.valid`. Semi-automatic and automatic templates need the automatic-workflow right.',
      tag,
      scope: 'templates:write',
      body: TemplateInputSchema,
      response: ActionTemplateSchema,
      handler: async ({ actor, body }) => {
        const template = await createTemplate(deps, actor, body);
        return { body: template, headers: versionTag(template) };
      },
    }),
    route({
      method: 'get',
      path: '/templates/:ref',
      operationId: 'getTemplate',
      summary: 'Get an action template by id or key',
      tag,
      scope: 'templates:read',
      params: templateRefParam,
      response: ActionTemplateSchema,
      handler: async ({ actor, params }) => {
        const template = await readableTemplate(deps, actor, params.ref);
        return { body: template, headers: versionTag(template) };
      },
    }),
    route({
      method: 'patch',
      path: '/templates/:ref',
      operationId: 'updateTemplate',
      summary: 'Change an action template',
      description:
        'Replaces the top-level fields the body names (a new `timing` replaces the whole timing). ' +
        '`key` and `dataGroup` cannot change. Actions already stamped keep their snapshot.',
      tag,
      scope: 'templates:write',
      conditional: true,
      params: templateRefParam,
      body: patchOf(TemplateInputSchema).extend({ expectedVersion: expectedVersionField }),
      response: ActionTemplateSchema,
      handler: async ({ actor, params, body, ifMatch }) => {
        const { expectedVersion: bodyVersion, ...patch } = body;
        const template = await updateTemplate(deps, actor, {
          ref: params.ref,
          patch,
          expectedVersion: expectedVersion(ifMatch, bodyVersion),
        });
        return { body: template, headers: versionTag(template) };
      },
    }),
    route({
      method: 'delete',
      path: '/templates/:ref',
      operationId: 'deleteTemplate',
      summary: 'Delete an action template, or archive it when it has stamped actions',
      tag,
      scope: 'templates:write',
      params: templateRefParam,
      response: z.object({
        archived: z.boolean().describe('True when the template was archived instead of deleted'),
      }),
      handler: async ({ actor, params }) => ({ body: await deleteTemplate(deps, actor, params.ref) }),
    }),
  ];
}
