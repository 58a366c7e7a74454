import {
  buildRecordContext,
  type ContextKey,
  contextKeyOf,
  type DossierRecord,
  type ParticipantSummary,
  type RecordContext,
  type RecordKind,
  type RelationStep,
  relationIdFor,
  relationsToLoad,
} from '../domain/dossiers/index.js';
import type { DossierStore } from '../store/dossiers.js';

const waveCache = new Map<RecordKind, RelationStep[][]>();

/**
 * The load plan's steps grouped by depth: the relations of the primary record first (a participant's
 * course, person and request), then theirs (the course type, the company). Steps of one depth can be
 * fetched together.
 */
function wavesOf(kind: RecordKind): RelationStep[][] {
  const cached = waveCache.get(kind);
  if (cached) return cached;
  const depth = new Map<ContextKey, number>([[contextKeyOf(kind), 0]]);
  const waves: RelationStep[][] = [];
  for (const step of relationsToLoad(kind).steps) {
    const level = 1 + Math.max(...step.sources.map((source) => depth.get(source.from) ?? 0));
    depth.set(step.key, level);
    const wave = waves[level - 1];
    if (wave) wave.push(step);
    else waves[level - 1] = [step];
  }
  const result = waves.filter((wave) => wave.length > 0);
  waveCache.set(kind, result);
  return result;
}

export interface KnownFacts {
  /**
   * Whether the course's participant count is needed (see readsParticipantCounts); when false the counted
   * facts stay unknown (null). Default true.
   */
  readonly participantCounts?: boolean;
  /**
   * Participant statuses per course for callers that already hold every participant of a course (a fan-out
   * loads them anyway), so the count is not queried again.
   */
  readonly participantsByCourse?: ReadonlyMap<string, readonly ParticipantSummary[]>;
}

/**
 * Record contexts for many records at once. Related records are fetched one relation depth at a time for
 * all records together, so the number of round trips depends on the shape of the data group, never on
 * how many records there are — a course event fanning out over 2,000 participants costs the same few
 * queries as one participant. Records are fetched once per call: the primaries themselves and everything
 * an earlier step loaded are reused (a course and its participants in one call load the course once).
 */
export async function loadContexts(
  dossiers: DossierStore,
  primaries: readonly DossierRecord[],
  now: Date,
  known: KnownFacts = {},
): Promise<RecordContext[]> {
  const byKind = new Map<RecordKind, DossierRecord[]>();
  for (const record of primaries) {
    const group = byKind.get(record.group);
    if (group) group.push(record);
    else byKind.set(record.group, [record]);
  }

  const cache = new Map<string, DossierRecord>(primaries.map((record) => [record.id, record]));
  const summaries = new Map(known.participantsByCourse);
  const contexts = new Map<DossierRecord, RecordContext>();
  for (const [kind, records] of byKind) {
    const plan = relationsToLoad(kind);
    const loaded = records.map(
      (record) => ({ [contextKeyOf(kind)]: record }) as Partial<Record<ContextKey, DossierRecord>>,
    );
    for (const wave of wavesOf(kind)) {
      // One query per wave: every step in it depends only on records loaded by earlier waves.
      const ids = wave.flatMap((step) => loaded.map((entry) => relationIdFor(step, entry)));
      const missing = ids.filter((id): id is string => id !== undefined && !cache.has(id));
      for (const record of await dossiers.getMany(missing)) cache.set(record.id, record);
      for (const step of wave) {
        for (const entry of loaded) {
          const id = relationIdFor(step, entry);
          const record = id === undefined ? undefined : cache.get(id);
          if (record && record.group === step.kind) entry[step.key] = record;
        }
      }
    }
    const counted = plan.courseParticipants && known.participantCounts !== false;
    if (counted) {
      const courseIds = loaded.map((entry) => entry.course?.id).filter((id) => id !== undefined);
      const unknown = courseIds.filter((id) => !summaries.has(id));
      if (unknown.length > 0) {
        for (const [id, list] of await dossiers.participantSummaries(unknown)) summaries.set(id, list);
      }
    }
    records.forEach((record, index) => {
      const entry = loaded[index]!;
      const courseId = entry.course?.id;
      contexts.set(
        record,
        buildRecordContext(
          {
            primary: record,
            related: entry,
            ...(counted && courseId ? { courseParticipants: summaries.get(courseId) ?? [] } : {}),
          },
          now,
        ),
      );
    });
  }
  return primaries.map((record) => contexts.get(record)!);
}

export async function loadContext(
  dossiers: DossierStore,
  record: DossierRecord,
  now: Date,
  known: KnownFacts = {},
): Promise<RecordContext> {
  const [context] = await loadContexts(dossiers, [record], now, known);
  return context!;
}
