import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { startServiceProcess } from '../support/service-process.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('service lifecycle (child process)', () => {
  it('answers health and readiness, then shuts down in order on SIGTERM with exit code 0', async () => {
    const service = await startServiceProcess({
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: `lifecycle_${process.pid}`,
      SCHEDULER_PROCESS_EVERY_MS: '200',
    });
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      checks: { database: true, scheduler: true, accepting: true },
    });
    // Every timed job of the service is scheduled (a job that never is would fail silently).
    const client = await MongoClient.connect(inject('mongoUri'));
    try {
      const jobs = await client.db(`lifecycle_${process.pid}`).collection('agendaJobs').distinct('name');
      expect(jobs).toEqual(
        expect.arrayContaining(['due-sweep', 'escalations', 'live-copies-reconcile', 'time-conditions']),
      );
    } finally {
      await client.close();
    }

    service.child.kill('SIGTERM');
    const { code } = await service.exit();
    expect(code).toBe(0);
    // In the order the service took them, by the high-resolution moment each step carries: on a loaded
    // machine its asynchronous stdout writes can reach the pipe out of order (a write retried after
    // EAGAIN), and two steps can share a millisecond of the log's time.
    const steps = service.logs
      .filter((entry) => entry.step)
      .sort((a, b) => Number(a.at) - Number(b.at))
      .map((entry) => entry.step);
    expect(steps).toEqual([
      'readiness-off',
      'http-closed',
      'scheduler-drained',
      'delivery-stopped',
      'database-closed',
      'exit',
    ]);
  });

  it('refuses to start on an invalid environment value, naming the key but not the value', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
      cwd: root,
      env: { ...process.env, PORT: 'not-a-port', MONGODB_URI: 'http://secret-host' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('MONGODB_URI');
    expect(result.stderr).not.toContain('secret-host');
    expect(result.stderr).not.toContain('not-a-port');
  });
});

describe('embedded default', () => {
  it('starts on the embedded wire server when no MONGODB_URI is set and says so loudly', async () => {
    const service = await startServiceProcess({ MONGODB_URI: '', DATABASE_FALLBACK: 'embedded' });
    const databaseLine = service.logs.find((entry) => entry.database);
    expect(databaseLine).toMatchObject({ database: 'embedded', level: 'warn' });
    expect(String(databaseLine?.msg)).toContain('never use it in production');
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    service.child.kill('SIGTERM');
    expect((await service.exit()).code).toBe(0);
  });
});
