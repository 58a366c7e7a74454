import { ObjectId } from 'bson';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crc32c } from '../../../src/store/embedded/crc32c.js';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../../src/store/embedded/server.js';
import { OP_MSG, OP_REPLY, opCompressed, opMsg, opQuery, RawClient } from './raw-client.js';

let server: EmbeddedMongo;
let client: RawClient;

beforeAll(async () => {
  server = await startEmbeddedMongo();
});

afterAll(async () => {
  await server.stop();
});

afterEach(() => {
  client?.close();
});

const open = async () => {
  client = await RawClient.open(server.port);
  return client;
};

describe('CRC-32C', () => {
  it('matches the standard check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });
});

describe('OP_MSG framing', () => {
  it('answers a plain command with a reply addressed to the request', async () => {
    const raw = await open();
    raw.send(opMsg({ requestId: 7, body: { ping: 1, $db: 'admin' } }));
    const reply = await raw.next();
    expect(reply).toMatchObject({ opCode: OP_MSG, responseTo: 7, flags: 0, body: { ok: 1 } });
  });

  it('merges kind 1 document sequences into the command', async () => {
    const raw = await open();
    const ids = [new ObjectId(), new ObjectId()];
    raw.send(
      opMsg({
        requestId: 1,
        body: { insert: 'seq', $db: 'wire_sequences' },
        sequences: { documents: ids.map((_id, i) => ({ _id, i })) },
      }),
    );
    expect((await raw.next())?.body).toMatchObject({ ok: 1, n: 2 });
    raw.send(
      opMsg({ requestId: 2, body: { find: 'seq', filter: {}, sort: { i: 1 }, $db: 'wire_sequences' } }),
    );
    const found = (await raw.next())?.body.cursor.firstBatch as Array<{ _id: ObjectId; i: number }>;
    expect(found.map((doc) => doc._id.toHexString())).toEqual(ids.map((id) => id.toHexString()));
  });

  it('rejects a field given both in the body and as a sequence by closing the connection', async () => {
    const raw = await open();
    raw.send(
      opMsg({
        requestId: 1,
        body: { insert: 'seq', documents: [], $db: 'wire_sequences' },
        sequences: { documents: [{ a: 1 }] },
      }),
    );
    expect(await raw.next()).toBeUndefined();
    expect(raw.closed).toBe(true);
  });

  it('verifies a request checksum and checksums the reply', async () => {
    const raw = await open();
    raw.send(opMsg({ requestId: 3, body: { ping: 1, $db: 'admin' }, checksum: 'valid' }));
    const reply = await raw.next();
    expect(reply?.body.ok).toBe(1);
    expect(reply?.flags).toBe(1);
    expect(reply?.checksumValid).toBe(true);
  });

  it('drops the connection when the checksum is wrong', async () => {
    const raw = await open();
    raw.send(opMsg({ requestId: 4, body: { ping: 1, $db: 'admin' }, checksum: 'corrupt' }));
    expect(await raw.next()).toBeUndefined();
    expect(await raw.waitForClose()).toBe(true);
  });

  it('does not reply to moreToCome messages but still executes them', async () => {
    const raw = await open();
    raw.send(
      opMsg({ requestId: 10, flags: 2, body: { insert: 'fire', documents: [{ x: 1 }], $db: 'wire_more' } }),
    );
    raw.send(opMsg({ requestId: 11, body: { count: 'fire', $db: 'wire_more' } }));
    const reply = await raw.next();
    expect(reply?.responseTo).toBe(11);
    expect(reply?.body).toMatchObject({ ok: 1, n: 1 });
  });

  it('closes the connection on unknown required flag bits', async () => {
    const raw = await open();
    raw.send(opMsg({ requestId: 12, flags: 1 << 5, body: { ping: 1, $db: 'admin' } }));
    expect(await raw.next()).toBeUndefined();
  });

  it('handles a message split across many writes and two messages in one write', async () => {
    const raw = await open();
    const first = opMsg({ requestId: 20, body: { ping: 1, $db: 'admin' } });
    for (const byte of first) raw.send(Buffer.from([byte]));
    expect((await raw.next())?.responseTo).toBe(20);
    raw.send(
      Buffer.concat([
        opMsg({ requestId: 21, body: { ping: 1, $db: 'admin' } }),
        opMsg({ requestId: 22, body: { ping: 1, $db: 'admin' } }),
      ]),
    );
    expect((await raw.next())?.responseTo).toBe(21);
    expect((await raw.next())?.responseTo).toBe(22);
  });
});

describe('legacy opcodes', () => {
  it('answers the OP_QUERY isMaster handshake with OP_REPLY', async () => {
    const raw = await open();
    raw.send(opQuery(30, 'admin.$cmd', { isMaster: 1, helloOk: true }));
    const reply = await raw.next();
    expect(reply?.opCode).toBe(OP_REPLY);
    expect(reply?.responseTo).toBe(30);
    expect(reply?.body).toMatchObject({ ok: 1, ismaster: true, helloOk: true, minWireVersion: 0 });
    expect(reply?.body.maxWireVersion).toBeGreaterThanOrEqual(9);
    expect(reply?.body).not.toHaveProperty('compression');
  });

  it('refuses other OP_QUERY commands with code 352', async () => {
    const raw = await open();
    raw.send(opQuery(31, 'admin.$cmd', { ping: 1 }));
    const reply = await raw.next();
    expect(reply?.opCode).toBe(OP_REPLY);
    expect(reply?.body).toMatchObject({ ok: 0, code: 352 });
  });

  it('refuses OP_COMPRESSED with an error naming it, then closes', async () => {
    const raw = await open();
    raw.send(opCompressed(32, OP_MSG));
    const reply = await raw.next();
    expect(reply?.body.ok).toBe(0);
    expect(reply?.body.errmsg).toContain('OP_COMPRESSED');
    expect(await raw.waitForClose()).toBe(true);
  });

  it('closes the connection on removed opcodes such as OP_QUERY-era OP_INSERT (2002)', async () => {
    const raw = await open();
    const message = opQuery(33, 'db.coll', { a: 1 });
    message.writeInt32LE(2002, 12);
    raw.send(message);
    expect(await raw.next()).toBeUndefined();
    expect(raw.closed).toBe(true);
  });
});

describe('startEmbeddedMongo', () => {
  it('refuses to listen on a non-loopback address', async () => {
    await expect(startEmbeddedMongo({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('gives a directConnection URI on the chosen port and stops cleanly', async () => {
    const other = await startEmbeddedMongo({ port: 0 });
    expect(other.uri).toBe(`mongodb://127.0.0.1:${other.port}/?directConnection=true`);
    const raw = await RawClient.open(other.port);
    await other.stop();
    expect(await raw.waitForClose()).toBe(true);
    await expect(RawClient.open(other.port)).rejects.toThrow();
  });
});
