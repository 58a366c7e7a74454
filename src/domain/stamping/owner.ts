import { accountManagerUserId, courseContactUserId, type RecordContext } from '../dossiers/context.js';
import type { RecordKind } from '../dossiers/kinds.js';
import type { OwnerRule } from '../templates/schema.js';

/** Groups whose actions belong to the course when no one else does (docs/domain.md §3). */
const COURSE_OWNED: readonly RecordKind[] = ['course', 'participant'];

/**
 * The owner an action gets: by the template's rule, the course contact person (else the course type's)
 * for course and participant actions that would otherwise have none, else nobody.
 */
export function resolveOwner(
  rule: OwnerRule,
  context: RecordContext,
  stamperUserId: string | null,
): string | null {
  const byRule = ownerByRule(rule, context, stamperUserId);
  const fallback = COURSE_OWNED.includes(context.group) ? courseContactUserId(context) : undefined;
  return byRule ?? fallback ?? null;
}

function ownerByRule(
  rule: OwnerRule,
  context: RecordContext,
  stamperUserId: string | null,
): string | undefined {
  switch (rule.kind) {
    case 'none':
      return undefined;
    case 'user':
      return rule.userId;
    case 'course-contact':
      return courseContactUserId(context);
    case 'account-manager':
      return accountManagerUserId(context);
    case 'stamper':
      return stamperUserId ?? undefined;
  }
}
