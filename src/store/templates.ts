import { randomBytes } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import type { DataGroup } from '../domain/dossiers/kinds.js';
import type { ActionTemplate } from '../domain/templates/schema.js';
import { fromDocument, type Stored, toDocument, writeUnlessTaken } from './documents.js';

type TemplateDoc = Stored<ActionTemplate>;

export function newTemplateId(): string {
  return `tpl_${randomBytes(6).toString('hex')}`;
}

export interface TemplateQuery {
  dataGroup?: DataGroup;
  category?: string;
  courseTypeId?: string;
  includeArchived?: boolean;
  /** Case-insensitive search in key, name and description. */
  text?: string;
}

export class TemplateStore {
  readonly #templates: Collection<TemplateDoc>;

  constructor(db: Db) {
    this.#templates = db.collection<TemplateDoc>('templates');
  }

  async ensureIndexes(): Promise<void> {
    await this.#templates.createIndexes([
      { key: { key: 1 }, unique: true },
      { key: { 'event.group': 1, enabled: 1, archived: 1 } },
      { key: { courseTypeIds: 1 } },
      { key: { dataGroup: 1, archived: 1 } },
    ]);
  }

  async get(id: string): Promise<ActionTemplate | undefined> {
    const doc = await this.#templates.findOne({ _id: id });
    return doc ? fromDocument<ActionTemplate>(doc) : undefined;
  }

  async getByKey(key: string): Promise<ActionTemplate | undefined> {
    const doc = await this.#templates.findOne({ key });
    return doc ? fromDocument<ActionTemplate>(doc) : undefined;
  }

  async getMany(ids: Iterable<string>): Promise<ActionTemplate[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const docs = await this.#templates.find({ _id: { $in: unique } }).toArray();
    return docs.map((doc) => fromDocument<ActionTemplate>(doc));
  }

  async list(query: TemplateQuery = {}): Promise<ActionTemplate[]> {
    const filter: Filter<TemplateDoc> = {};
    if (query.dataGroup) filter.dataGroup = query.dataGroup;
    if (query.category) filter.categories = query.category;
    if (query.courseTypeId) filter.courseTypeIds = query.courseTypeId;
    if (!query.includeArchived) filter.archived = false;
    if (query.text) {
      const pattern = new RegExp(query.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      filter.$or = [{ key: pattern }, { name: pattern }, { description: pattern }];
    }
    const docs = await this.#templates.find(filter, { sort: { key: 1 } }).toArray();
    return docs.map((doc) => fromDocument<ActionTemplate>(doc));
  }

  /** Templates that may stamp on an event of `group`: their own group's events or a fan-out source's. */
  async listeningTo(group: DataGroup): Promise<ActionTemplate[]> {
    const docs = await this.#templates
      .find({ 'event.group': group, enabled: true, archived: false })
      .toArray();
    return docs.map((doc) => fromDocument<ActionTemplate>(doc));
  }

  /** 'key-taken' when another template has the key (a unique index decides, also between instances). */
  async insert(template: ActionTemplate): Promise<'created' | 'key-taken'> {
    const written = await writeUnlessTaken(() => this.#templates.insertOne(toDocument(template)));
    return written === 'written' ? 'created' : 'key-taken';
  }

  async replaceIfVersion(template: ActionTemplate, expectedVersion: number): Promise<boolean> {
    const result = await this.#templates.replaceOne(
      { _id: template.id, version: expectedVersion },
      toDocument(template),
    );
    return result.matchedCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.#templates.deleteOne({ _id: id })).deletedCount === 1;
  }
}
