/** insert, update and delete, with MongoDB's per-statement write errors and ordered/unordered batches. */
import { ObjectId } from 'bson';
import { checkHint, findMatches } from '../engine/query.js';
import { buildUpsertDocument, parseUpdate, updateDocument } from '../engine/update/index.js';
import { type Doc, isPlainObject } from '../engine/values.js';
import { asCommandError, badValue, ErrorCode, failedToParse, MongoCommandError } from '../errors.js';
import type { CommandArgs, FieldReader } from './args.js';
import type { CommandContext, CommandDefinition } from './context.js';

const MAX_BATCH = 100_000;

function statements(args: CommandArgs, field: string): unknown[] {
  const list = args.requiredArray(field);
  if (list.length === 0 || list.length > MAX_BATCH) {
    throw new MongoCommandError(
      ErrorCode.InvalidLength,
      `Write batch sizes must be between 1 and ${MAX_BATCH}. Got ${list.length} operations.`,
    );
  }
  return list;
}

/**
 * Statement shapes are checked for the whole batch first: as in mongod, a malformed statement fails
 * the command, while a statement that fails to execute only yields a write error.
 */
function statementReaders(
  args: CommandArgs,
  field: string,
  allowed: string[],
  unsupported: string[],
): FieldReader[] {
  return statements(args, field).map((item) => {
    const statement = args.nested(field, item);
    statement.checkFields(allowed, unsupported);
    statement.requiredDocument('q');
    return statement;
  });
}

/**
 * Runs each statement, collecting write errors; an ordered batch stops at the first error. Errors that
 * are not MongoDB command errors are bugs and abort the whole command.
 */
function runBatch<T>(args: CommandArgs, items: readonly T[], run: (item: T, index: number) => void): Doc {
  const ordered = args.boolean('ordered') ?? true;
  const writeErrors: Doc[] = [];
  for (let index = 0; index < items.length; index++) {
    try {
      run(items[index]!, index);
    } catch (error) {
      const commandError = asCommandError(error);
      if (!commandError) throw error;
      writeErrors.push(commandError.toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors.length ? { writeErrors } : {};
}

/** MongoDB stores `_id` first and generates an ObjectId when it is missing. */
function prepareInsert(doc: unknown): Doc {
  if (!isPlainObject(doc)) throw badValue('documents to insert must be objects');
  const dollar = Object.keys(doc).find((key) => key.startsWith('$'));
  if (dollar) throw badValue(`Document can't have $ prefixed field names: ${dollar}`);
  const { _id, ...rest } = doc;
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

const insert: CommandDefinition = {
  options: ['documents', 'ordered', 'bypassDocumentValidation'],
  run(args, context) {
    const documents = statements(args, 'documents');
    const collection = context.state.catalog.ensureCollection(context.database, args.collectionName());
    let n = 0;
    const errors = runBatch(args, documents, (doc) => {
      collection.insert(prepareInsert(doc));
      n++;
    });
    return { n, ...errors };
  },
};

const UPDATE_STATEMENT_FIELDS = ['q', 'u', 'multi', 'upsert', 'arrayFilters', 'hint', 'upsertSupplied'];

const update: CommandDefinition = {
  options: ['updates', 'ordered', 'bypassDocumentValidation', 'let'],
  run(args, context) {
    const name = args.collectionName();
    const variables = args.document('let');
    const now = new Date();
    const totals = { n: 0, nModified: 0 };
    const upserted: Doc[] = [];
    const updates = statementReaders(args, 'updates', UPDATE_STATEMENT_FIELDS, ['collation', 'c', 'sort']);
    const errors = runBatch(args, updates, (statement, index) => {
      const filter = statement.requiredDocument('q');
      const multi = statement.boolean('multi') ?? false;
      const parsed = parseUpdate(statement.doc.u, statement.array('arrayFilters'));
      if (multi && parsed.kind === 'replacement') {
        throw failedToParse('multi update is not supported for replacement-style update');
      }
      const collection = context.state.catalog.collection(context.database, name);
      checkHint(collection, statement.doc.hint);
      const matches = findMatches(collection, filter, variables, multi ? undefined : 1);
      for (const doc of matches) {
        const result = updateDocument(doc, parsed, filter, now);
        if (result.changed) collection!.replace(doc, result.doc);
        totals.n++;
        if (result.changed) totals.nModified++;
      }
      if (matches.length === 0 && statement.boolean('upsert')) {
        const doc = buildUpsertDocument(filter, parsed, now);
        context.state.catalog.ensureCollection(context.database, name).insert(doc);
        totals.n++;
        upserted.push({ index, _id: doc._id });
      }
    });
    return { ...totals, ...(upserted.length ? { upserted } : {}), ...errors };
  },
};

const remove: CommandDefinition = {
  options: ['deletes', 'ordered', 'let'],
  run(args, context: CommandContext) {
    const name = args.collectionName();
    const variables = args.document('let');
    let n = 0;
    const deletes = statementReaders(args, 'deletes', ['q', 'limit', 'hint'], ['collation']);
    const errors = runBatch(args, deletes, (statement) => {
      const limit = statement.integer('limit') ?? 0;
      if (limit !== 0 && limit !== 1)
        throw failedToParse(`The limit field in delete objects must be 0 or 1. Got ${limit}`);
      const collection = context.state.catalog.collection(context.database, name);
      checkHint(collection, statement.doc.hint);
      const matches = findMatches(collection, statement.requiredDocument('q'), variables, limit || undefined);
      for (const doc of matches) {
        collection!.remove(doc);
        n++;
      }
    });
    return { n, ...errors };
  },
};

export const writeCommands: Record<string, CommandDefinition> = { insert, update, delete: remove };
