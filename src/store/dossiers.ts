import type { Collection, Db, Filter } from 'mongodb';
import type { RecordKind } from '../domain/dossiers/kinds.js';
import type { DossierRecord, Participant } from '../domain/dossiers/schemas.js';
import type { AuditEntry } from './audit.js';
import { fromDocument, type Stored, toDocument } from './documents.js';
import type { StoredEvent } from './events.js';

/**
 * Bulk reads (all participants of a course) come back in one reply up to MongoDB's 16 MB message limit,
 * rather than the default first batch of 101 documents followed by a getMore round trip.
 */
const BULK_BATCH_SIZE = 100_000;

/** A stored dossier: the domain record plus a version that makes every update conditional. */
export type VersionedDossier = DossierRecord & { version: number };

/**
 * What follows from a change — its audit entry and its events — written into the record in the same
 * atomic write as the change itself, and moved to the audit log and the event log right after. Without
 * transactions this is what makes a change and its consequences all-or-nothing: if the process dies in
 * between, the crash repair finds the block and finishes the move (ids are fixed, so nothing doubles).
 */
export interface PendingChange {
  token: string;
  at: Date;
  audit: AuditEntry & { id: string };
  events: StoredEvent[];
}

type DossierDoc = Stored<VersionedDossier> & { pending?: PendingChange };

function toRecord(doc: DossierDoc): VersionedDossier {
  const { pending: _pending, ...stored } = doc;
  return fromDocument<VersionedDossier>(stored);
}

export interface DossierQuery {
  group: RecordKind;
  /** Equality filters on top-level fields, e.g. { courseId, status }. */
  where?: Record<string, string | number | boolean>;
  limit: number;
  skip: number;
}

/** The fields a picker searches per data group. */
const searchFields: Partial<Record<RecordKind, readonly string[]>> = {
  course: ['code', 'name'],
  request: ['number'],
  invoice: ['number'],
  person: ['firstName', 'lastName', 'emails.business', 'emails.private'],
  company: ['name'],
  location: ['name', 'city'],
  'course-type': ['key', 'name'],
};

/** Every dossier kind lives in one collection, told apart by `group`; relation fields are indexed. */
export class DossierStore {
  readonly #dossiers: Collection<DossierDoc>;

  constructor(db: Db) {
    this.#dossiers = db.collection<DossierDoc>('dossiers');
  }

