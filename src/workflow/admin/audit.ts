import type { User } from '../../domain/rights/user.js';
import type { AuditEntityType, AuditEntry } from '../../store/audit.js';
import type { WorkflowDeps } from '../deps.js';
import { requireAdmin } from './authorize.js';

/** The audit trail holds before/after copies of everything, so only administrators read it. */
export async function listAuditEntries(
  deps: WorkflowDeps,
  actor: User,
  query: {
    entityType?: AuditEntityType | undefined;
    entityId?: string | undefined;
    limit: number;
    skip: number;
  },
): Promise<{ items: AuditEntry[]; total: number }> {
  requireAdmin(actor, 'read the audit log');
  const filter = {
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
  };
  const [items, total] = await Promise.all([
    deps.stores.audit.list({ ...filter, limit: query.limit, skip: query.skip }),
    deps.stores.audit.count(filter),
  ]);
  return { items, total };
}
