import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Every JSON log line the process wrote so far, in order. */
  readonly logs: Array<Record<string, unknown>>;
  readonly stderr: string[];
  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `src/main.ts` as a real child process (through tsx, so tests need no build) and resolves once it
 * logs that it is ready. Rejects with the collected output when it exits first.
 */
export async function startServiceProcess(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'stempel is ready') resolve(String(entry.url));
      } catch {
        stderr.push(line);
      }
    });
    exited.then(({ code }) =>
      reject(new Error(`service exited (${code}) before ready:\n${stderr.join('\n')}`)),
    );
    setTimeout(
      () => reject(new Error(`service not ready in time:\n${stderr.join('\n')}`)),
      options.readyTimeoutMs ?? 20_000,
    ).unref();
  });
  try {
    const url = await ready;
    return { child, url, logs, stderr, exit: () => exited };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
