/** findAndModify: one document found, sorted, updated or removed atomically, returned before or after. */

import { runQuery } from '../engine/execute.js';
import { compileProjection } from '../engine/projection.js';
import { checkHint } from '../engine/query.js';
import { parseSort } from '../engine/sort.js';
import { buildUpsertDocument, parseUpdate, updateDocument } from '../engine/update/index.js';
import type { Doc } from '../engine/values.js';
import { failedToParse } from '../errors.js';
import type { CommandDefinition } from './context.js';

export const findAndModify: CommandDefinition = {
  options: [
    'query',
    'sort',
    'remove',
    'update',
    'new',
    'fields',
    'upsert',
    'arrayFilters',
    'bypassDocumentValidation',
    'hint',
    'let',
  ],
  unsupported: ['collation'],
  run(args, context) {
    const name = args.collectionName();
    const query = args.document('query') ?? {};
    const sort = args.document('sort');
    const remove = args.boolean('remove') ?? false;
    const returnNew = args.boolean('new') ?? false;
    const upsert = args.boolean('upsert') ?? false;
    const project = compileProjection(args.document('fields')) ?? ((doc: Doc) => doc);
    if (remove && args.doc.update !== undefined)
      throw failedToParse('Cannot specify both an update and remove=true');
    if (!remove && args.doc.update === undefined)
      throw failedToParse('Either an update or remove=true must be specified');
    if (remove && upsert) throw failedToParse('Cannot specify both upsert=true and remove=true');
    if (remove && returnNew) {
      throw failedToParse(
        "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document",
      );
    }
    const parsed = remove ? undefined : parseUpdate(args.doc.update, args.array('arrayFilters'));
    const collection = context.state.catalog.collection(context.database, name);
    checkHint(collection, args.doc.hint);
    const target = runQuery(collection, {
      filter: query,
      sort: sort ? parseSort(sort) : undefined,
      limit: 1,
      variables: args.document('let'),
    }).docs[0];
    if (!parsed) {
      if (target) collection!.remove(target);
      return { lastErrorObject: { n: target ? 1 : 0 }, value: target ? project(target) : null };
    }
    const now = new Date();
    if (target) {
      const result = updateDocument(target, parsed, query, now);
      if (result.changed) collection!.replace(target, result.doc);
      return {
        lastErrorObject: { n: 1, updatedExisting: true },
        value: project(returnNew ? result.doc : target),
      };
    }
    if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
    const doc = buildUpsertDocument(query, parsed, now);
    context.state.catalog.ensureCollection(context.database, name).insert(doc);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: returnNew ? project(doc) : null,
    };
  },
};
