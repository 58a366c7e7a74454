/**
 * Command dispatch: looks the command up by its (case-sensitive) name, enforces its field allow-list,
 * runs it and turns any failure into a MongoDB error reply.
 */
import { validateDatabaseName } from '../engine/catalog.js';
import type { Doc } from '../engine/values.js';
import { asCommandError, ErrorCode, MongoCommandError } from '../errors.js';
import { aggregate } from './aggregate.js';
import { CommandArgs } from './args.js';
import { catalogCommands } from './catalog.js';
import type { CommandContext, CommandDefinition, ServerState } from './context.js';
import { explain } from './explain.js';
import { findAndModify } from './find-and-modify.js';
import { indexCommands } from './indexes.js';
import { readCommands } from './read.js';
import { serverInfoCommands } from './server-info.js';
import { writeCommands } from './write.js';

export type { ServerState } from './context.js';

const COMMANDS = new Map<string, CommandDefinition>(
  Object.entries({
    ...serverInfoCommands,
    ...readCommands,
    ...writeCommands,
    findAndModify,
    findandmodify: findAndModify,
    aggregate,
    explain,
    ...indexCommands,
    ...catalogCommands,
  }),
);

export interface Logger {
  debug?(message: string, details?: Record<string, unknown>): void;
  warn?(message: string, details?: Record<string, unknown>): void;
}

export function runCommand(body: Doc, state: ServerState, connectionId: number, logger?: Logger): Doc {
  const name = Object.keys(body)[0] ?? '';
  try {
    const definition = COMMANDS.get(name);
    if (!definition) throw new MongoCommandError(ErrorCode.CommandNotFound, `no such command: '${name}'`);
    const database = body.$db;
    if (typeof database !== 'string') {
      throw new MongoCommandError(ErrorCode.OpMsgWithoutDb, 'OP_MSG requests require a $db argument');
    }
    validateDatabaseName(database);
    if (definition.adminOnly && database !== 'admin') {
      throw new MongoCommandError(
        ErrorCode.Unauthorized,
        `${name} may only be run against the admin database.`,
      );
    }
    if (body.startTransaction !== undefined || body.autocommit !== undefined) {
      throw new MongoCommandError(
        ErrorCode.IllegalOperation,
        'Transaction numbers are only allowed on a replica set member or mongos (the embedded MongoDB server has no transactions)',
      );
    }
    const args = new CommandArgs(name, body);
    if (!definition.lenient) args.checkOptions(definition.options, definition.unsupported);
    const context: CommandContext = { state, database, connectionId };
    logger?.debug?.('embedded mongo command', { command: name, database });
    return { ...definition.run(args, context), ok: 1 };
  } catch (error) {
    return toErrorReply(error, name, logger);
  }
}

function toErrorReply(error: unknown, command: string, logger?: Logger): Doc {
  const commandError = asCommandError(error);
  if (commandError) return commandError.toReply();
  const message = error instanceof Error ? error.message : String(error);
  logger?.warn?.('embedded mongo internal error', { command, error: message });
  return new MongoCommandError(
    ErrorCode.InternalError,
    `embedded MongoDB server error in '${command}': ${message}`,
  ).toReply();
}
