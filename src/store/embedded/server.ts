/**
 * The embedded MongoDB wire server: an in-memory, loopback-only stand-in for mongod so the real driver
 * and Agenda's Mongo backend run where no mongod binary exists. Never a production store.
 */
import { createServer, isIP, type Server, type Socket } from 'node:net';
import type { Logger, ServerState } from './commands/index.js';
import { Connection } from './connection.js';
import { Catalog } from './engine/catalog.js';
import { CursorRegistry } from './engine/cursors.js';
import { removeExpiredDocuments } from './engine/ttl.js';

export interface EmbeddedMongo {
  readonly uri: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedMongoOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Must be a loopback address; defaults to 127.0.0.1. */
  host?: string;
  /** How often TTL indexes are enforced and idle cursors closed; mongod uses 60 s, tests want less. */
  ttlIntervalMs?: number;
  logger?: Logger;
}

export type { Logger } from './commands/index.js';

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host.startsWith('::ffff:127.');
  return false;
}

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new Error(
      `The embedded MongoDB server only listens on loopback addresses; refusing host '${host}'`,
    );
  }
  const state: ServerState = {
    catalog: new Catalog(),
    cursors: new CursorRegistry(),
  };
  const sockets = new Set<Socket>();
  let nextConnectionId = 1;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new Connection(socket, state, nextConnectionId++, options.logger);
  });
  const port = await listen(server, options.port ?? 0, host);
  const reaper = setInterval(() => {
    const now = Date.now();
    removeExpiredDocuments(state.catalog, now);
    state.cursors.expireIdle(now);
  }, options.ttlIntervalMs ?? 1000);
  reaper.unref();
  const uriHost = isIP(host) === 6 ? `[${host}]` : host;
  return {
    uri: `mongodb://${uriHost}:${port}/?directConnection=true`,
    port,
    stop: async () => {
      clearInterval(reaper);
      for (const socket of sockets) socket.destroy();
      state.cursors.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
