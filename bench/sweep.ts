import type { AnyBulkWriteOperation, Db } from 'mongodb';
import { MongoClient } from 'mongodb';
import { resolveDatabase } from '../src/store/database.js';
import { createDossierRecord, updateDossierRecord } from '../src/workflow/dossiers.js';
import { SYSTEM_USER } from '../src/workflow/system-user.js';
import { createTemplate } from '../src/workflow/templates/save.js';
import { markAttendanceTemplate, storeParticipants } from '../test/execution/support.js';
import { type ServiceProcess, startServiceProcess } from '../test/support/service-process.js';
import { benchDeps, percentile } from './support.js';

/**
 * Due-sweep throughput (issue 4): ACTIONS automatic actions whose starts are spread evenly over one
 * minute, executed by two real service instances on one database. Printed: lateness (when the action was
 * executed minus its start) p50/p95/p99/max, throughput, and duplicates (actions executed more than once,
 * records updated more than once).
 */
const ACTIONS = Number(process.env.BENCH_SWEEP_ACTIONS ?? 10_000);
const COURSES = 10;
const SPREAD_MS = 60_000;
/** Time for the two instances to boot before the first action is due. */
const LEAD_MS = 20_000;

async function seed(db: Db): Promise<void> {
  const deps = await benchDeps(db, { locale: 'en', clock: () => new Date() });
  const { stores } = deps;
  const courseType = (
    await createDossierRecord(deps, SYSTEM_USER, {
      group: 'course-type',
      input: { key: 'bench', name: 'Bench' },
    })
  ).record;
  await createTemplate(deps, SYSTEM_USER, markAttendanceTemplate(courseType.id));
  const person = (
    await createDossierRecord(deps, SYSTEM_USER, {
      group: 'person',
      input: { firstName: 'Bench', lastName: 'Person' },
    })
  ).record;
  const now = new Date();
  for (let course = 0; course < COURSES; course += 1) {
    const record = (
      await createDossierRecord(deps, SYSTEM_USER, {
        group: 'course',
        input: {
          code: `B-${course}`,
          name: `Bench ${course}`,
          courseTypeId: courseType.id,
          maxParticipants: ACTIONS,
        },
      })
    ).record;
    await storeParticipants(stores, { courseId: record.id, personId: person.id }, ACTIONS / COURSES, {
      now,
      prefix: `prt-${course}`,
    });
    await updateDossierRecord(deps, SYSTEM_USER, { id: record.id, patch: { status: 'definitive' } });
  }
}

/** Spreads the starts evenly over one minute from `first`. */
async function spreadStarts(db: Db, first: Date): Promise<void> {
  const ids = (
    await db
      .collection('actions')
      .find({}, { projection: { _id: 1 }, sort: { number: 1 } })
      .toArray()
  ).map((doc) => doc._id);
  const operations: AnyBulkWriteOperation[] = ids.map((id, index) => ({
    updateOne: {
      filter: { _id: id },
      update: { $set: { start: new Date(first.getTime() + (index * SPREAD_MS) / ids.length) } },
    },
  }));
  await db.collection('actions').bulkWrite(operations, { ordered: false });
}

export default async function sweepBench(): Promise<void> {
  const database = await resolveDatabase({ uri: process.env.MONGODB_URI, fallback: 'auto' });
  const client = new MongoClient(database.uri);
  const instances: ServiceProcess[] = [];
  try {
    await client.connect();
    const dbName = `bench_sweep_${Date.now()}`;
    const db = client.db(dbName);
    const seedStarted = Date.now();
    await seed(db);
    const first = new Date(Date.now() + LEAD_MS);
    await spreadStarts(db, first);
    process.stdout.write(
      `seeded ${ACTIONS} actions in ${Date.now() - seedStarted} ms; first due at +${LEAD_MS / 1000} s\n`,
    );

    const env = {
      MONGODB_URI: database.uri,
      MONGODB_DB: dbName,
      NODE_ENV: 'test',
      SEED_EXAMPLE: 'false',
      SWEEP_INTERVAL_MS: '1000',
      SCHEDULER_PROCESS_EVERY_MS: '500',
      SWEEP_SLOTS: '2',
      LOG_LEVEL: 'info',
    };
    instances.push(
      ...(await Promise.all([
        startServiceProcess(env, { readyTimeoutMs: 60_000 }),
        startServiceProcess(env, { readyTimeoutMs: 60_000 }),
      ])),
    );

    const actions = db.collection('actions');
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const open = await actions.countDocuments({ state: { $ne: 'executed' } });
      if (open === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await Promise.all(
      instances.map(async (instance) => {
        instance.child.kill('SIGTERM');
        await instance.exit();
      }),
    );

    const docs = await actions.find({}, { projection: { start: 1, state: 1, history: 1 } }).toArray();
    const executedAt = docs.flatMap((doc) =>
      (doc.history as Array<{ kind: string; at: Date }>)
        .filter((entry) => entry.kind === 'executed')
        .map((entry) => ({ at: entry.at, start: doc.start as Date })),
    );
    const lateness = executedAt
      .map((entry) => (entry.at.getTime() - entry.start.getTime()) / 1000)
      .sort((a, b) => a - b);
    const duplicateActions = docs.filter(
      (doc) =>
        (doc.history as Array<{ kind: string }>).filter((entry) => entry.kind === 'executed').length > 1,
    ).length;
    const updates = await db
      .collection('audit')
      .aggregate<{ count: number }>([
        { $match: { kind: 'dossier.updated', 'entity.id': { $regex: '^prt-' } } },
        { $group: { _id: '$entity.id', count: { $sum: 1 } } },
        { $match: { count: { $gt: 1 } } },
        { $count: 'count' },
      ])
      .toArray();
    const lastExecuted = Math.max(...executedAt.map((entry) => entry.at.getTime()));
    const rows = [
      ['database', database.label.split(' — ')[0] ?? database.label],
      ['actions', String(ACTIONS)],
      ['executed', String(docs.filter((doc) => doc.state === 'executed').length)],
      ['lateness p50 (s)', percentile(lateness, 50).toFixed(1)],
      ['lateness p95 (s)', percentile(lateness, 95).toFixed(1)],
      ['lateness p99 (s)', percentile(lateness, 99).toFixed(1)],
      ['lateness max (s)', (lateness.at(-1) ?? Number.NaN).toFixed(1)],
      ['throughput (actions/s)', (executedAt.length / ((lastExecuted - first.getTime()) / 1000)).toFixed(1)],
      ['duplicate executions', String(duplicateActions)],
      ['records updated twice', String(updates[0]?.count ?? 0)],
      ['goal', 'p99 lateness ≤ 30 s, zero duplicates'],
    ];
    for (const [label, value] of rows) process.stdout.write(`${label!.padEnd(26)} ${value}\n`);
    await db.dropDatabase();
  } finally {
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await client.close();
    await database.stop();
  }
}
