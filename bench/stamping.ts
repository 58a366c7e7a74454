import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { type Db, MongoClient } from 'mongodb';
import { createDossier, type DossierRecord } from '../src/domain/dossiers/index.js';
import type { User } from '../src/domain/rights/user.js';
import type { TemplateInput } from '../src/domain/templates/index.js';
import { newActionId } from '../src/store/actions.js';
import { resolveDatabase } from '../src/store/database.js';
import { toDocument } from '../src/store/documents.js';
import type { StoredEvent } from '../src/store/events.js';
import type { WorkflowDeps } from '../src/workflow/deps.js';
import { processEvents } from '../src/workflow/events/process-events.js';
import { recordEvents } from '../src/workflow/events/record-events.js';
import { createTemplate } from '../src/workflow/templates/save.js';
import { benchDeps } from './support.js';

/**
 * Stamping throughput (issue 3, item 7): ONE course event — status changed to 'definitive' — fans three
 * participant templates out over every participant of the course. Measured: the wall time of processing
 * that event (processEvents: reconcile, load contexts, plan, insert, audit, mark processed), the same
 * documents written by a bare insertMany into a collection with the same indexes, and the database round
 * trips the stamping took (the driver's command monitoring), which must not grow with the participants.
 */
const SIZES = [2_000, 500];
const REPEATS = 7;

// Both timed sections start from a collected heap, so neither pays for garbage the other left behind.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const NOW = new Date('2026-10-01T10:00:00+02:00');

const admin: User = {
  id: 'u-bench',
  name: 'Bench',
  email: 'bench@institute.test',
  roles: [],
  admin: true,
  automaticWorkflow: true,
  locale: 'en',
  active: true,
};

const linkedTemplates = (courseTypeId: string): TemplateInput[] => {
  const base = {
    execution: 'manual' as const,
    dataGroup: 'participant' as const,
    event: { type: 'status-changed' as const, group: 'course' as const, to: 'definitive' },
    ownerRule: { kind: 'course-contact' as const },
    courseTypeIds: [courseTypeId],
  };
  return [
    {
      ...base,
      key: 'bench-welcome',
      name: 'Welcome [Person:Name] to [Course:Name] on [Course:StartDate]',
      timing: {
        start: { amount: 5, unit: 'working-days', direction: 'before', anchor: 'course.startDate' },
        end: { amount: 1, unit: 'working-days', direction: 'before', anchor: 'course.startDate' },
      },
    },
    {
      ...base,
      key: 'bench-certificate',
      name: 'Certificate for [Person:Name] – [Course:Code]',
      conditions: { all: [{ field: 'participant.status', op: 'eq', value: 'planned' }], any: [] },
      timing: {
        start: { amount: 0, unit: 'days', direction: 'after', anchor: 'course.endDate' },
        end: { amount: 2, unit: 'weeks', direction: 'after', anchor: 'course.endDate' },
      },
    },
    {
      ...base,
      key: 'bench-evaluation',
      name: 'Evaluation [Course:Name] – [Person:FirstName]',
      timing: {
        start: { amount: 1, unit: 'days', direction: 'after', anchor: 'event' },
        end: { amount: 10, unit: 'working-days', direction: 'after', anchor: 'event' },
        timeOfDay: '10:30',
      },
    },
  ];
};

interface Seeded {
  deps: WorkflowDeps;
  db: Db;
  events: StoredEvent[];
}

