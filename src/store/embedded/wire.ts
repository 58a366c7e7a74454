/**
 * MongoDB wire protocol framing: just enough of it for the real driver. Modern drivers speak OP_MSG for
 * everything except the very first legacy handshake (OP_QUERY `isMaster`), which gets an OP_REPLY.
 * https://github.com/mongodb/specifications/blob/master/source/message/OP_MSG.md
 */
import { type Document, deserialize, serialize } from 'bson';
import { crc32c } from './crc32c.js';

export const OpCode = { reply: 1, query: 2004, compressed: 2012, msg: 2013 } as const;

const HEADER_SIZE = 16;
const FLAG_CHECKSUM_PRESENT = 1 << 0;
const FLAG_MORE_TO_COME = 1 << 1;
/** Bits 0-15 are "required": a receiver must reject any it does not know. Bit 16 (exhaustAllowed) is optional. */
const KNOWN_REQUIRED_FLAGS = FLAG_CHECKSUM_PRESENT | FLAG_MORE_TO_COME;

export const MAX_MESSAGE_SIZE = 48_000_000;
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

/** The peer broke the protocol; the only safe reaction is to drop the connection. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export type IncomingMessage =
  | { kind: 'msg'; requestId: number; body: Document; moreToCome: boolean; checksumPresent: boolean }
  | { kind: 'query'; requestId: number; namespace: string; query: Document }
  | { kind: 'compressed'; requestId: number; originalOpCode: number }
  | { kind: 'unsupported'; requestId: number; opCode: number };

/** Decoding keeps BSON number wrappers (Int32, Double, Long) so the server can preserve numeric types. */
const DESERIALIZE_OPTIONS = { promoteValues: false } as const;

/** The declared length of the message starting at `buffer` (which holds at least 4 bytes). */
export function declaredLength(buffer: Buffer): number {
  const length = buffer.readInt32LE(0);
  if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) {
    throw new ProtocolError(`invalid message length ${length}`);
  }
  return length;
}

export function decodeMessage(frame: Buffer): IncomingMessage {
  const requestId = frame.readInt32LE(4);
  const opCode = frame.readInt32LE(12);
  switch (opCode) {
    case OpCode.msg:
      return decodeOpMsg(frame, requestId);
    case OpCode.query:
      return decodeOpQuery(frame, requestId);
    case OpCode.compressed:
      return { kind: 'compressed', requestId, originalOpCode: frame.readInt32LE(HEADER_SIZE) };
    default:
      return { kind: 'unsupported', requestId, opCode };
  }
}

