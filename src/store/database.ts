import { lookup as dnsLookup } from 'node:dns/promises';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../observability/logger.js';
import { describeUri } from '../observability/logger.js';

export type DatabaseKind = 'external' | 'memory-server' | 'embedded';

export interface ResolvedDatabase {
  readonly kind: DatabaseKind;
  readonly uri: string;
  /** Human-readable description for start-up logs, without credentials. */
  readonly label: string;
  stop(): Promise<void>;
}

export interface ResolveOptions {
  uri?: string | undefined;
  fallback: 'auto' | 'memory-server' | 'embedded';
  /** Persistent data directory for mongodb-memory-server; temporary when absent (tests). */
  dataDir?: string | undefined;
  logger?: Logger | undefined;
}

/** After a failed download we skip further attempts for a day, so offline start-ups stay fast. */
const downloadRetryAfterMs = 24 * 60 * 60 * 1000;
const unavailableMarker = path.join(homedir(), '.cache', 'stempel', 'mongod-unavailable.json');

/**
 * The database resolution of ARCHITECTURE.md §6, shared by `npm start` and `npm test`:
 * MONGODB_URI, else mongodb-memory-server, else the embedded wire server.
 */
export async function resolveDatabase(options: ResolveOptions): Promise<ResolvedDatabase> {
  const { logger } = options;
  if (options.uri) {
    return {
      kind: 'external',
      uri: options.uri,
      label: `MongoDB at ${describeUri(options.uri)}`,
      stop: async () => {},
    };
  }
  if (options.fallback !== 'embedded') {
    const memory = await tryMemoryServer(options.dataDir, logger);
    if (memory) return memory;
    if (options.fallback === 'memory-server') {
      throw new Error('DATABASE_FALLBACK=memory-server, but no mongod binary could be found or downloaded');
    }
  }
  const { startEmbeddedMongo } = await import('./embedded/server.js');
  const embedded = await startEmbeddedMongo();
  return {
    kind: 'embedded',
    uri: embedded.uri,
    label: `EMBEDDED in-memory wire server at ${embedded.uri} — data is lost on exit; never use it in production`,
    stop: () => embedded.stop(),
  };
}

async function tryMemoryServer(
  dataDir: string | undefined,
  logger?: Logger,
): Promise<ResolvedDatabase | undefined> {
  const binary = await findMongodBinary(logger);
  if (!binary) return undefined;
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const instance = dataDir
    ? { dbPath: path.resolve(dataDir, 'mongodb'), storageEngine: 'wiredTiger' as const }
    : { storageEngine: 'wiredTiger' as const };
  if (instance.dbPath) await mkdir(instance.dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ binary: { systemBinary: binary }, instance });
  const uri = server.getUri();
  return {
    kind: 'memory-server',
    uri,
    label: `mongodb-memory-server (${binary}) at ${uri}${instance.dbPath ? `, data in ${instance.dbPath}` : ', temporary data'}`,
    stop: async () => {
      await server.stop({ doCleanup: !instance.dbPath, force: false });
    },
  };
}

/**
 * Finds a mongod without downloading when possible (MONGOMS_SYSTEM_BINARY or an earlier download), and
 * otherwise downloads once; a failed download is remembered so the next start-up fails in milliseconds.
 */
async function findMongodBinary(logger?: Logger): Promise<string | undefined> {
  const { DryMongoBinary, MongoBinary } = await import('mongodb-memory-server-core');
  const located = await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions());
  if (located) return located;
  if (process.env.MONGOMS_RUNTIME_DOWNLOAD === 'false' || (await recentlyUnavailable())) return undefined;
  if (!(await resolves(downloadHost()))) {
    // Offline: a download would only fail, after seconds of retries inside mongodb-memory-server.
    logger?.info({ host: downloadHost() }, 'mongod download host unreachable; not downloading');
    await rememberUnavailable();
    return undefined;
  }
  try {
    logger?.info('no mongod binary found; trying to download one for mongodb-memory-server');
    return await MongoBinary.getPath();
  } catch (error) {
    logger?.warn({ reason: (error as Error).message.split('\n')[0] }, 'mongod download failed');
    await rememberUnavailable();
    return undefined;
  }
}

function downloadHost(): string {
  const mirror = process.env.MONGOMS_DOWNLOAD_MIRROR;
  try {
    return mirror ? new URL(mirror).hostname : 'fastdl.mongodb.org';
  } catch {
    return 'fastdl.mongodb.org';
  }
}

/** Whether a host name resolves within two seconds: a cheap test of being online. */
async function resolves(host: string): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
  const lookup = dnsLookup(host).then(
    () => true,
    () => false,
  );
  return Promise.race([lookup, timeout]);
}

async function recentlyUnavailable(): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(unavailableMarker, 'utf8')) as { failedAt?: number };
    return typeof marker.failedAt === 'number' && Date.now() - marker.failedAt < downloadRetryAfterMs;
  } catch {
    return false;
  }
}

async function rememberUnavailable(): Promise<void> {
  try {
    await mkdir(path.dirname(unavailableMarker), { recursive: true });
    await writeFile(unavailableMarker, JSON.stringify({ failedAt: Date.now() }));
  } catch {
    // A read-only home only costs the next start-up another download attempt.
  }
}
