/**
 * One client connection: reassembles wire messages from the byte stream and answers each in order.
 * Commands run synchronously, so a message is fully processed before the next one is looked at.
 */
import type { Socket } from 'node:net';
import { type Logger, runCommand, type ServerState } from './commands/index.js';
import type { Doc } from './engine/values.js';
import { fromWire } from './engine/values.js';
import { ErrorCode, MongoCommandError } from './errors.js';
import {
  declaredLength,
  decodeMessage,
  encodeMsgReply,
  encodeOpReply,
  type IncomingMessage,
  OpCode,
  ProtocolError,
} from './wire.js';

/** The only commands MongoDB still answers over legacy OP_QUERY: the initial handshake. */
const LEGACY_HANDSHAKE = new Set(['hello', 'isMaster', 'ismaster']);

export class Connection {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(
    private readonly socket: Socket,
    private readonly state: ServerState,
    private readonly id: number,
    private readonly logger?: Logger,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    try {
      for (let frame = this.nextFrame(); frame; frame = this.nextFrame()) {
        this.handle(decodeMessage(frame));
        if (this.socket.destroyed || this.socket.writableEnded) return;
      }
    } catch (error) {
      this.logger?.warn?.('embedded mongo: dropping connection', { reason: (error as Error).message });
      this.socket.destroy();
    }
  }

  /** Takes one complete message off the buffered bytes, concatenating chunks only once it is whole. */
  private nextFrame(): Buffer | undefined {
    if (this.buffered < 4) return undefined;
    if (this.chunks[0]!.length < 4) this.chunks = [Buffer.concat(this.chunks)];
    const length = declaredLength(this.chunks[0]!);
    if (this.buffered < length) return undefined;
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    const rest = all.subarray(length);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, length);
  }

  private handle(message: IncomingMessage): void {
    switch (message.kind) {
      case 'msg': {
        const reply = this.run(fromWire(message.body) as Doc);
        if (!message.moreToCome)
          this.socket.write(encodeMsgReply(message.requestId, reply, message.checksumPresent));
        return;
      }
      case 'query':
        this.socket.write(
          encodeOpReply(message.requestId, this.legacyCommand(message.namespace, message.query)),
        );
        return;
      case 'compressed': {
        const error = new MongoCommandError(
          ErrorCode.BadValue,
          'OP_COMPRESSED is not supported by the embedded MongoDB server (it does not offer compression)',
        ).toReply();
        this.socket.end(
          message.originalOpCode === OpCode.msg
            ? encodeMsgReply(message.requestId, error)
            : encodeOpReply(message.requestId, error),
        );
        return;
      }
      case 'unsupported':
        throw new ProtocolError(`unsupported opcode ${message.opCode}`);
    }
  }

  private run(body: Doc): Doc {
    return runCommand(body, this.state, this.id, this.logger);
  }

  private legacyCommand(namespace: string, query: Doc): Doc {
    const body = fromWire(query.$query ?? query) as Doc;
    const name = Object.keys(body)[0] ?? '';
    if (!namespace.endsWith('.$cmd') || !LEGACY_HANDSHAKE.has(name)) {
      return new MongoCommandError(
        ErrorCode.UnsupportedOpQueryCommand,
        `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`,
      ).toReply();
    }
    return this.run({ ...body, $db: namespace.slice(0, -'.$cmd'.length) });
  }
}
