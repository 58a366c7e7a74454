/** What a command handler gets to work with. */
import type { Catalog } from '../engine/catalog.js';
import type { CursorRegistry } from '../engine/cursors.js';
import type { Doc } from '../engine/values.js';
import type { CommandArgs } from './args.js';

export interface ServerState {
  readonly catalog: Catalog;
  readonly cursors: CursorRegistry;
}

export interface CommandContext {
  readonly state: ServerState;
  /** The database the command runs against (`$db`). */
  readonly database: string;
  readonly connectionId: number;
}

export interface CommandDefinition {
  /** Fields the command understands besides its name and the generic driver fields. */
  readonly options: readonly string[];
  /** Fields MongoDB knows that this server refuses with a "not supported" error. */
  readonly unsupported?: readonly string[];
  readonly adminOnly?: boolean;
  /**
   * Accept fields beyond `options`. Only for the handshake, whose fields are hints that drivers keep
   * adding (e.g. `backpressure`) and that mongod tolerates.
   */
  readonly lenient?: boolean;
  run(args: CommandArgs, context: CommandContext): Doc;
}
