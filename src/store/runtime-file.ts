import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseKind } from './database.js';

/**
 * What a running service tells the CLI about its in-process database: the embedded wire server and
 * mongodb-memory-server listen on a loopback port chosen at start-up, so the CLI, started later without
 * MONGODB_URI, reads it from here (DATA_DIR/runtime.json).
 */
export interface RuntimeInfo {
  pid: number;
  kind: DatabaseKind;
  uri: string;
  db: string;
  startedAt: string;
}

export function runtimeFilePath(dataDir: string): string {
  return path.resolve(dataDir, 'runtime.json');
}

export async function writeRuntimeFile(dataDir: string, info: RuntimeInfo): Promise<void> {
  await mkdir(path.resolve(dataDir), { recursive: true });
  await writeFile(runtimeFilePath(dataDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** The file of a service that is still running; a file left by a crashed one counts as none. */
export async function readRuntimeFile(dataDir: string): Promise<RuntimeInfo | undefined> {
  let info: Partial<RuntimeInfo>;
  try {
    info = JSON.parse(await readFile(runtimeFilePath(dataDir), 'utf8')) as Partial<RuntimeInfo>;
  } catch {
    return undefined;
  }
  if (typeof info.pid !== 'number' || typeof info.uri !== 'string' || typeof info.db !== 'string') {
    return undefined;
  }
  return isRunning(info.pid) ? (info as RuntimeInfo) : undefined;
}

/** Removes the file at shutdown, unless another service on the same DATA_DIR has written its own since. */
export async function removeRuntimeFile(dataDir: string, pid: number): Promise<void> {
  const current = await readFile(runtimeFilePath(dataDir), 'utf8').catch(() => undefined);
  if (current === undefined) return;
  try {
    if ((JSON.parse(current) as Partial<RuntimeInfo>).pid !== pid) return;
  } catch {
    // An unreadable file helps no one: remove it.
  }
  await rm(runtimeFilePath(dataDir), { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
