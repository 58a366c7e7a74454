import type { DossierRecord } from '../../domain/dossiers/index.js';
import { personName } from '../../domain/dossiers/index.js';
import type { User } from '../../domain/rights/user.js';
import { groupLabel } from '../../i18n/labels.js';

/**
 * What views read to name people and records, and nothing else: the composition root passes the
 * repositories, which satisfy it, so views know no store.
 */
export interface ViewLookups {
  users: { getMany(ids: readonly string[]): Promise<Array<Pick<User, 'id' | 'name'>>> };
  dossiers: { getMany(ids: Iterable<string>): Promise<DossierRecord[]> };
}

function describe(record: DossierRecord, related: Map<string, DossierRecord>): string {
  switch (record.group) {
    case 'course':
      return `${record.code} · ${record.name}`;
    case 'participant': {
      const person = related.get(record.personId);
      const course = related.get(record.courseId);
      const who = person?.group === 'person' ? personName(person) : record.personId;
      return course?.group === 'course' ? `${who} · ${course.name}` : who;
    }
    case 'request':
    case 'invoice':
      return record.number ?? record.id;
    case 'person':
      return personName(record);
    case 'company':
    case 'location':
    case 'course-type':
      return record.name;
    default:
      return record.id;
  }
}

/**
 * Human labels for records ("Opleiding C-12 · Workshop basics", "Participant Anna Berg · Workshop
 * basics"), for many records in two queries: the records, then the persons and courses they mention.
 */
export async function recordLabels(
  stores: ViewLookups,
  refs: ReadonlyArray<{ group: string; id: string }>,
  locale: 'nl' | 'en',
): Promise<Map<string, string>> {
  const records = await stores.dossiers.getMany(refs.map((ref) => ref.id));
  const relatedIds = records.flatMap((record) =>
    record.group === 'participant' ? [record.personId, record.courseId] : [],
  );
  const related = new Map((await stores.dossiers.getMany(relatedIds)).map((record) => [record.id, record]));
  const labels = new Map<string, string>();
  for (const record of records) {
    labels.set(record.id, `${groupLabel(record.group, locale)} ${describe(record, related)}`);
  }
  for (const ref of refs)
    if (!labels.has(ref.id)) labels.set(ref.id, `${groupLabel(ref.group, locale)} ${ref.id}`);
  return labels;
}
