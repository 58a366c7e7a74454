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
  /** Why this one was chosen, for start-up logs: "no mongod: download failed at …, remembered until …". */
  readonly reason: string;
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

/** Where to find a mongod, or why there is none. */
type MongodSearch = { binary: string; reason: string } | { binary?: undefined; reason: string };

/**
 * The database resolution of docs/architecture.md §6, shared by `npm start` and `npm test`:
 * MONGODB_URI, else mongodb-memory-server, else the embedded wire server.
 */
export async function resolveDatabase(options: ResolveOptions): Promise<ResolvedDatabase> {
  const { logger } = options;
  if (options.uri) {
    return {
      kind: 'external',
      uri: options.uri,
      label: `MongoDB at ${describeUri(options.uri)}`,
      reason: 'MONGODB_URI is set',
      stop: async () => {},
    };
  }
  let reason = 'DATABASE_FALLBACK=embedded';
  if (options.fallback !== 'embedded') {
    const search = await findMongodBinary(logger);
    if (search.binary) return startMemoryServer(search.binary, search.reason, options.dataDir);
    if (options.fallback === 'memory-server') {
      throw new Error(`DATABASE_FALLBACK=memory-server, but ${search.reason}`);
    }
    reason = search.reason;
  }
  const { startEmbeddedMongo } = await import('./embedded/server.js');
  const embedded = await startEmbeddedMongo();
  return {
    kind: 'embedded',
    uri: embedded.uri,
    label: `EMBEDDED in-memory wire server at ${embedded.uri} — data is lost on exit; never use it in production`,
    reason,
    stop: () => embedded.stop(),
  };
}

async function startMemoryServer(
  binary: string,
  reason: string,
  dataDir: string | undefined,
): Promise<ResolvedDatabase> {
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
    reason,
    stop: async () => {
      await server.stop({ doCleanup: !instance.dbPath, force: false });
    },
  };
}

/**
 * Finds a mongod without downloading when possible (MONGOMS_SYSTEM_BINARY or an earlier download), and
 * otherwise downloads once; a failed download is remembered so the next start-up fails in milliseconds.
 */
async function findMongodBinary(logger?: Logger): Promise<MongodSearch> {
  const { DryMongoBinary, MongoBinary } = await import('mongodb-memory-server-core');
  const located = await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions());
  if (located) {
    const how = process.env.MONGOMS_SYSTEM_BINARY ? 'MONGOMS_SYSTEM_BINARY' : 'an earlier download';
    return { binary: located, reason: `no MONGODB_URI; mongod from ${how}` };
  }
  if (process.env.MONGOMS_RUNTIME_DOWNLOAD === 'false') {
    return { reason: 'no mongod: none installed and MONGOMS_RUNTIME_DOWNLOAD=false' };
  }
  const remembered = await rememberedFailure();
  if (remembered) return { reason: describeFailure(remembered) };
  if (!(await resolves(downloadHost()))) {
    // Offline: a download would only fail, after seconds of retries inside mongodb-memory-server.
    logger?.info({ host: downloadHost() }, 'mongod download host unreachable; not downloading');
    return { reason: describeFailure(await rememberFailure(`${downloadHost()} unreachable`)) };
  }
  try {
    logger?.info('no mongod binary found; trying to download one for mongodb-memory-server');
    return { binary: await MongoBinary.getPath(), reason: 'no MONGODB_URI; mongod downloaded just now' };
  } catch (error) {
    const cause = (error as Error).message.split('\n')[0] ?? 'unknown error';
    logger?.warn({ reason: cause }, 'mongod download failed');
    return { reason: describeFailure(await rememberFailure(cause)) };
  }
}

interface DownloadFailure {
  failedAt: number;
  cause?: string;
}

function describeFailure(failure: DownloadFailure): string {
  const until = new Date(failure.failedAt + downloadRetryAfterMs).toISOString();
  const cause = failure.cause ? ` (${failure.cause})` : '';
  return (
    `no mongod: download failed at ${new Date(failure.failedAt).toISOString()}${cause}, ` +
    `remembered until ${until} in ${unavailableMarker}`
  );
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

/** The failure remembered from an earlier start-up, while it is recent enough to trust. */
async function rememberedFailure(): Promise<DownloadFailure | undefined> {
  try {
    const marker = JSON.parse(await readFile(unavailableMarker, 'utf8')) as Partial<DownloadFailure>;
    if (typeof marker.failedAt !== 'number' || Date.now() - marker.failedAt >= downloadRetryAfterMs) {
      return undefined;
    }
    return {
      failedAt: marker.failedAt,
      ...(typeof marker.cause === 'string' ? { cause: marker.cause } : {}),
    };
  } catch {
    return undefined;
  }
}

async function rememberFailure(cause: string): Promise<DownloadFailure> {
  const failure = { failedAt: Date.now(), cause };
  try {
    await mkdir(path.dirname(unavailableMarker), { recursive: true });
    await writeFile(unavailableMarker, JSON.stringify(failure));
  } catch {
    // A read-only home only costs the next start-up another download attempt.
  }
  return failure;
}
