import { z } from 'zod';
import { AUDIT_ENTITY_TYPES } from '../../../domain/audit.js';
import { IdSchema } from '../../../domain/dossiers/values.js';
import { listAuditEntries } from '../../../workflow/admin/audit.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { page, pageOf, pagination, route } from './shared.js';

const AuditEntrySchema = z.object({
  at: z.date(),
  actor: z.string().describe("A user id, 'system' for the bot, 'cli' for the command line"),
  kind: z.string().describe("E.g. 'dossier.updated', 'template.created', 'action.completed'"),
  entity: z.object({ type: z.enum(AUDIT_ENTITY_TYPES), id: z.string() }),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Who did what, when, with the state before and after; newest first. Administrators only. */
export function auditRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/audit',
      operationId: 'listAuditEntries',
      summary: 'Read the audit log, newest first',
      tag: 'Audit',
      scope: 'admin',
      heavy: true,
      query: z.object({
        entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
        entityId: IdSchema.optional(),
        ...pagination,
      }),
      response: pageOf(AuditEntrySchema),
      handler: async ({ actor, query }) => {
        const result = await listAuditEntries(deps, actor, query);
        return { body: page(result.items, result.total, query) };
      },
    }),
  ];
}
