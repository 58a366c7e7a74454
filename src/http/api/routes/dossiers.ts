import { z } from 'zod';
import { DATA_GROUPS, type RecordKind } from '../../../domain/dossiers/index.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { listDossierRecords, readDossierRecord } from '../../../workflow/dossier-queries.js';
import { createDossierRecord, deleteDossierRecord, updateDossierRecord } from '../../../workflow/dossiers.js';
import {
  createRecordSchema,
  patchRecordSchema,
  recordFilterSchema,
  storedRecordSchema,
  whereOf,
} from './dossier-schemas.js';
import { expectedVersion, idParam, page, pageOf, route, versionTag } from './shared.js';

/** Names for operation ids: `createCourse`, `listWebRequests`, … */
const names: Record<RecordKind, [singular: string, plural: string]> = {
  course: ['Course', 'Courses'],
  participant: ['Participant', 'Participants'],
  request: ['Request', 'Requests'],
  invoice: ['Invoice', 'Invoices'],
  'web-request': ['WebRequest', 'WebRequests'],
  person: ['Person', 'Persons'],
  company: ['Company', 'Companies'],
  contact: ['Contact', 'Contacts'],
  teacher: ['Teacher', 'Teachers'],
  location: ['Location', 'Locations'],
  'course-type': ['CourseType', 'CourseTypes'],
};

const deletedSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  cancelledActions: z.int().describe('Waiting and open actions cancelled with the record'),
});

/**
 * Create, list, read, change and delete for one kind of record. Every change goes through the dossier
 * use cases, so it records events, stamps and reconciles actions, and writes the audit log.
 */
export function recordRoutes(deps: WorkflowDeps, kind: RecordKind, basePath: string, tag: string) {
  const [one, many] = names[kind];
  const record = storedRecordSchema(kind);
  return [
    route({
      method: 'get',
      path: basePath,
      operationId: `list${many}`,
      summary: `List ${many.toLowerCase()}, newest change first`,
      tag,
      scope: 'dossiers:read',
      heavy: true,
      query: recordFilterSchema(kind),
      response: pageOf(record),
      handler: async ({ actor, query }) => {
        const { limit, skip } = query;
        const result = await listDossierRecords(deps, actor, {
          group: kind,
          where: whereOf(query),
          limit,
          skip,
        });
        return { body: page(result.items, result.total, { limit, skip }) };
      },
    }),
    route({
      method: 'post',
      path: basePath,
      operationId: `create${one}`,
      summary: `Create a ${one} record; fires its created (and related) events`,
      tag,
      scope: 'dossiers:write',
      body: createRecordSchema(kind),
      response: record,
      handler: async ({ actor, body }) => {
        const { id, ...input } = body;
        const change = await createDossierRecord(deps, actor, { group: kind, input, id });
        return { body: change.record, headers: versionTag(change.record) };
      },
    }),
    route({
      method: 'get',
      path: `${basePath}/:id`,
      operationId: `get${one}`,
      summary: `Get a ${one} record`,
      tag,
      scope: 'dossiers:read',
      params: idParam,
      response: record,
      handler: async ({ actor, params }) => {
        const found = await readDossierRecord(deps, actor, params.id, kind);
        return { body: found, headers: versionTag(found) };
      },
    }),
    route({
      method: 'patch',
      path: `${basePath}/:id`,
      operationId: `update${one}`,
      summary: `Change a ${one} record; fires the events of what changed`,
      description:
        'Fields set to null are cleared. Send If-Match (or expectedVersion) to refuse stale changes.',
      tag,
      scope: 'dossiers:write',
      conditional: true,
      params: idParam,
      body: patchRecordSchema(kind),
      response: record,
      handler: async ({ actor, params, body, ifMatch }) => {
        const { expectedVersion: bodyVersion, ...patch } = body;
        await readDossierRecord(deps, actor, params.id, kind);
        const change = await updateDossierRecord(deps, actor, {
          id: params.id,
          patch,
          expectedVersion: expectedVersion(ifMatch, bodyVersion),
        });
        return { body: change.record, headers: versionTag(change.record) };
      },
    }),
    route({
      method: 'delete',
      path: `${basePath}/:id`,
      operationId: `delete${one}`,
      summary: `Delete a ${one} record; its open actions are cancelled`,
      description: 'Refused with 409 while other records refer to it.',
      tag,
      scope: 'dossiers:write',
      conditional: true,
      params: idParam,
      response: deletedSchema,
      handler: async ({ actor, params, ifMatch }) => {
        await readDossierRecord(deps, actor, params.id, kind);
        const outcome = await deleteDossierRecord(deps, actor, { id: params.id, expectedVersion: ifMatch });
        return {
          body: { id: params.id, deleted: true as const, cancelledActions: outcome.reconciled.cancelled },
        };
      },
    }),
  ];
}

/** The data groups of docs/domain.md §2, each under /dossiers/<group>; course types have /course-types. */
export function dossierRoutes(deps: WorkflowDeps) {
  return DATA_GROUPS.flatMap((group) => recordRoutes(deps, group, `/dossiers/${group}`, 'Dossiers'));
}
