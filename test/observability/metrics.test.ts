import { once } from 'node:events';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createChatDelivery } from '../../src/chat-delivery.js';
import type { ChatPlatform } from '../../src/delivery/platform.js';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import {
  deliveryMetrics,
  executionMetrics,
  observeDatabasePool,
  observeScheduler,
  recordSweepPass,
} from '../../src/observability/service-metrics.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import { executionPorts, markAttendanceTemplate, storeParticipants } from '../execution/support.js';
import { patchRecord, seedCourse, seedCourseType, seedPerson } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';

/** One sample's value from the exposition text, by its full series name with labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await openWorkspace('observability_metrics');
});
afterAll(() => ws.close());

describe('metrics registry', () => {
  it('hands out the same metric for a name registered twice, so a component wired twice does not throw', async () => {
    const metrics = new Metrics();
    const first = metrics.counter('stempel_test_things_total', 'things', ['kind']);
    const second = metrics.counter('stempel_test_things_total', 'things', ['kind']);
    first.inc({ kind: 'a' });
    second.inc({ kind: 'a' }, 2);
    const gauge = metrics.gauge('stempel_test_depth', 'depth', ['platform']);
    gauge.set({ platform: 'slack' }, 7);
    gauge.dec({ platform: 'slack' });
    const text = await metrics.text();
    expect(sample(text, 'stempel_test_things_total{kind="a"}')).toBe(3);
    expect(sample(text, 'stempel_test_depth{platform="slack"}')).toBe(6);
    expect(text).toContain('# TYPE stempel_delivery_queue_depth gauge');
    expect(text).toContain('# TYPE stempel_delivery_failures_total counter');
  });

  it('reads what only makes sense at scrape time, and a failing read does not fail the scrape', async () => {
    const metrics = new Metrics();
    let depth = 4;
    metrics.onScrape(async () => metrics.deliveryQueueDepth.set(depth));
    metrics.onScrape(async () => {
      throw new Error('database away');
    });
    expect(sample(await metrics.text(), 'stempel_delivery_queue_depth')).toBe(4);
    depth = 1;
    expect(sample(await metrics.text(), 'stempel_delivery_queue_depth')).toBe(1);
  });
});

describe('delivery metrics', () => {
  it('follow the real outbox and worker: queue depth, then a permanent failure per platform', async () => {
    const metrics = new Metrics();
    // A chat platform at the network edge that refuses every message for good.
    const refusing: ChatPlatform = {
      id: 'slack',
      pacingMs: 0,
      editable: false,
      directAddress: async () => undefined,
      channelAddress: async (channel) => ({
        platform: 'slack',
        key: `slack:T1:${channel}`,
        label: channel,
        data: {},
      }),
      post: async () => ({ ok: false, kind: 'permanent', reason: 'channel_not_found', targetBroken: true }),
      update: async () => ({ ok: false, kind: 'permanent', reason: 'channel_not_found', targetBroken: true }),
    };
    const delivery = createChatDelivery(ws.deps, { platforms: [refusing], events: deliveryMetrics(metrics) });
    metrics.onScrape(async () => metrics.deliveryQueueDepth.set(await ws.stores.deliveries.queueDepth()));
    const queued = await delivery.outbox.send(
      { kind: 'channel', platform: 'slack', channel: 'C-METRICS' },
      { purpose: 'process', text: 'Hallo', dedupeKey: 'metrics-1' },
    );
    expect(queued.ok).toBe(true);
    expect(sample(await metrics.text(), 'stempel_delivery_queue_depth')).toBe(1);

    await delivery.worker.runOnce();
    const text = await metrics.text();
    expect(
      sample(text, 'stempel_delivery_failures_total{platform="slack",kind="post",outcome="failed"}'),
    ).toBe(1);
    expect(sample(text, 'stempel_delivery_queue_depth')).toBe(0);
  });
});

describe('execution and due-sweep metrics', () => {
  it('counts sweep executions by outcome, and records batch sizes and how late the work was claimed', async () => {
    const courseTypeId = (await seedCourseType(ws, 'metrics')).id;
    await seedTemplate(ws, markAttendanceTemplate(courseTypeId), ws.users.automator);
    const course = await seedCourse(ws, courseTypeId, { maxParticipants: 10 });
    const person = await seedPerson(ws);
    await storeParticipants(ws.stores, { courseId: course.record.id, personId: person.id }, 3, {
      now: ws.clock.read(),
      prefix: 'prt-metrics',
    });
    await patchRecord(ws, course.record.id, { status: 'definitive' });
    // Due the moment the course went definitive; the sweep comes 90 seconds later.
    ws.clock.advance(90_000);

    const metrics = new Metrics();
    const ports = { ...executionPorts(), observer: executionMetrics(metrics) };
    const stats = await runDueSweep(ws.deps, ports, {
      batchSize: 10,
      concurrency: 2,
      budgetMs: 60_000,
      staleNoticeMs: 86_400_000,
      pendingEventGraceMs: 30_000,
    });
    recordSweepPass(metrics, stats, 0.2);
    expect(stats.executed).toBe(3);

    const text = await metrics.text();
    expect(sample(text, 'stempel_executions_total{outcome="executed",trigger="sweep"}')).toBe(3);
    expect(sample(text, 'stempel_due_sweep_lag_seconds_count')).toBe(3);
    expect(sample(text, 'stempel_due_sweep_lag_seconds_bucket{le="60"}')).toBe(0);
    expect(sample(text, 'stempel_due_sweep_lag_seconds_bucket{le="120"}')).toBe(3);
    // One batch of three, then the pass stops because the batch was not full.
    expect(sample(text, 'stempel_due_sweep_batch_size_count')).toBe(1);
    expect(sample(text, 'stempel_due_sweep_batch_size_sum')).toBe(3);
    expect(sample(text, 'stempel_due_sweep_duration_seconds_count')).toBe(1);
  });
});

describe('database pool and scheduler metrics', () => {
  it('follows the driver pool: connections open while in use, checked back in after', async () => {
    const metrics = new Metrics();
    const client = new MongoClient(inject('mongoUri'), { serverSelectionTimeoutMS: 5_000 });
    observeDatabasePool(client, metrics);
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    const text = await metrics.text();
    expect(sample(text, 'stempel_db_pool_connections{state="open"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'stempel_db_pool_connections{state="in_use"}')).toBe(0);
    expect(sample(text, 'stempel_db_pool_checkouts_waiting')).toBe(0);
    await client.close();
    expect(sample(await metrics.text(), 'stempel_db_pool_connections{state="open"}')).toBe(0);
  });

  it('counts Agenda jobs that throw, by job name', async () => {
    const metrics = new Metrics();
    const scheduler = new Scheduler({
      db: ws.stores.db,
      logger: createLogger({ level: 'silent' }),
      processEveryMs: 50,
      name: 'metrics-test',
    });
    observeScheduler(scheduler.agenda, metrics);
    scheduler.agenda.define('always-fails', async () => {
      throw new Error('boom');
    });
    await scheduler.start();
    const failed = once(scheduler.agenda, 'fail');
    await scheduler.agenda.now('always-fails');
    await failed;
    await scheduler.drain(5_000);
    expect(sample(await metrics.text(), 'stempel_scheduler_job_failures_total{job="always-fails"}')).toBe(1);
  });
});
