import { type DomainIssue, fromZodError, invalidInputs } from '../errors.js';
import type { RecordKind } from './kinds.js';
import { CreateDossierSchemas, type DossierRecord, PatchDossierSchemas, type RecordOf } from './schemas.js';

/**
 * A new record of `kind` from write-side input. The caller supplies the id and the moment, so this stays
 * pure. @throws DomainError 'dossier.invalid' naming the field.
 */
export function createDossier<K extends RecordKind>(
  kind: K,
  input: unknown,
  identity: { readonly id: string; readonly now: Date },
): RecordOf<K> {
  const parsed = CreateDossierSchemas[kind].safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'dossier.invalid');
  const record = {
    ...parsed.data,
    id: identity.id,
    group: kind,
    createdAt: identity.now,
    updatedAt: identity.now,
  } as unknown as RecordOf<K>;
  assertConsistent(record);
  return record;
}

/**
 * `record` with `input` applied. Custom fields merge key by key, so a patch naming one custom field keeps
 * the others. Status changes are not checked against the transition table here: records mirror an outside
 * system that is the source of truth for them; `canTransition` guards the bot's own set-status process.
 * @throws DomainError 'dossier.invalid' naming the field.
 */
export function patchDossier<K extends RecordKind>(
  record: RecordOf<K>,
  input: unknown,
  now: Date,
): RecordOf<K> {
  const parsed = PatchDossierSchemas[record.group as K].safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'dossier.invalid');
  const patch = parsed.data as Partial<DossierRecord>;
  const next = {
    ...record,
    ...patch,
    custom: { ...record.custom, ...patch.custom },
    updatedAt: now,
  } as RecordOf<K>;
  assertConsistent(next);
  return next;
}

/** Rules that span fields, checked on the whole record so that patches cannot break them either. */
function assertConsistent(record: DossierRecord): void {
  const issues = consistencyIssues(record);
  const [first, ...rest] = issues;
  if (first) throw invalidInputs([first, ...rest]);
}

function consistencyIssues(record: DossierRecord): DomainIssue[] {
  if (record.group !== 'course') return [];
  const issues: DomainIssue[] = [];
  if (record.startDate && record.endDate && record.endDate.getTime() < record.startDate.getTime()) {
    issues.push({
      code: 'dossier.end-before-start',
      field: 'endDate',
      message: 'endDate must not be before startDate',
    });
  }
  const { minParticipants: min, maxParticipants: max } = record;
  if (min != null && max != null && max < min) {
    issues.push({
      code: 'dossier.max-below-min',
      field: 'maxParticipants',
      message: 'maxParticipants must not be below minParticipants',
    });
  }
  return issues;
}

/**
 * The patch that sets one field by path ('portalPublished', 'emails.business', 'custom.room'), for the
 * set-field process. Nested objects keep their other keys; custom fields merge in patchDossier anyway.
 */
export function fieldPatch(record: DossierRecord, field: string, value: unknown): Record<string, unknown> {
  const [head = '', ...rest] = field.split('.');
  const tail = rest.join('.');
  if (rest.length === 0) return { [head]: value };
  if (head === 'custom') return { custom: { [tail]: value } };
  const current = (record as Record<string, unknown>)[head];
  return { [head]: { ...(typeof current === 'object' && current !== null ? current : {}), [tail]: value } };
}
