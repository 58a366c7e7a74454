import { groupWord } from '../../i18n/labels.js';
import { DomainError } from '../errors.js';
import { type DerivationInputs, deriveFacts, type ParticipantSummary } from './derived.js';
import { type ContextKey, contextKeyOf, type RecordKind } from './kinds.js';
import { relationsToLoad } from './relations.js';
import type { DossierRecord } from './schemas.js';

/** One record in a context: its stored fields, its derived facts and its custom fields. */
export type ContextEntry = Readonly<Record<string, unknown>> & { readonly custom: DossierRecord['custom'] };

/**
 * A record with everything that merge codes, conditions and timing may look at: the primary record plus
 * its related records, keyed by context key (`records.course`, `records.person`, `records.courseType`).
 */
export interface RecordContext {
  readonly group: RecordKind;
  readonly recordId: string;
  readonly records: Readonly<Partial<Record<ContextKey, ContextEntry>>>;
}

export interface ContextSources {
  readonly primary: DossierRecord;
  /** Related records as loaded by following `relationsToLoad(primary.group)`; missing ones are absent. */
  readonly related?: Partial<Record<ContextKey, DossierRecord | undefined>>;
  /** All participants of the context's course, for its derived facts. */
  readonly courseParticipants?: readonly ParticipantSummary[];
}

/**
 * The context of `primary`. Related records of kinds its load plan does not reach are left out, so what
 * a template can address never depends on what a caller happened to load.
 * @throws DomainError 'context.wrong-kind' when a related record sits under another kind's key.
 */
export function buildRecordContext(sources: ContextSources, now: Date): RecordContext {
  const { primary } = sources;
  const inputs: DerivationInputs = { courseParticipants: sources.courseParticipants };
  const records: Partial<Record<ContextKey, ContextEntry>> = {
    [contextKeyOf(primary.group)]: entryOf(primary, inputs, now),
  };
  for (const step of relationsToLoad(primary.group).steps) {
    const record = sources.related?.[step.key];
    if (!record) continue;
    if (record.group !== step.kind) {
      throw new DomainError({
        category: 'invalid-input',
        code: 'context.wrong-kind',
        field: step.key,
        message: `The record under '${step.key}' is a ${record.group}, not a ${step.kind}`,
        params: { key: step.key, recordGroup: groupWord(record.group), expectedGroup: groupWord(step.kind) },
      });
    }
    records[step.key] = entryOf(record, inputs, now);
  }
  return { group: primary.group, recordId: primary.id, records };
}

// A course event fans out over thousands of participant contexts that all hold the same course, whose
// derived facts count every participant: built once per record object, inputs and moment, not once per
// context. Records and entries are never mutated, so sharing the entry is safe.
const entries = new WeakMap<
  DossierRecord,
  { inputs: DerivationInputs['courseParticipants']; at: number; entry: ContextEntry }
>();

function entryOf(record: DossierRecord, inputs: DerivationInputs, now: Date): ContextEntry {
  const cached = entries.get(record);
  if (cached && cached.inputs === inputs.courseParticipants && cached.at === now.getTime())
    return cached.entry;
  const entry = { ...record, ...deriveFacts(record, inputs, now) };
  entries.set(record, { inputs: inputs.courseParticipants, at: now.getTime(), entry });
  return entry;
}

/** The records of a context as {group, id} references, the primary first. */
export function contextRecordRefs(context: RecordContext): { group: RecordKind; id: string }[] {
  return Object.values(context.records).map((entry) => ({
    group: entry.group as RecordKind,
    id: entry.id as string,
  }));
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The context's course contact person, falling back to the course type's (docs/domain.md §3). */
export function courseContactUserId(context: RecordContext): string | undefined {
  return textOf(context.records.course?.contactUserId) ?? textOf(context.records.courseType?.contactUserId);
}

/** The account manager of the context's company. */
export function accountManagerUserId(context: RecordContext): string | undefined {
  return textOf(context.records.company?.accountManagerUserId);
}
