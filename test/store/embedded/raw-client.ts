/**
 * A deliberately independent wire-protocol client for framing tests: it builds messages byte by byte
 * instead of reusing the server's encoder, so both sides are not wrong in the same way.
 */
import { connect, type Socket } from 'node:net';
import { type Document, deserialize, serialize } from 'bson';
import { crc32c } from '../../../src/store/embedded/crc32c.js';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export interface RawReply {
  requestId: number;
  responseTo: number;
  opCode: number;
  flags: number;
  body: Document;
  /** For OP_MSG replies: whether a valid CRC-32C trailer was present. */
  checksumValid?: boolean;
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const buffer = Buffer.alloc(16);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(requestId, 4);
  buffer.writeInt32LE(0, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

export interface OpMsgOptions {
  requestId: number;
  body: Document;
  sequences?: Record<string, Document[]>;
  flags?: number;
  /** Append a CRC-32C trailer (and set flag bit 0); `corrupt` appends a wrong one. */
  checksum?: 'valid' | 'corrupt';
}

export function opMsg(options: OpMsgOptions): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(serialize(options.body))];
  for (const [identifier, documents] of Object.entries(options.sequences ?? {})) {
    const name = Buffer.from(`${identifier}\0`, 'utf8');
    const docs = documents.map((doc) => Buffer.from(serialize(doc)));
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + name.length + docs.reduce((sum, doc) => sum + doc.length, 0));
    parts.push(Buffer.from([1]), size, name, ...docs);
  }
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(((options.flags ?? 0) | (options.checksum ? 1 : 0)) >>> 0);
  const payload = Buffer.concat([flags, ...parts]);
  const length = 16 + payload.length + (options.checksum ? 4 : 0);
  const message = Buffer.concat([header(length, options.requestId, OP_MSG), payload], length);
  if (options.checksum) {
    const crc = crc32c(message.subarray(0, length - 4));
    message.writeUInt32LE(options.checksum === 'valid' ? crc : (crc ^ 0xffff) >>> 0, length - 4);
  }
  return message;
}

export function opQuery(requestId: number, namespace: string, query: Document): Buffer {
  const flags = Buffer.alloc(4);
  const name = Buffer.from(`${namespace}\0`, 'utf8');
  const skipAndReturn = Buffer.alloc(8);
  skipAndReturn.writeInt32LE(-1, 4); // numberToReturn
  const body = Buffer.concat([flags, name, skipAndReturn, Buffer.from(serialize(query))]);
  return Buffer.concat([header(16 + body.length, requestId, OP_QUERY), body]);
}

export function opCompressed(requestId: number, originalOpCode: number): Buffer {
  const inner = Buffer.from(serialize({ ping: 1, $db: 'admin' }));
  const details = Buffer.alloc(9);
  details.writeInt32LE(originalOpCode, 0);
  details.writeInt32LE(inner.length + 5, 4);
  details[8] = 0; // noop compressor
  const body = Buffer.concat([details, Buffer.from([0, 0, 0, 0, 0]), inner]);
  return Buffer.concat([header(16 + body.length, requestId, OP_COMPRESSED), body]);
}

function parseReply(frame: Buffer): RawReply {
  const requestId = frame.readInt32LE(4);
  const responseTo = frame.readInt32LE(8);
  const opCode = frame.readInt32LE(12);
  if (opCode === OP_REPLY) {
    const body = deserialize(frame.subarray(36));
    return { requestId, responseTo, opCode, flags: frame.readInt32LE(16), body };
  }
  const flags = frame.readUInt32LE(16);
  const hasChecksum = (flags & 1) !== 0;
  const end = hasChecksum ? frame.length - 4 : frame.length;
  if (frame[20] !== 0) throw new Error(`reply starts with section kind ${frame[20]}`);
  const body = deserialize(frame.subarray(21, end));
  const checksumValid = hasChecksum ? crc32c(frame.subarray(0, end)) === frame.readUInt32LE(end) : undefined;
  return { requestId, responseTo, opCode, flags, body, checksumValid };
}

export class RawClient {
  private buffer = Buffer.alloc(0);
  private readonly replies: RawReply[] = [];
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 4 && this.buffer.length >= this.buffer.readInt32LE(0)) {
        const length = this.buffer.readInt32LE(0);
        this.replies.push(parseReply(this.buffer.subarray(0, length)));
        this.buffer = this.buffer.subarray(length);
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  send(message: Buffer): void {
    this.socket.write(message);
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /**
   * The next reply, or undefined once the server closed the connection. Waits for the reply or the close
   * itself rather than for a time, so a loaded machine is only slower, never wrong; a server that does
   * neither is caught by the test's own timeout.
   */
  async next(): Promise<RawReply | undefined> {
    while (this.replies.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.replies.shift();
  }

  async waitForClose(): Promise<boolean> {
    while (!this.closed) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}
