/**
 * Typed access to command fields with MongoDB's error messages, and the per-command allow-list of
 * fields: anything not listed is refused, so an option the server does not implement can never be
 * silently ignored.
 */
import type { Long } from 'bson';
import { bsonTypeName, type Doc, isPlainObject, numericKind, toJsNumber } from '../engine/values.js';
import { ErrorCode, MongoCommandError, notSupported } from '../errors.js';

/** Fields drivers attach to any command; they carry no meaning for a standalone in-memory server. */
const GENERIC_FIELDS = new Set([
  '$db',
  'lsid',
  '$clusterTime',
  '$readPreference',
  'readConcern',
  'writeConcern',
  'comment',
  'maxTimeMS',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'txnNumber',
]);

export class FieldReader {
  constructor(
    /** Dotted prefix used in error messages, e.g. `update.updates`. */
    readonly prefix: string,
    readonly doc: Doc,
  ) {}

  /** Refuses fields that are neither `allowed` nor generic; `unsupported` ones get a clearer message. */
  checkFields(allowed: readonly string[], unsupported: readonly string[] = [], skip?: string): void {
    for (const field of Object.keys(this.doc)) {
      if (field === skip || allowed.includes(field) || (skip !== undefined && GENERIC_FIELDS.has(field)))
        continue;
      if (unsupported.includes(field)) throw notSupported(`the option '${field}' of '${this.prefix}'`);
      throw new MongoCommandError(
        ErrorCode.UnknownField,
        `BSON field '${this.prefix}.${field}' is an unknown field.`,
      );
    }
  }

  private wrongType(field: string, expected: string): MongoCommandError {
    return new MongoCommandError(
      ErrorCode.TypeMismatch,
      `BSON field '${this.prefix}.${field}' is the wrong type '${bsonTypeName(this.doc[field])}', expected type '${expected}'`,
    );
  }

  document(field: string): Doc | undefined {
    const value = this.doc[field];
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) throw this.wrongType(field, 'object');
    return value;
  }

  requiredDocument(field: string): Doc {
    const value = this.document(field);
    if (!value)
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        `BSON field '${this.prefix}.${field}' is missing but a required field`,
      );
    return value;
  }

  array(field: string): unknown[] | undefined {
    const value = this.doc[field];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw this.wrongType(field, 'array');
    return value;
  }

  requiredArray(field: string): unknown[] {
    const value = this.array(field);
    if (!value)
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        `BSON field '${this.prefix}.${field}' is missing but a required field`,
      );
    return value;
  }

  string(field: string): string | undefined {
    const value = this.doc[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.wrongType(field, 'string');
    return value;
  }

  /** Integral numbers of any BSON numeric type. */
  integer(field: string): number | undefined {
    const value = this.doc[field];
    if (value === undefined || value === null) return undefined;
    const n = numericKind(value) ? toJsNumber(value) : Number.NaN;
    if (!Number.isInteger(n)) throw this.wrongType(field, 'long');
    return n;
  }

  /** MongoDB accepts numbers for boolean fields too. */
  boolean(field: string): boolean | undefined {
    const value = this.doc[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    if (numericKind(value)) return toJsNumber(value) !== 0;
    throw this.wrongType(field, 'bool');
  }

  long(field: string): Long {
    const value = this.doc[field];
    if (numericKind(value) === 'long') return value as Long;
    throw this.wrongType(field, 'long');
  }

  /** A nested reader for an element of an array field, e.g. one statement of `updates`. */
  nested(field: string, value: unknown): FieldReader {
    if (!isPlainObject(value)) throw this.wrongType(field, 'object');
    return new FieldReader(`${this.prefix}.${field}`, value);
  }
}

/** The command document; the command's own name is its first field. */
export class CommandArgs extends FieldReader {
  constructor(
    readonly name: string,
    body: Doc,
  ) {
    super(name, body);
  }

  get target(): unknown {
    return this.doc[this.name];
  }

  checkOptions(allowed: readonly string[], unsupported: readonly string[] = []): void {
    this.checkFields(allowed, unsupported, this.name);
  }

  /** The collection a command addresses (`{find: 'users'}`). */
  collectionName(): string {
    const target = this.target;
    if (typeof target !== 'string' || target === '') {
      throw new MongoCommandError(
        ErrorCode.InvalidNamespace,
        `collection name has invalid type ${bsonTypeName(target)}`,
      );
    }
    return target;
  }
}
