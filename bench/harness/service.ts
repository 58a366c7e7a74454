import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A service process for benchmarks. Its log goes to a file, not a pipe: under load the benchmark process
 * is busy and reads a pipe late, and a service whose synchronous log write waits for a full pipe stalls
 * as a whole, which would be measured as the service's own stall.
 */
export interface BenchService {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote, its JSON log lines and anything else. */
  readonly logFile: string;
  /** The JSON log lines written so far. */
  logs(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

function readLog(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

export async function startBenchService(env: Record<string, string>): Promise<BenchService> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'stempel-bench-')), 'service.log');
  const out = openSync(file, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = once(child, 'exit');
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!url) {
    if (child.exitCode !== null)
      throw new Error(`service exited before ready:\n${readFileSync(file, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`service not ready in time:\n${readFileSync(file, 'utf8')}`);
    url = readLog(file).find((entry) => entry.msg === 'stempel is ready')?.url as string | undefined;
    if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    url,
    logFile: file,
    logs: () => readLog(file),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
