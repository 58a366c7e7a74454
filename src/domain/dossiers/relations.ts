import { fieldsOf } from './catalogue.js';
import { type ContextKey, contextKeyOf, type RecordKind } from './kinds.js';
import type { DossierRecord } from './schemas.js';

/** Where the id of a related record is found: a field of a record loaded earlier. */
export interface RelationSource {
  readonly from: ContextKey;
  readonly field: string;
}

/** One related record to load. The first source that yields an id wins; later ones are fallbacks. */
export interface RelationStep {
  readonly key: ContextKey;
  readonly kind: RecordKind;
  readonly sources: readonly RelationSource[];
}

/** What the store must fetch to build the record context of a record of one kind. */
export interface LoadPlan {
  /** In load order: every source refers to the primary record or to an earlier step. */
  readonly steps: readonly RelationStep[];
  /** Whether the participants of the context's course are needed (for the course's derived facts). */
  readonly courseParticipants: boolean;
}

const plans = new Map<RecordKind, LoadPlan>();

/**
 * The related records of a primary record of `kind`, found by following relation fields breadth first
 * (participant → course → course type, participant → person → company …). A context holds one record per
 * kind, so when several paths reach a kind the nearest wins and the others become fallbacks, tried in
 * catalogue order: a participant's company is its request's debtor, else the person's employer.
 */
export function relationsToLoad(kind: RecordKind): LoadPlan {
  const cached = plans.get(kind);
  if (cached) return cached;
  const plan = buildPlan(kind);
  plans.set(kind, plan);
  return plan;
}

function buildPlan(primary: RecordKind): LoadPlan {
  const primaryKey = contextKeyOf(primary);
  const order: ContextKey[] = [primaryKey];
  const steps = new Map<ContextKey, { key: ContextKey; kind: RecordKind; sources: RelationSource[] }>();
  const queue: RecordKind[] = [primary];
  for (let kind = queue.shift(); kind !== undefined; kind = queue.shift()) {
    const from = contextKeyOf(kind);
    for (const field of fieldsOf(kind)) {
      if (!field.relation) continue;
      const key = contextKeyOf(field.relation);
      if (key === primaryKey) continue;
      const source = { from, field: field.name };
      const step = steps.get(key);
      if (!step) {
        steps.set(key, { key, kind: field.relation, sources: [source] });
        order.push(key);
        queue.push(field.relation);
      } else if (order.indexOf(from) < order.indexOf(key)) {
        // Only a record loaded before this step can serve as a fallback source.
        step.sources.push(source);
      }
    }
  }
  const ordered = [...steps.values()];
  return {
    steps: ordered,
    courseParticipants: primary === 'course' || steps.has('course'),
  };
}

/** The kinds a context for a primary record of `kind` can hold, the primary first. */
export function contextKinds(kind: RecordKind): RecordKind[] {
  return [kind, ...relationsToLoad(kind).steps.map((step) => step.kind)];
}

/** The id to load for `step`, given the records loaded so far (keyed by context key). */
export function relationIdFor(
  step: RelationStep,
  loaded: Partial<Record<ContextKey, DossierRecord>>,
): string | undefined {
  for (const source of step.sources) {
    const value = (loaded[source.from] as Record<string, unknown> | undefined)?.[source.field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
