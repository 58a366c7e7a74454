/** The audit trail's vocabulary, shared by the use cases that write it and the surfaces that show it. */
export const AUDIT_ENTITY_TYPES = [
  'dossier',
  'template',
  'action',
  'user',
  'sender',
  'settings',
  'event',
  'api-token',
  'delivery-target',
  'digest',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Who did what to which entity, when, with the state before and after. */
export interface AuditEntry {
  at: Date;
  /** A user id, 'system' for the bot itself, or 'token:<id>' is never used: tokens act as their user. */
  actor: string;
  /** E.g. 'dossier.updated', 'template.created', 'action.completed', 'actions.stamped'. */
  kind: string;
  entity: { type: AuditEntityType; id: string };
  before?: unknown;
  after?: unknown;
  /** Extra facts, e.g. the number of actions a batch stamped. */
  details?: Record<string, unknown>;
}