/** A course of `participants` people with the three templates linked, and its pending status change. */
async function seed(db: Db, participants: number): Promise<Seeded> {
  const deps = await benchDeps(db, { locale: 'en', clock: () => NOW });
  const { stores } = deps;
  await stores.users.insert({ ...admin, chatIdentities: [], createdAt: NOW, updatedAt: NOW });
  const at = { now: NOW };
  const type = createDossier('course-type', { key: 'bench', name: 'Bench' }, { ...at, id: 'ctp_bench' });
  const course = createDossier(
    'course',
    {
      code: 'BENCH-1',
      name: 'Benchmark workshop',
      courseTypeId: type.id,
      startDate: '2026-11-16T09:00:00+01:00',
      endDate: '2026-11-17T17:00:00+01:00',
      status: 'definitive',
      contactUserId: admin.id,
    },
    { ...at, id: 'crs_bench' },
  );
  const records: DossierRecord[] = [type, course];
  for (let index = 0; index < participants; index += 1) {
    const person = createDossier(
      'person',
      { firstName: `Person${index}`, lastName: 'Bench', emails: { business: `p${index}@bench.test` } },
      { ...at, id: `per_${index}` },
    );
    records.push(
      person,
      createDossier(
        'participant',
        { courseId: course.id, personId: person.id },
        { ...at, id: `prt_${index}` },
      ),
    );
  }
  // Seeding is not what is measured, so the records go in as one batch rather than through the use cases.
  await db
    .collection<{ _id: string }>('dossiers')
    .insertMany(records.map((record) => toDocument({ ...record, version: 1 })));
  for (const input of linkedTemplates(type.id)) await createTemplate(deps, admin, input);
  const events = await recordEvents(
    deps,
    [
      {
        type: 'status-changed',
        group: 'course',
        recordId: course.id,
        data: { from: 'to-start', to: 'definitive' },
      },
    ],
    admin.id,
  );
  return { deps, db, events };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Result {
  participants: number;
  actions: number;
  stampingMs: number;
  rawMs: number;
  /** Median over the runs of stamping throughput / raw throughput, each run's pair measured back to back. */
  ratio: number;
  roundTrips: number;
  commands: string;
}

/** A collection indexed like `actions`, for the raw insertMany to pay the same index upkeep. */
async function rawCollection(db: Db) {
  const raw = db.collection<{ _id: string }>('raw_actions');
  const indexes = (await db.collection('actions').listIndexes().toArray()).filter(
    (index) => index.name !== '_id_',
  );
  await raw.createIndexes(
    indexes.map(({ key, name, unique, sparse }) => ({
      key,
      name,
      ...(unique ? { unique } : {}),
      ...(sparse ? { sparse } : {}),
    })),
  );
  return raw;
}

async function measure(uri: string, participants: number): Promise<Result> {
  const client = new MongoClient(uri, { monitorCommands: true });
  await client.connect();
  const db = client.db(`bench_stamping_${randomBytes(4).toString('hex')}`);
  try {
    const { deps, events } = await seed(db, participants);
    const raw = await rawCollection(db);
    const started: string[] = [];
    client.on('commandStarted', (event) => {
      const target = event.command[event.commandName];
      started.push(typeof target === 'string' ? `${event.commandName} ${target}` : event.commandName);
    });

    // Stamping and the raw insert alternate, so a busy machine slows both alike rather than one of them.
    const stampingRuns: number[] = [];
    const rawRuns: number[] = [];
    let commands: string[] = [];
    let actions = 0;
    for (let run = 0; run < REPEATS; run += 1) {
      // Every run stamps from scratch: the previous run's actions would make the unique key skip them all.
      await db.collection('actions').deleteMany({});
      // The workspace settings are cached for 5 s; a re-read falling inside one run would be noise.
      await deps.workspace.get();
      collectGarbage();
      started.length = 0;
      let begin = performance.now();
      const { stamped } = await processEvents(deps, events, admin.id);
      stampingRuns.push(performance.now() - begin);
      commands = [...started];
      actions = stamped.length;
      if (actions !== participants * 3)
        throw new Error(`expected ${participants * 3} actions, got ${actions}`);

      // The same documents with fresh ids and identity keys.
      await raw.deleteMany({});
      const documents = stamped.map((action) =>
        toDocument({ ...action, id: newActionId(), identityKey: `${action.identityKey}:raw` }),
      );
      collectGarbage();
      begin = performance.now();
      await raw.insertMany(documents, { ordered: false });
      rawRuns.push(performance.now() - begin);
    }
    const counts = new Map<string, number>();
    for (const name of commands) counts.set(name, (counts.get(name) ?? 0) + 1);
    return {
      participants,
      actions,
      stampingMs: median(stampingRuns),
      rawMs: median(rawRuns),
      ratio: median(rawRuns.map((rawMs, run) => rawMs / stampingRuns[run]!)),
      roundTrips: commands.length,
      commands: [...counts].map(([name, count]) => `${name}×${count}`).join(' '),
    };
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

function printTable(label: string, results: readonly Result[]): void {
  const rows = results.map((result) => {
    const stampingRate = result.actions / (result.stampingMs / 1000);
    const rawRate = result.actions / (result.rawMs / 1000);
    return [
      String(result.participants),
      String(result.actions),
      result.stampingMs.toFixed(0),
      stampingRate.toFixed(0),
      result.rawMs.toFixed(0),
      rawRate.toFixed(0),
      result.ratio.toFixed(2),
      String(result.roundTrips),
      result.commands,
    ];
  });
  const header = [
    'participants',
    'actions',
    'stamping ms',
    'stamped/s',
    'raw insertMany ms',
    'raw/s',
    'ratio',
    'round trips',
    'commands during stamping',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
  process.stdout.write(
    `database: ${label}\nmedian of ${REPEATS} runs each; goal: ratio ≥ 0.50, round trips constant\n\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

export default async function stampingBench(): Promise<void> {
  const database = await resolveDatabase({ uri: process.env.MONGODB_URI, fallback: 'auto' });
  try {
    await measure(database.uri, 50); // warm-up: JIT, connection pool, holiday tables
    const results: Result[] = [];
    for (const size of SIZES) results.push(await measure(database.uri, size));
    printTable(database.label, results);
  } finally {
    await database.stop();
  }
}
