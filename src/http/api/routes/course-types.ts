import { z } from 'zod';
import { ActionTemplateSchema } from '../../../domain/templates/index.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { readDossierRecord } from '../../../workflow/dossier-queries.js';
import { listTemplates } from '../../../workflow/templates/queries.js';
import { recordRoutes } from './dossiers.js';
import { idParam, pageFrom, pageOf, pagination, route } from './shared.js';

const tag = 'Course types';

/**
 * Course types are records of kind 'course-type' (blueprints of courses), with friendly routes of their
 * own; templates are linked to them under /templates/{ref}/links.
 */
export function courseTypeRoutes(deps: WorkflowDeps) {
  return [
    ...recordRoutes(deps, 'course-type', '/course-types', tag),
    route({
      method: 'get',
      path: '/course-types/:id/templates',
      operationId: 'listCourseTypeTemplates',
      summary: 'List the templates linked to a course type',
      tag,
      scope: 'templates:read',
      params: idParam,
      query: z.object(pagination),
      response: pageOf(ActionTemplateSchema),
      handler: async ({ actor, params, query }) => {
        await readDossierRecord(deps, actor, params.id, 'course-type');
        const linked = await listTemplates(deps, actor, { courseTypeId: params.id });
        return { body: pageFrom(linked, query) };
      },
    }),
  ];
}
