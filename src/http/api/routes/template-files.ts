import { z } from 'zod';
import { TEXT_LIMITS, text } from '../../../domain/text.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { exportTemplates, importTemplates, TemplateFileSchema } from '../../../workflow/templates/files.js';
import { queryFlag, route } from './shared.js';

const tag = 'Templates';

const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.array(z.string()).describe('Keys of templates that are (or would be) created'),
  updated: z.array(z.string()).describe('Keys of existing templates that are (or would be) changed'),
  unchanged: z.array(z.string()),
});

/**
 * Template files move templates between workspaces. They name course types by key and users by e-mail,
 * so `/templates/export` and `/templates/import` are registered before `/templates/:ref` (a template
 * whose key is literally "export" is still reachable by its id).
 */
export function templateFileRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/templates/export',
      operationId: 'exportTemplates',
      summary: 'Export templates as a template file (JSON or YAML)',
      description: 'YAML with `?format=yaml` or `Accept: application/yaml`; JSON otherwise.',
      tag,
      scope: 'templates:read',
      producesYaml: true,
      query: z.object({
        keys: text({ max: TEXT_LIMITS.line })
          .optional()
          .describe('Comma-separated template keys; all templates that are not archived when absent'),
        format: z.enum(['json', 'yaml']).optional(),
      }),
      response: TemplateFileSchema,
      handler: async ({ query }) => {
        const keys = query.keys
          ?.split(',')
          .map((key) => key.trim())
          .filter(Boolean);
        return { body: await exportTemplates(deps, { keys }) };
      },
    }),
    route({
      method: 'post',
      path: '/templates/import',
      operationId: 'importTemplates',
      summary: 'Import a template file (JSON or YAML body)',
      description:
        'Creates templates whose key is new and updates the others. Nothing is written unless every ' +
        'template is valid; errors name the template by position (`body.templates.2.timing.start.anchor`). ' +
        'With `?dryRun=true` nothing is written at all.',
      tag,
      scope: 'templates:write',
      acceptsYaml: true,
      successStatus: 200,
      query: z.object({ dryRun: queryFlag.optional() }),
      body: TemplateFileSchema,
      response: ImportResultSchema,
      handler: async ({ actor, query, body }) => ({
        body: await importTemplates(deps, actor, { file: body, dryRun: query.dryRun ?? false }),
      }),
    }),
  ];
}
