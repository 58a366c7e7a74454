/**
 * Agenda 6 with its real Mongo backend against the test database (the embedded wire server unless
 * MONGODB_URI points at a real mongod): the scheduling features the project uses.
 */
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Db } from 'mongodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

let database: TestDatabase;
let db: Db;
let agenda: Agenda | undefined;
/** Errors Agenda reports through its 'error' event (e.g. a command the server refused). */
let agendaErrors: Error[] = [];

beforeAll(async () => {
  database = await openTestDatabase('agenda');
  db = database.db;
});

afterEach(async () => {
  await agenda?.stop(false);
  agenda = undefined;
  expect(agendaErrors).toEqual([]);
  agendaErrors = [];
});

afterAll(async () => {
  await database.close();
});

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startAgenda(): Agenda {
  agenda = new Agenda({ backend: new MongoBackend({ mongo: db }), processEvery: 100 });
  agenda.on('error', (error) => agendaErrors.push(error));
  return agenda;
}

/** Wall-clock parts of `date` in a time zone. */
function partsIn(date: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

describe('Agenda on the Mongo backend', () => {
  it('runs jobs created with now() and schedule()', async () => {
    const ran: string[] = [];
    const scheduler = startAgenda();
    scheduler.define('now-job', async (job) => {
      ran.push(`now:${(job.attrs.data as { n: number }).n}`);
    });
    scheduler.define('later-job', async () => {
      ran.push('later');
    });
    await scheduler.start();
    await scheduler.now('now-job', { n: 1 });
    const when = new Date(Date.now() + 300);
    await scheduler.schedule(when, 'later-job', {});
    await eventually(() => ran.includes('now:1') && ran.includes('later'));
    expect(ran.filter((entry) => entry === 'now:1')).toHaveLength(1);
    await eventually(
      async () =>
        (await db.collection('agendaJobs').findOne({ name: 'later-job' }))?.lastFinishedAt instanceof Date,
    );
    const later = await db.collection('agendaJobs').findOne({ name: 'later-job' });
    expect(later?.lastRunAt.getTime()).toBeGreaterThanOrEqual(when.getTime());
    expect(later?.lockedAt).toBeFalsy();
  });

  it('stores one repeating job per unique key with nextRunAt computed in its time zone', async () => {
    const scheduler = startAgenda();
    scheduler.define('digest', async () => undefined);
    await scheduler.start();
    for (let i = 0; i < 2; i++) {
      await scheduler
        .create('digest', { channel: 'C1' })
        .repeatEvery('0 9 * * 1-5', { timezone: 'Europe/Amsterdam', skipImmediate: true })
        .unique({ name: 'digest', 'data.channel': 'C1' })
        .save();
    }
    await scheduler
      .create('digest', { channel: 'C2' })
      .repeatEvery('30 17 * * *', { timezone: 'Europe/Amsterdam' })
      .unique({ 'data.channel': 'C2' })
      .save();
    const stored = await db
      .collection('agendaJobs')
      .find({ name: 'digest' })
      .sort({ 'data.channel': 1 })
      .toArray();
    expect(stored.map((job) => job.data.channel)).toEqual(['C1', 'C2']);
    const [weekday] = stored;
    expect(weekday?.repeatTimezone).toBe('Europe/Amsterdam');
    expect(weekday?.repeatInterval).toBe('0 9 * * 1-5');
    const next = weekday?.nextRunAt as Date;
    expect(next.getTime()).toBeGreaterThan(Date.now());
    const local = partsIn(next, 'Europe/Amsterdam');
    expect([local.hour, local.minute]).toEqual(['09', '00']);
    expect(['Sat', 'Sun']).not.toContain(local.weekday);
  });

  it('locks a job while it runs and drains before stopping', async () => {
    const scheduler = startAgenda();
    let release!: () => void;
    const running = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    let started!: () => void;
    // Agenda locks a job a moment before it calls the handler; drain only waits for running handlers.
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    scheduler.define('slow', async () => {
      started();
      await running;
      finished = true;
    });
    await scheduler.start();
    await scheduler.now('slow', {});
    await handlerStarted;
    expect((await db.collection('agendaJobs').findOne({ name: 'slow' }))?.lockedAt).toBeInstanceOf(Date);
    const drained = scheduler.drain({ closeConnection: false });
    release();
    const result = await drained;
    expect(finished).toBe(true);
    expect(result.timedOut).toBe(false);
    agenda = undefined;
    const job = await db.collection('agendaJobs').findOne({ name: 'slow' });
    expect(job?.lastFinishedAt).toBeInstanceOf(Date);
  });
});