  async ensureIndexes(): Promise<void> {
    await this.#dossiers.createIndexes([
      { key: { group: 1, updatedAt: -1 } },
      { key: { group: 1, courseId: 1 } },
      { key: { group: 1, courseTypeId: 1 } },
      { key: { group: 1, personId: 1 } },
      { key: { group: 1, companyId: 1 } },
      { key: { group: 1, requestId: 1 } },
      { key: { 'pending.at': 1 }, sparse: true },
      // Template files refer to course types by key, so a key must name one course type only.
      {
        key: { key: 1 },
        unique: true,
        partialFilterExpression: { group: 'course-type' },
        name: 'course_type_key',
      },
    ]);
  }

  async get(id: string): Promise<VersionedDossier | undefined> {
    const doc = await this.#dossiers.findOne({ _id: id });
    return doc ? toRecord(doc) : undefined;
  }

  /** One query for many ids, whatever their kinds: how contexts are loaded without N+1 round trips. */
  async getMany(ids: Iterable<string>): Promise<VersionedDossier[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    // One reply for all of them (up to the 16 MB message limit), instead of 101 and then the rest.
    const docs = await this.#dossiers.find({ _id: { $in: unique } }, { batchSize: unique.length }).toArray();
    return docs.map((doc) => toRecord(doc));
  }

  async list(query: DossierQuery): Promise<{ items: VersionedDossier[]; total: number }> {
    const filter = { group: query.group, ...query.where } as Filter<DossierDoc>;
    const [docs, total] = await Promise.all([
      this.#dossiers
        .find(filter, { sort: { updatedAt: -1, _id: 1 }, skip: query.skip, limit: query.limit })
        .toArray(),
      this.#dossiers.countDocuments(filter),
    ]);
    return { items: docs.map((doc) => toRecord(doc)), total };
  }

  /**
   * Records of `group` whose name-like fields contain `text` (case-insensitive), for pickers in chat: at
   * most `limit`, most recently changed first. Participants, teachers and contacts have no name of their
   * own; they are found through their person's name.
   */
  async search(group: RecordKind, text: string, limit: number): Promise<VersionedDossier[]> {
    const trimmed = text.trim();
    const pattern = new RegExp(trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    const byPerson = group === 'participant' || group === 'teacher' || group === 'contact';
    let filter: Filter<DossierDoc>;
    if (byPerson) {
      const people = trimmed ? await this.search('person', trimmed, 200) : [];
      filter = trimmed
        ? { group, $or: [{ _id: trimmed }, { personId: { $in: people.map((person) => person.id) } }] }
        : { group };
    } else {
      const fields = searchFields[group] ?? [];
      filter = trimmed
        ? {
            group,
            $or: [{ _id: trimmed }, ...fields.map((field) => ({ [field]: pattern }))],
          }
        : { group };
    }
    const docs = await this.#dossiers
      .find(filter as Filter<DossierDoc>, { sort: { updatedAt: -1, _id: 1 }, limit })
      .toArray();
    return docs.map((doc) => toRecord(doc));
  }

  /** The records of `group` whose relation `field` points at one of `ids` (e.g. participants of courses). */
  async findRelated(group: RecordKind, field: string, ids: Iterable<string>): Promise<VersionedDossier[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const docs = await this.#dossiers
      .find({ group, [field]: { $in: unique } } as Filter<DossierDoc>, { batchSize: BULK_BATCH_SIZE })
      .toArray();
    return docs.map((doc) => toRecord(doc));
  }

  /**
   * Participant statuses per course, for the courses' derived facts (count, minimum, full). Counted by the
   * database, so a course with thousands of participants costs one small answer, not thousands of documents.
   */
  async participantSummaries(
    courseIds: Iterable<string>,
  ): Promise<Map<string, Pick<Participant, 'status'>[]>> {
    const unique = [...new Set(courseIds)];
    const byCourse = new Map<string, Pick<Participant, 'status'>[]>(unique.map((id) => [id, []]));
    if (unique.length === 0) return byCourse;
    const counts = await this.#dossiers
      .aggregate<{ _id: { courseId: string; status: Participant['status'] }; count: number }>([
        { $match: { group: 'participant', courseId: { $in: unique } } },
        { $group: { _id: { courseId: '$courseId', status: '$status' }, count: { $sum: 1 } } },
      ])
      .toArray();
    for (const { _id, count } of counts) {
      const list = byCourse.get(_id.courseId);
      for (let index = 0; index < count; index += 1) list?.push({ status: _id.status });
    }
    return byCourse;
  }

  async insert(record: DossierRecord, pending?: PendingChange): Promise<VersionedDossier> {
    const stored = { ...record, version: 1 } as VersionedDossier;
    await this.#dossiers.insertOne({ ...toDocument(stored), ...(pending ? { pending } : {}) });
    return stored;
  }

  /** Replaces the record only if nobody changed it since it was read; false means a concurrent change won. */
  async replace(
    record: DossierRecord,
    expectedVersion: number,
    pending?: PendingChange,
  ): Promise<VersionedDossier | undefined> {
    const next = { ...record, version: expectedVersion + 1 } as VersionedDossier;
    const result = await this.#dossiers.replaceOne(
      { _id: record.id, version: expectedVersion },
      { ...toDocument(next), ...(pending ? { pending } : {}) },
    );
    return result.matchedCount === 1 ? next : undefined;
  }

  /** Drops the pending block once its contents are safely in the audit and event logs. */
  async clearPending(id: string, token: string): Promise<void> {
    await this.#dossiers.updateOne({ _id: id, 'pending.token': token }, { $unset: { pending: '' } });
  }

  /** Pending blocks older than `before`: changes whose consequences a crash may have cut off. */
  async pendingBefore(
    before: Date,
    limit: number,
  ): Promise<Array<{ recordId: string; pending: PendingChange }>> {
    const docs = await this.#dossiers
      .find({ 'pending.at': { $lt: before } } as Filter<DossierDoc>, { projection: { pending: 1 }, limit })
      .toArray();
    return docs.map((doc) => ({ recordId: doc._id, pending: doc.pending! }));
  }

  async delete(id: string, expectedVersion: number): Promise<boolean> {
    const result = await this.#dossiers.deleteOne({ _id: id, version: expectedVersion });
    return result.deletedCount === 1;
  }
}
