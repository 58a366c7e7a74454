import { z } from 'zod';
import { CreateDossierSchemas, IdSchema, PARTICIPANT_STATUSES } from '../../../domain/dossiers/index.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { listDossierRecords, readDossierRecord } from '../../../workflow/dossier-queries.js';
import { createDossierRecord } from '../../../workflow/dossiers.js';
import { storedRecordSchema } from './dossier-schemas.js';
import { idParam, page, pageOf, pagination, route, versionTag } from './shared.js';

const tag = 'Dossiers';
const participant = storedRecordSchema('participant');

/** Participants seen from their course, the way planners think of them. */
export function participantRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/courses/:id/participants',
      operationId: 'listCourseParticipants',
      summary: 'List the participants of a course',
      tag,
      scope: 'dossiers:read',
      params: idParam,
      query: z.object({ status: z.enum(PARTICIPANT_STATUSES).optional(), ...pagination }),
      response: pageOf(participant),
      handler: async ({ actor, params, query }) => {
        await readDossierRecord(deps, actor, params.id, 'course');
        const result = await listDossierRecords(deps, actor, {
          group: 'participant',
          where: { courseId: params.id, ...(query.status ? { status: query.status } : {}) },
          limit: query.limit,
          skip: query.skip,
        });
        return { body: page(result.items, result.total, query) };
      },
    }),
    route({
      method: 'post',
      path: '/courses/:id/participants',
      operationId: 'addCourseParticipant',
      summary: 'Add a participant to a course; fires participant-added on both',
      tag,
      scope: 'dossiers:write',
      params: idParam,
      body: CreateDossierSchemas.participant
        .omit({ courseId: true })
        .extend({ id: IdSchema.optional().describe('Your own id for the participant record') }),
      response: participant,
      handler: async ({ actor, params, body }) => {
        await readDossierRecord(deps, actor, params.id, 'course');
        const { id, ...input } = body;
        const change = await createDossierRecord(deps, actor, {
          group: 'participant',
          input: { ...input, courseId: params.id },
          id,
        });
        return { body: change.record, headers: versionTag(change.record) };
      },
    }),
  ];
}