function decodeOpMsg(frame: Buffer, requestId: number): IncomingMessage {
  const flags = frame.readUInt32LE(HEADER_SIZE);
  const unknownRequired = flags & 0xffff & ~KNOWN_REQUIRED_FLAGS;
  if (unknownRequired !== 0)
    throw new ProtocolError(`unsupported OP_MSG flag bits 0x${unknownRequired.toString(16)}`);
  const checksumPresent = (flags & FLAG_CHECKSUM_PRESENT) !== 0;
  let end = frame.length;
  if (checksumPresent) {
    end -= 4;
    if (end < HEADER_SIZE + 4) throw new ProtocolError('OP_MSG too short for its checksum');
    const expected = frame.readUInt32LE(end);
    if (crc32c(frame.subarray(0, end)) !== expected) throw new ProtocolError('OP_MSG checksum mismatch');
  }
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  let offset = HEADER_SIZE + 4;
  while (offset < end) {
    const kind = frame[offset++];
    if (kind === 0) {
      if (body) throw new ProtocolError('OP_MSG has more than one body section');
      const size = bsonSizeAt(frame, offset, end);
      body = deserialize(frame.subarray(offset, offset + size), DESERIALIZE_OPTIONS);
      offset += size;
    } else if (kind === 1) {
      const [identifier, documents, next] = decodeSequence(frame, offset, end);
      sequences.push([identifier, documents]);
      offset = next;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG has no body section');
  for (const [identifier, documents] of sequences) {
    if (identifier in body)
      throw new ProtocolError(`OP_MSG field '${identifier}' is both in the body and a sequence`);
    body[identifier] = documents;
  }
  return { kind: 'msg', requestId, body, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0, checksumPresent };
}

function decodeSequence(frame: Buffer, start: number, end: number): [string, Document[], number] {
  if (start + 4 > end) throw new ProtocolError('truncated OP_MSG document sequence');
  const size = frame.readInt32LE(start);
  const sequenceEnd = start + size;
  if (size < 5 || sequenceEnd > end) throw new ProtocolError('invalid OP_MSG document sequence size');
  const nul = frame.indexOf(0, start + 4);
  if (nul < 0 || nul >= sequenceEnd) throw new ProtocolError('unterminated OP_MSG sequence identifier');
  const identifier = frame.toString('utf8', start + 4, nul);
  const documents: Document[] = [];
  let offset = nul + 1;
  while (offset < sequenceEnd) {
    const docSize = bsonSizeAt(frame, offset, sequenceEnd);
    documents.push(deserialize(frame.subarray(offset, offset + docSize), DESERIALIZE_OPTIONS));
    offset += docSize;
  }
  return [identifier, documents, sequenceEnd];
}

function decodeOpQuery(frame: Buffer, requestId: number): IncomingMessage {
  const nameStart = HEADER_SIZE + 4; // after flags
  const nul = frame.indexOf(0, nameStart);
  if (nul < 0) throw new ProtocolError('unterminated OP_QUERY collection name');
  const namespace = frame.toString('utf8', nameStart, nul);
  const queryStart = nul + 1 + 8; // numberToSkip, numberToReturn
  const size = bsonSizeAt(frame, queryStart, frame.length);
  const query = deserialize(frame.subarray(queryStart, queryStart + size), DESERIALIZE_OPTIONS);
  return { kind: 'query', requestId, namespace, query };
}

function bsonSizeAt(frame: Buffer, offset: number, end: number): number {
  if (offset + 5 > end) throw new ProtocolError('truncated BSON document');
  const size = frame.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new ProtocolError('BSON document size exceeds its section');
  return size;
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const buffer = Buffer.alloc(HEADER_SIZE);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(nextRequestId, 4);
  nextRequestId = (nextRequestId + 1) & 0x7fffffff;
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

/** An OP_MSG reply with one body section; checksummed when the request was (as mongod does). */
/** Aggregation results can hold `undefined` for absent fields; MongoDB omits those fields. */
const SERIALIZE_OPTIONS = { ignoreUndefined: true } as const;

export function encodeMsgReply(responseTo: number, body: Document, withChecksum = false): Buffer {
  const payload = serialize(body, SERIALIZE_OPTIONS);
  const length = HEADER_SIZE + 4 + 1 + payload.length + (withChecksum ? 4 : 0);
  const flags = Buffer.alloc(5);
  flags.writeUInt32LE(withChecksum ? FLAG_CHECKSUM_PRESENT : 0, 0);
  flags[4] = 0; // section kind 0
  const message = Buffer.concat([header(length, responseTo, OpCode.msg), flags, payload], length);
  if (withChecksum) message.writeUInt32LE(crc32c(message.subarray(0, length - 4)), length - 4);
  return message;
}

/** An OP_REPLY carrying a single document, the answer to a legacy OP_QUERY command. */
export function encodeOpReply(responseTo: number, document: Document): Buffer {
  const payload = serialize(document, SERIALIZE_OPTIONS);
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(0, 0); // responseFlags
  fields.writeBigInt64LE(0n, 4); // cursorID
  fields.writeInt32LE(0, 12); // startingFrom
  fields.writeInt32LE(1, 16); // numberReturned
  const length = HEADER_SIZE + fields.length + payload.length;
  return Buffer.concat([header(length, responseTo, OpCode.reply), fields, payload], length);
}
