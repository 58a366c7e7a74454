import { afterEach, describe, expect, it } from 'vitest';
import { type ServiceProcess, startServiceProcess } from '../support/service-process.js';
import { actionsOf } from '../workflow/support/actions.js';
import { patchRecord, seedCourse, seedCourseType, seedPerson } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import type { TestWorkspace } from '../workflow/support/workspace.js';
import { openWorkspace } from '../workflow/support/workspace.js';
import { markAttendanceTemplate, storeParticipants } from './support.js';

/**
 * Real service processes on one database: the due-sweep under a crash (SIGKILL mid-sweep, then a restart)
 * and with two instances side by side. "Exactly once" is checked where it shows: one 'executed' entry per
 * action, and one update per participant record (a re-run after a crash finds the field already set).
 */
const running: ServiceProcess[] = [];

afterEach(() => {
  for (const service of running.splice(0)) if (service.child.exitCode === null) service.child.kill('SIGKILL');
});

async function dueWorkspace(name: string, count: number): Promise<{ ws: TestWorkspace; templateId: string }> {
  const ws = await openWorkspace(name, { start: new Date().toISOString() });
  const courseTypeId = (await seedCourseType(ws, 'load')).id;
  const template = await seedTemplate(ws, markAttendanceTemplate(courseTypeId), ws.users.automator);
  const course = await seedCourse(ws, courseTypeId, { maxParticipants: 5000 });
  const person = await seedPerson(ws);
  await storeParticipants(ws.stores, { courseId: course.record.id, personId: person.id }, count, {
    now: ws.clock.read(),
    prefix: 'prt',
  });
  await patchRecord(ws, course.record.id, { status: 'definitive' });
  return { ws, templateId: template.id };
}

function start(ws: TestWorkspace): Promise<ServiceProcess> {
  return startServiceProcess({
    MONGODB_URI: ws.database.uri,
    MONGODB_DB: ws.database.db.databaseName,
    SWEEP_INTERVAL_MS: '200',
    SWEEP_BATCH_SIZE: '50',
    SWEEP_BUDGET_MS: '3000',
    SCHEDULER_PROCESS_EVERY_MS: '100',
    EXECUTION_LEASE_MS: '2000',
    SWEEP_REPAIR_GRACE_MS: '2000',
    LOG_LEVEL: 'info',
  }).then((service) => {
    running.push(service);
    return service;
  });
}

async function executedCount(ws: TestWorkspace, templateId: string): Promise<number> {
  return (await ws.stores.actions.find({ templateId, states: ['executed'] }, { limit: 1, skip: 0 })).total;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A change cut off by a crash has its audit entry and events completed by a later sweep's repair. */
function repaired(ws: TestWorkspace): Promise<void> {
  return waitFor(
    async () => (await ws.stores.dossiers.pendingBefore(new Date(Date.now() + 60_000), 1)).length === 0,
    30_000,
    'the crash repair',
  );
}

async function expectExactlyOnce(ws: TestWorkspace, templateId: string, count: number): Promise<void> {
  const actions = await actionsOf(ws, templateId);
  expect(actions).toHaveLength(count);
  expect(actions.filter((action) => action.state !== 'executed')).toEqual([]);
  expect(
    actions.filter((action) => action.history.filter((entry) => entry.kind === 'executed').length !== 1),
  ).toEqual([]);
  expect(actions.filter((action) => action.lease !== undefined)).toEqual([]);
  const updates = (await ws.stores.audit.list({ entityType: 'dossier', limit: 10 * count })).filter(
    (entry) => entry.kind === 'dossier.updated' && entry.entity.id.startsWith('prt-'),
  );
  expect(updates).toHaveLength(count);
  expect(new Set(updates.map((entry) => entry.entity.id)).size).toBe(count);
}

describe('due-sweep in real service processes', () => {
  it('executes every due action exactly once across a SIGKILL in the middle of a sweep and a restart', async () => {
    const { ws, templateId } = await dueWorkspace('crash', 300);
    try {
      const first = await start(ws);
      await waitFor(async () => (await executedCount(ws, templateId)) >= 60, 60_000, 'the first executions');
      first.child.kill('SIGKILL');
      const { signal } = await first.exit();
      expect(signal).toBe('SIGKILL');
      const afterKill = await executedCount(ws, templateId);
      expect(afterKill).toBeLessThan(300);

      const second = await start(ws);
      await waitFor(async () => (await executedCount(ws, templateId)) === 300, 90_000, 'all executions');
      await repaired(ws);
      second.child.kill('SIGTERM');
      expect((await second.exit()).code).toBe(0);
      await expectExactlyOnce(ws, templateId, 300);
    } finally {
      await ws.close();
    }
  }, 180_000);

  it('two instances on one database execute 1,000 due actions exactly once', async () => {
    const { ws, templateId } = await dueWorkspace('instances', 1000);
    try {
      const [a, b] = await Promise.all([start(ws), start(ws)]);
      await waitFor(async () => (await executedCount(ws, templateId)) === 1000, 150_000, 'all executions');
      await repaired(ws);
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect((await a.exit()).code).toBe(0);
      expect((await b.exit()).code).toBe(0);
      await expectExactlyOnce(ws, templateId, 1000);
    } finally {
      await ws.close();
    }
  }, 240_000);
});
