/** find, getMore, killCursors, count and distinct. */

import type { Long } from 'bson';
import { canonicalKey } from '../engine/compare.js';
import { countQuery, type QueryRequest, runQuery } from '../engine/execute.js';
import { valuesAtPath } from '../engine/paths.js';
import { compileProjection } from '../engine/projection.js';
import { checkHint, deadlineOf } from '../engine/query.js';
import { parseSort } from '../engine/sort.js';
import { numericKind } from '../engine/values.js';
import { badValue } from '../errors.js';
import type { CommandArgs } from './args.js';
import type { CommandContext, CommandDefinition } from './context.js';

function nonNegative(args: CommandArgs, field: string): number | undefined {
  const value = args.integer(field);
  if (value !== undefined && value < 0)
    throw badValue(`${field} value must be non-negative, but received: ${value}`);
  return value;
}

/** The query a find command asks for (also what its explain plans). */
export function findRequest(args: CommandArgs): QueryRequest {
  const sort = args.document('sort');
  return {
    filter: args.document('filter'),
    sort: sort ? parseSort(sort) : undefined,
    skip: nonNegative(args, 'skip') ?? 0,
    limit: nonNegative(args, 'limit') ?? 0,
    variables: args.document('let'),
    deadline: deadlineOf(args.doc.maxTimeMS),
  };
}

export const find: CommandDefinition = {
  options: [
    'filter',
    'sort',
    'projection',
    'hint',
    'skip',
    'limit',
    'batchSize',
    'singleBatch',
    'noCursorTimeout',
    'allowDiskUse',
    'allowPartialResults',
    'let',
  ],
  unsupported: [
    'collation',
    'min',
    'max',
    'returnKey',
    'showRecordId',
    'tailable',
    'oplogReplay',
    'awaitData',
    'readOnce',
  ],
  run(args, context) {
    const name = args.collectionName();
    const collection = context.state.catalog.collection(context.database, name);
    const projection = compileProjection(args.document('projection'));
    const batchSize = nonNegative(args, 'batchSize');
    checkHint(collection, args.doc.hint);
    const { docs } = runQuery(collection, findRequest(args));
    const batch = context.state.cursors.open(`${context.database}.${name}`, docs, {
      batchSize,
      singleBatch: args.boolean('singleBatch'),
      noTimeout: args.boolean('noCursorTimeout'),
      transform: projection,
    });
    return { cursor: { firstBatch: batch.batch, id: batch.id, ns: batch.ns } };
  },
};

const getMore: CommandDefinition = {
  options: ['collection', 'batchSize', 'term', 'lastKnownCommittedOpTime'],
  run(args, context) {
    const id = args.long('getMore');
    const collection = args.string('collection');
    if (!collection) throw badValue("getMore requires a 'collection' field");
    const batch = context.state.cursors.getMore(
      id,
      `${context.database}.${collection}`,
      nonNegative(args, 'batchSize'),
    );
    return { cursor: { nextBatch: batch.batch, id: batch.id, ns: batch.ns } };
  },
};

const killCursors: CommandDefinition = {
  options: ['cursors'],
  run(args, context) {
    args.collectionName();
    const ids = args.requiredArray('cursors').map((id) => {
      if (numericKind(id) !== 'long') throw badValue('killCursors: every cursor id must be a long');
      return id as Long;
    });
    const { killed, notFound } = context.state.cursors.kill(ids);
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [] };
  },
};

export function countRequest(args: CommandArgs): QueryRequest {
  return {
    filter: args.document('query'),
    skip: nonNegative(args, 'skip') ?? 0,
    limit: Math.abs(args.integer('limit') ?? 0),
    deadline: deadlineOf(args.doc.maxTimeMS),
  };
}

export const count: CommandDefinition = {
  options: ['query', 'limit', 'skip', 'hint', 'fields'],
  unsupported: ['collation'],
  run(args, context) {
    const collection = context.state.catalog.collection(context.database, args.collectionName());
    checkHint(collection, args.doc.hint);
    return { n: countQuery(collection, countRequest(args)).n };
  },
};

const distinct: CommandDefinition = {
  options: ['key', 'query', 'hint'],
  unsupported: ['collation'],
  run(args, context: CommandContext) {
    const collection = context.state.catalog.collection(context.database, args.collectionName());
    const key = args.string('key');
    if (!key) throw badValue("distinct requires a string 'key'");
    checkHint(collection, args.doc.hint);
    const values = new Map<string, unknown>();
    const request = { filter: args.document('query'), deadline: deadlineOf(args.doc.maxTimeMS) };
    for (const doc of runQuery(collection, request).docs) {
      for (const value of valuesAtPath(doc, key)) {
        if (value !== undefined && !values.has(canonicalKey(value))) values.set(canonicalKey(value), value);
      }
    }
    return { values: [...values.values()] };
  },
};

export const readCommands: Record<string, CommandDefinition> = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
};
