/** The aggregate command: a pipeline over a collection, or over `$documents` with `{aggregate: 1}`. */

import { parsePipeline, runPipeline } from '../engine/aggregate.js';
import { checkHint, deadlineOf } from '../engine/query.js';
import { toJsNumber } from '../engine/values.js';
import { badValue, ErrorCode, failedToParse, MongoCommandError } from '../errors.js';
import type { CommandDefinition } from './context.js';

export const aggregate: CommandDefinition = {
  options: ['pipeline', 'cursor', 'allowDiskUse', 'bypassDocumentValidation', 'hint', 'let'],
  unsupported: ['collation', 'explain'],
  run(args, context) {
    const collectionless = typeof args.target !== 'string' && toJsNumber(args.target) === 1;
    const name = collectionless ? undefined : args.collectionName();
    const cursorOptions = args.document('cursor');
    if (!cursorOptions) {
      throw failedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
    }
    const cursor = args.nested('cursor', cursorOptions);
    cursor.checkFields(['batchSize']);
    const batchSize = cursor.integer('batchSize');
    if (batchSize !== undefined && batchSize < 0) throw badValue('Cursor batchSize must not be negative');
    const stages = parsePipeline(args.requiredArray('pipeline'), collectionless);
    if (collectionless && stages[0]?.[0] !== '$documents') {
      throw new MongoCommandError(
        ErrorCode.InvalidNamespace,
        `{aggregate: 1} is not valid for '${stages[0]?.[0] ?? 'an empty pipeline'}'; a collection is required.`,
      );
    }
    const collection =
      name === undefined ? undefined : context.state.catalog.collection(context.database, name);
    checkHint(collection, args.doc.hint);
    const docs = runPipeline(
      {
        catalog: context.state.catalog,
        database: context.database,
        collection,
        variables: args.document('let'),
        deadline: deadlineOf(args.doc.maxTimeMS),
      },
      stages,
    );
    const ns = `${context.database}.${name ?? '$cmd.aggregate'}`;
    const batch = context.state.cursors.open(ns, docs, { batchSize });
    return { cursor: { firstBatch: batch.batch, id: batch.id, ns: batch.ns } };
  },
};
