import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCronExpression, nextRuns, parseScheduleWords } from '../../src/domain/digests/schedule.js';
import type { DigestSubscription } from '../../src/domain/digests/subscription.js';
import { DIGEST_JOB, DigestJobs, occurrenceAt } from '../../src/scheduler/digest-jobs.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const local = (date: Date, timeZone = 'Europe/Amsterdam') =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);

describe('digest schedules', () => {
  it('reads the friendly forms in Dutch and English, and cron expressions', () => {
    expect(parseScheduleWords(['werkdagen', '08:30'])).toEqual({
      ok: true,
      cron: '30 8 * * 1-5',
      workingDaysOnly: true,
    });
    expect(parseScheduleWords(['weekdays', '8.30'])).toEqual({
      ok: true,
      cron: '30 8 * * 1-5',
      workingDaysOnly: true,
    });
    expect(parseScheduleWords(['dagelijks', '9:05'])).toEqual({
      ok: true,
      cron: '5 9 * * *',
      workingDaysOnly: false,
    });
    expect(parseScheduleWords(['ma,wo,vr', '07:00'])).toEqual({
      ok: true,
      cron: '0 7 * * 1,3,5',
      workingDaysOnly: false,
    });
    expect(parseScheduleWords(['thursday', '16:45'])).toEqual({
      ok: true,
      cron: '45 16 * * 4',
      workingDaysOnly: false,
    });
    expect(parseScheduleWords(['30 8 * * 1-5'])).toEqual({
      ok: true,
      cron: '30 8 * * 1-5',
      workingDaysOnly: false,
    });
  });

  it('refuses what it cannot read, saying which part', () => {
    expect(parseScheduleWords(['werkdagen'])).toEqual({ ok: false, reason: 'time' });
    expect(parseScheduleWords(['werkdagen', '25:00'])).toEqual({ ok: false, reason: 'time' });
    expect(parseScheduleWords(['soms', '08:30'])).toEqual({ ok: false, reason: 'days' });
    expect(parseScheduleWords(['61 8 * * 1'])).toEqual({ ok: false, reason: 'cron' });
    expect(isCronExpression('0 0 8 * * 1')).toBe(false);
  });

  it('keeps a weekly 08:30 in Amsterdam at 08:30 local on both sides of the autumn clock change', () => {
    const runs = nextRuns(
      { cron: '30 8 * * 1', timeZone: 'Europe/Amsterdam' },
      new Date('2026-10-12T00:00:00Z'),
      4,
    );
    expect(runs.map((run) => local(run))).toEqual([
      'Mon, 12/10/2026, 08:30',
      'Mon, 19/10/2026, 08:30',
      'Mon, 26/10/2026, 08:30',
      'Mon, 02/11/2026, 08:30',
    ]);
    // Summer time (UTC+2) before 25 October, winter time (UTC+1) after.
    expect(runs.map((run) => run.toISOString().slice(11, 16))).toEqual(['06:30', '06:30', '07:30', '07:30']);
    const spring = nextRuns(
      { cron: '30 8 * * 1', timeZone: 'Europe/Amsterdam' },
      new Date('2027-03-22T00:00:00Z'),
      2,
    );
    expect(spring.map((run) => local(run))).toEqual(['Mon, 22/03/2027, 08:30', 'Mon, 29/03/2027, 08:30']);
  });

  it('names the occurrence a run is for: the latest scheduled moment, also when it runs a little late', () => {
    const schedule = { cron: '30 8 * * 1-5', timeZone: 'Europe/Amsterdam', workingDaysOnly: true };
    expect(occurrenceAt(schedule, new Date('2026-12-01T07:30:00Z')).toISOString()).toBe(
      '2026-12-01T07:30:00.000Z',
    );
    expect(occurrenceAt(schedule, new Date('2026-12-01T07:34:10Z')).toISOString()).toBe(
      '2026-12-01T07:30:00.000Z',
    );
  });

  it('names the occurrence Agenda ran for on the days the clocks change, so none is taken for the day before', () => {
    // 02:30 does not exist on Sunday 28 March 2027 in Amsterdam: Agenda runs at 03:30 summer time.
    const weekly = { cron: '30 2 * * 0', timeZone: 'Europe/Amsterdam' };
    const spring = nextRuns(weekly, new Date('2027-03-20T12:00:00Z'), 3);
    expect(spring.map((run) => run.toISOString())).toEqual([
      '2027-03-21T01:30:00.000Z',
      '2027-03-28T01:30:00.000Z',
      '2027-04-04T00:30:00.000Z',
    ]);
    for (const run of spring) {
      expect(occurrenceAt(weekly, run).toISOString()).toBe(run.toISOString());
      expect(occurrenceAt(weekly, new Date(run.getTime() + 4 * 60_000)).toISOString()).toBe(
        run.toISOString(),
      );
    }
    // 02:30 happens twice on Sunday 25 October 2026; Agenda runs at the first, and a late run names it too.
    const daily = { cron: '30 2 * * *', timeZone: 'Europe/Amsterdam' };
    const [autumn] = nextRuns(daily, new Date('2026-10-24T12:00:00Z'), 1);
    expect(autumn!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(occurrenceAt(daily, new Date('2026-10-25T01:45:00Z')).toISOString()).toBe(autumn!.toISOString());
  });
});

describe('digest jobs on Agenda', () => {
  let database: TestDatabase;
  let jobs: DigestJobs;

  beforeAll(async () => {
    database = await openTestDatabase('digest_jobs');
    jobs = new DigestJobs(
      new Scheduler({ db: database.db, logger: pino({ level: 'silent' }), processEveryMs: 100 }),
      pino({ level: 'silent' }),
    );
  });
  afterAll(() => database.close());

  const subscription = (id: string, cron: string): DigestSubscription => ({
    id,
    target: { platform: 'console', channel: id },
    schedule: { cron, timeZone: 'Europe/Amsterdam', workingDaysOnly: false },
    scope: { courseTypeIds: [], dataGroups: [], templateIds: [], ownerUserIds: [] },
    whenEmpty: 'say',
    top: 10,
    addressKey: `console:channel:${id}`,
    addressLabel: `#${id}`,
    setBy: 'u-admin',
    createdAt: new Date(),
    updatedAt: new Date(),
  });

  it('keeps one job per subscription, at the time its schedule says, and follows changes and removal', async () => {
    const agendaJobs = database.db.collection('agendaJobs');
    await jobs.schedule(subscription('dig_a', '30 8 * * 1'));
    await jobs.schedule(subscription('dig_b', '0 9 * * *'));
    await jobs.schedule(subscription('dig_a', '45 7 * * 2'));
    const stored = await agendaJobs.find({ name: DIGEST_JOB }).toArray();
    expect(stored.map((job) => job.data.subscriptionId).sort()).toEqual(['dig_a', 'dig_b']);
    const a = stored.find((job) => job.data.subscriptionId === 'dig_a')!;
    expect(a.repeatInterval).toBe('45 7 * * 2');
    expect(a.repeatTimezone).toBe('Europe/Amsterdam');
    const [expected] = nextRuns({ cron: '45 7 * * 2', timeZone: 'Europe/Amsterdam' }, new Date(), 1);
    expect((a.nextRunAt as Date).toISOString()).toBe(expected!.toISOString());
    await jobs.cancel('dig_a');
    expect(
      (await agendaJobs.find({ name: DIGEST_JOB }).toArray()).map((job) => job.data.subscriptionId),
    ).toEqual(['dig_b']);
  });

  it('at start-up gives every subscription its job, and leaves alone a job that is due but not yet run', async () => {
    const agendaJobs = database.db.collection('agendaJobs');
    await jobs.schedule(subscription('dig_due', '30 8 * * *'));
    await jobs.schedule(subscription('dig_moved', '0 9 * * *'));
    // The instance stopped at 08:29; another starts at 08:30:30, before the 08:30 run was picked up.
    const due = new Date(Date.now() - 30_000);
    await agendaJobs.updateOne({ 'data.subscriptionId': 'dig_due' }, { $set: { nextRunAt: due } });
    async function* stored() {
      yield subscription('dig_due', '30 8 * * *');
      yield subscription('dig_moved', '15 10 * * *'); // changed while its job was not replaced
      yield subscription('dig_new', '0 7 * * 1');
    }
    await jobs.ensure(stored());
    const jobOf = async (id: string) => agendaJobs.find({ 'data.subscriptionId': id }).toArray();
    expect((await jobOf('dig_due')).map((job) => (job.nextRunAt as Date).toISOString())).toEqual([
      due.toISOString(),
    ]);
    expect((await jobOf('dig_moved')).map((job) => job.repeatInterval)).toEqual(['15 10 * * *']);
    expect((await jobOf('dig_new')).map((job) => job.repeatInterval)).toEqual(['0 7 * * 1']);
  });
});
