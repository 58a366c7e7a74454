import { BSONError } from 'bson';
import { MingoError } from 'mingo/util';

/**
 * MongoDB-shaped command errors. Every failure the embedded server reports goes through this class so
 * the driver sees `{ ok: 0, errmsg, code, codeName }` exactly as a real mongod would send it, and the
 * message always names the command, option or operator that was refused.
 */

export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  MaxTimeMSExpired: 50,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  EmptyFieldName: 56,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  InvalidPipelineOperator: 168,
  InvalidIndexSpecificationOption: 197,
  DuplicateKey: 11000,
  PipelineStageNotSingleField: 40323,
  UnrecognizedPipelineStage: 40324,
  ExpressionNotSingleField: 15983,
  InclusionInExclusionProjection: 31253,
  ExclusionInInclusionProjection: 31254,
  OpMsgWithoutDb: 40571,
  UnknownField: 40415,
  UnsupportedOpQueryCommand: 352,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

const codeNames = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

/** MongoDB names codes that only exist as assertion locations `Location<code>`. */
function codeNameOf(code: number): string {
  return code >= 10000 && code !== ErrorCode.DuplicateKey
    ? `Location${code}`
    : (codeNames.get(code) ?? `Location${code}`);
}

export class MongoCommandError extends Error {
  readonly code: number;
  /** Extra top-level reply fields, e.g. keyPattern/keyValue of a duplicate key. */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCodeValue, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MongoCommandError';
    this.code = code;
    this.details = details;
  }

  get codeName(): string {
    return codeNameOf(this.code);
  }

  /** The reply document body for a failed command. */
  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.details };
  }

  /** The entry of a `writeErrors` array, as returned by insert/update/delete. */
  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, errmsg: this.message, ...this.details };
  }
}

export const badValue = (message: string) => new MongoCommandError(ErrorCode.BadValue, message);
export const failedToParse = (message: string) => new MongoCommandError(ErrorCode.FailedToParse, message);
export const typeMismatch = (message: string) => new MongoCommandError(ErrorCode.TypeMismatch, message);

/** A feature MongoDB has but this in-memory server deliberately does not implement. */
export const notSupported = (what: string) =>
  new MongoCommandError(
    ErrorCode.CommandNotSupported,
    `${what} is not supported by the embedded MongoDB server`,
  );

/**
 * The MongoDB error for a failure inside a command, or undefined for a bug. mingo and bson errors
 * describe invalid input (an operator misused, a malformed value), so they become BadValue.
 */
export function asCommandError(error: unknown): MongoCommandError | undefined {
  if (error instanceof MongoCommandError) return error;
  if (error instanceof MingoError || error instanceof BSONError) return badValue(error.message);
  return undefined;
}
