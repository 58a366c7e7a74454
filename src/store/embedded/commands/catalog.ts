/** listCollections, listDatabases, create, drop and dropDatabase. */

import { validateCollectionName } from '../engine/catalog.js';
import { compileFilter } from '../engine/filter.js';
import type { Doc } from '../engine/values.js';
import { ErrorCode, MongoCommandError } from '../errors.js';
import type { CommandContext, CommandDefinition } from './context.js';

const closeCursorsOf = (context: CommandContext, prefix: string) =>
  context.state.cursors.closeWhere((ns) => ns === prefix || ns.startsWith(`${prefix}.`));

const listCollections: CommandDefinition = {
  options: ['filter', 'nameOnly', 'authorizedCollections', 'cursor'],
  run(args, context) {
    const matcher = compileFilter(args.document('filter'));
    const nameOnly = args.boolean('nameOnly') ?? false;
    const cursor = args.nested('cursor', args.document('cursor') ?? {});
    cursor.checkFields(['batchSize']);
    const infos: Doc[] = context.state.catalog
      .collections(context.database)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((collection) =>
        nameOnly
          ? { name: collection.name, type: 'collection' }
          : {
              name: collection.name,
              type: 'collection',
              options: collection.options,
              info: { readOnly: false, uuid: collection.uuid },
              idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
            },
      )
      .filter((info) => matcher.test(info));
    const batch = context.state.cursors.open(`${context.database}.$cmd.listCollections`, infos, {
      batchSize: cursor.integer('batchSize'),
    });
    return { cursor: { firstBatch: batch.batch, id: batch.id, ns: batch.ns } };
  },
};

const listDatabases: CommandDefinition = {
  options: ['nameOnly', 'filter', 'authorizedDatabases'],
  adminOnly: true,
  run(args, context) {
    const matcher = compileFilter(args.document('filter'));
    const nameOnly = args.boolean('nameOnly') ?? false;
    const databases = context.state.catalog
      .databaseNames()
      .sort()
      .map((name) => (nameOnly ? { name } : { name, sizeOnDisk: 0, empty: false }))
      .filter((info) => matcher.test(info));
    return nameOnly ? { databases } : { databases, totalSize: 0, totalSizeMb: 0 };
  },
};

const create: CommandDefinition = {
  options: [],
  unsupported: [
    'capped',
    'size',
    'max',
    'validator',
    'validationLevel',
    'validationAction',
    'viewOn',
    'pipeline',
    'collation',
    'timeseries',
    'expireAfterSeconds',
    'clusteredIndex',
    'changeStreamPreAndPostImages',
    'storageEngine',
    'indexOptionDefaults',
    'encryptedFields',
    'idIndex',
  ],
  run(args, context) {
    const name = args.collectionName();
    validateCollectionName(context.database, name);
    if (context.state.catalog.collection(context.database, name)) {
      throw new MongoCommandError(
        ErrorCode.NamespaceExists,
        `Collection ${context.database}.${name} already exists.`,
      );
    }
    context.state.catalog.ensureCollection(context.database, name);
    return {};
  },
};

/** Since MongoDB 7.0, dropping a collection that does not exist succeeds. */
const drop: CommandDefinition = {
  options: [],
  run(args, context) {
    const name = args.collectionName();
    const dropped = context.state.catalog.dropCollection(context.database, name);
    if (!dropped) return {};
    closeCursorsOf(context, dropped.ns);
    return { nIndexesWas: dropped.indexSpecs().length, ns: dropped.ns };
  },
};

const dropDatabase: CommandDefinition = {
  options: [],
  run(_args, context) {
    context.state.catalog.dropDatabase(context.database);
    closeCursorsOf(context, context.database);
    return { dropped: context.database };
  },
};

export const catalogCommands: Record<string, CommandDefinition> = {
  listCollections,
  listDatabases,
  create,
  drop,
  dropDatabase,
};
