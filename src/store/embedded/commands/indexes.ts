/** createIndexes, listIndexes, dropIndexes and the index part of collMod. */

import type { Collection } from '../engine/collection.js';
import { formatDocument } from '../engine/format.js';
import { normalizeIndexSpec, sameIndexOptions, sameKeyPattern } from '../engine/indexes.js';
import { type Doc, isPlainObject, numericKind, toJsNumber } from '../engine/values.js';
import { badValue, ErrorCode, MongoCommandError } from '../errors.js';
import type { CommandArgs } from './args.js';
import type { CommandContext, CommandDefinition } from './context.js';

function existingCollection(args: CommandArgs, context: CommandContext): Collection {
  const name = args.collectionName();
  const collection = context.state.catalog.collection(context.database, name);
  if (!collection) {
    throw new MongoCommandError(
      ErrorCode.NamespaceNotFound,
      `ns does not exist: ${context.database}.${name}`,
    );
  }
  return collection;
}

/** Whether `spec` is already present; throws when it clashes with an existing index by name or key. */
function alreadyExists(spec: Doc, existing: readonly Doc[]): boolean {
  for (const current of existing) {
    const sameName = current.name === spec.name;
    const sameKey = sameKeyPattern(current.key as Doc, spec.key as Doc);
    if (!sameName && !sameKey) continue;
    if (sameName && !sameKey) {
      throw new MongoCommandError(
        ErrorCode.IndexKeySpecsConflict,
        `An existing index has the same name as the requested index. Requested index: ${formatDocument(spec)}, existing index: ${formatDocument(current)}`,
      );
    }
    if (!sameName) {
      throw new MongoCommandError(
        ErrorCode.IndexOptionsConflict,
        `Index already exists with a different name: ${current.name}`,
      );
    }
    if (current.name === '_id_' && (spec.unique !== undefined || spec.sparse !== undefined)) {
      throw new MongoCommandError(
        ErrorCode.InvalidIndexSpecificationOption,
        "The field 'unique' is not valid for an _id index specification",
      );
    }
    if (current.name !== '_id_' && !sameIndexOptions(current, spec)) {
      throw new MongoCommandError(
        ErrorCode.IndexOptionsConflict,
        `An equivalent index already exists with the same name but different options. Requested index: ${formatDocument(spec)}, existing index: ${formatDocument(current)}`,
      );
    }
    return true;
  }
  return false;
}

const createIndexes: CommandDefinition = {
  options: ['indexes', 'commitQuorum'],
  run(args, context) {
    const requested = args.requiredArray('indexes').map(normalizeIndexSpec);
    if (requested.length === 0) throw badValue('Must specify at least one index to create');
    const existedBefore =
      context.state.catalog.collection(context.database, args.collectionName()) !== undefined;
    const collection = context.state.catalog.ensureCollection(context.database, args.collectionName());
    const before = collection.indexSpecs().length;
    const planned: Doc[] = [];
    for (const spec of requested) {
      if (!alreadyExists(spec, [...collection.indexSpecs(), ...planned])) planned.push(spec);
    }
    // All or nothing, like one MongoDB index build: undo the ones built before a failure.
    const built: string[] = [];
    try {
      for (const spec of planned) {
        collection.addIndex(spec);
        built.push(spec.name as string);
      }
    } catch (error) {
      for (const name of built) collection.dropIndex(name);
      throw error;
    }
    return {
      numIndexesBefore: before,
      numIndexesAfter: collection.indexSpecs().length,
      createdCollectionAutomatically: !existedBefore,
      ...(planned.length === 0 ? { note: 'all indexes already exist' } : {}),
    };
  },
};

const listIndexes: CommandDefinition = {
  options: ['cursor'],
  run(args, context) {
    const collection = existingCollection(args, context);
    const cursor = args.nested('cursor', args.document('cursor') ?? {});
    cursor.checkFields(['batchSize']);
    const batch = context.state.cursors.open(collection.ns, collection.indexSpecs(), {
      batchSize: cursor.integer('batchSize'),
    });
    return { cursor: { firstBatch: batch.batch, id: batch.id, ns: batch.ns } };
  },
};

function indexNamed(collection: Collection, nameOrKey: unknown): string {
  if (nameOrKey === '_id_' || (isPlainObject(nameOrKey) && sameKeyPattern(nameOrKey, { _id: 1 }))) {
    throw new MongoCommandError(ErrorCode.InvalidOptions, 'cannot drop _id index');
  }
  if (typeof nameOrKey === 'string') {
    if (!collection.findIndex(nameOrKey)) {
      throw new MongoCommandError(ErrorCode.IndexNotFound, `index not found with name [${nameOrKey}]`);
    }
    return nameOrKey;
  }
  if (isPlainObject(nameOrKey)) {
    const spec = collection.indexSpecs().find((candidate) => sameKeyPattern(candidate.key as Doc, nameOrKey));
    if (!spec)
      throw new MongoCommandError(
        ErrorCode.IndexNotFound,
        `can't find index with key: ${formatDocument(nameOrKey)}`,
      );
    return spec.name as string;
  }
  throw badValue('dropIndexes: index must be a name, a key pattern, an array of names or "*"');
}

const dropIndexes: CommandDefinition = {
  options: ['index'],
  run(args, context) {
    const collection = existingCollection(args, context);
    const before = collection.indexSpecs().length;
    const index = args.doc.index;
    const names =
      index === '*'
        ? [...collection.secondaryIndexes()].map((secondary) => secondary.name)
        : Array.isArray(index)
          ? index.map((name) => indexNamed(collection, name))
          : [indexNamed(collection, index)];
    for (const name of names) collection.dropIndex(name);
    return { nIndexesWas: before };
  },
};

/** Only changing an index's TTL or hidden flag is supported. */
const collMod: CommandDefinition = {
  options: ['index'],
  unsupported: [
    'validator',
    'validationLevel',
    'validationAction',
    'viewOn',
    'pipeline',
    'expireAfterSeconds',
    'timeseries',
    'changeStreamPreAndPostImages',
    'clusteredIndex',
  ],
  run(args, context) {
    const collection = existingCollection(args, context);
    const change = args.nested('index', args.requiredDocument('index'));
    change.checkFields(
      ['keyPattern', 'name', 'expireAfterSeconds', 'hidden'],
      ['prepareUnique', 'unique', 'forceNonUnique'],
    );
    const name = indexNamed(collection, change.doc.name ?? change.doc.keyPattern);
    const spec = collection.findIndex(name)!.spec;
    const reply: Doc = {};
    if (change.doc.expireAfterSeconds !== undefined) {
      if (spec.expireAfterSeconds === undefined)
        throw badValue(`no expireAfterSeconds field to update on index ${name}`);
      const seconds = numericKind(change.doc.expireAfterSeconds)
        ? toJsNumber(change.doc.expireAfterSeconds)
        : Number.NaN;
      if (!Number.isInteger(seconds) || seconds < 0)
        throw badValue('expireAfterSeconds must be a non-negative integer');
      reply.expireAfterSeconds_old = spec.expireAfterSeconds;
      reply.expireAfterSeconds_new = seconds;
      spec.expireAfterSeconds = seconds;
    }
    if (change.doc.hidden !== undefined) {
      reply.hidden_old = spec.hidden ?? false;
      reply.hidden_new = change.boolean('hidden');
      if (reply.hidden_new) spec.hidden = true;
      else delete spec.hidden;
    }
    return reply;
  },
};

export const indexCommands: Record<string, CommandDefinition> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  collMod,
};
