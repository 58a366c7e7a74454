import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceProcess, startServiceProcess } from '../support/service-process.js';

const root = path.resolve(import.meta.dirname, '../..');
let scratch: string;
let dataDir: string;
let home: string;
let service: ServiceProcess;
const failedAt = Date.now() - 3_600_000;

/** The CLI as `npm run cli` runs it, with the environment of a second terminal: no MONGODB_URI. */
function cli(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args],
      { cwd: root, env: { ...process.env, MONGODB_URI: '', DATA_DIR: dataDir }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'stempel-embedded-'));
  dataDir = path.join(scratch, 'data');
  home = path.join(scratch, 'home');
  // A download that failed an hour ago, as an offline machine remembers it.
  await mkdir(path.join(home, '.cache', 'stempel'), { recursive: true });
  await writeFile(
    path.join(home, '.cache', 'stempel', 'mongod-unavailable.json'),
    JSON.stringify({ failedAt, cause: 'fastdl.mongodb.org unreachable' }),
  );
  await mkdir(path.join(scratch, 'binaries'));
  service = await startServiceProcess(
    {
      MONGODB_URI: '',
      DATABASE_FALLBACK: 'auto',
      DATA_DIR: dataDir,
      HOME: home,
      MONGOMS_DOWNLOAD_DIR: path.join(scratch, 'binaries'),
      MONGOMS_SYSTEM_BINARY: '',
      SEED_EXAMPLE: 'true',
      SCHEDULER_PROCESS_EVERY_MS: '200',
      SWEEP_INTERVAL_MS: '200',
    },
    { readyTimeoutMs: 60_000 },
  );
}, 90_000);

afterAll(async () => {
  if (service && service.child.exitCode === null) {
    service.child.kill('SIGTERM');
    await service.exit();
  }
  await rm(scratch, { recursive: true, force: true });
});

describe('the embedded default, as the README walks through it', () => {
  it('says which database it chose and why: the remembered download failure and until when', () => {
    const line = service.logs.find((entry) => entry.database);
    expect(line).toMatchObject({ database: 'embedded', level: 'warn' });
    const reason = String(line?.reason);
    expect(reason).toContain(`download failed at ${new Date(failedAt).toISOString()}`);
    expect(reason).toContain('fastdl.mongodb.org unreachable');
    expect(reason).toContain(`remembered until ${new Date(failedAt + 86_400_000).toISOString()}`);
    expect(String(line?.msg)).toContain(reason);
  });

  it('lets the CLI create a token on it, through the runtime file in DATA_DIR', {
    timeout: 180_000,
  }, async () => {
    const runtime = JSON.parse(await readFile(path.join(dataDir, 'runtime.json'), 'utf8'));
    expect(runtime).toMatchObject({ pid: service.child.pid, kind: 'embedded', db: 'stempel' });

    // The README's example, word for word.
    const created = await cli([
      'token',
      'create',
      '--user',
      'ans@debrug.example',
      '--scopes',
      'admin',
      '--name',
      'my script',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain(`service running as process ${service.child.pid}`);
    const token = created.stdout.trim();
    expect(token).toMatch(/^stp_/);
    const me = await fetch(`${service.url}/api/actions?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
  });

  it('serves /metrics with process, pool and due-sweep metrics', async () => {
    const scrape = async () => (await fetch(`${service.url}/metrics`)).text();
    await expect
      .poll(scrape, { timeout: 30_000 })
      .toMatch(/^stempel_due_sweep_duration_seconds_count [1-9]/m);
    const text = await scrape();
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^stempel_db_pool_connections\{state="open"\} [1-9]/m);
    expect(text).toContain('# TYPE stempel_executions_total counter');
  });

  it('removes the runtime file when it stops, after which the CLI says how to reach a database', {
    timeout: 180_000,
  }, async () => {
    service.child.kill('SIGTERM');
    expect((await service.exit()).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'runtime.json'))).toBe(false);
    const refused = await cli(['token', 'list']);
    expect(refused.code).toBe(78);
    expect(refused.stderr).toContain('start the service first');
  });
});
