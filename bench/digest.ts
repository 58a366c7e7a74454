import { randomBytes } from 'node:crypto';
import { type CommandStartedEvent, MongoClient } from 'mongodb';
import { digestView } from '../src/chat/views/digest.js';
import type { DigestSubscription } from '../src/domain/digests/subscription.js';
import { resolveDatabase } from '../src/store/database.js';
import { stampByHand } from '../src/workflow/actions/stamp-by-hand.js';
import { createUser } from '../src/workflow/admin/users.js';
import { digestContent } from '../src/workflow/digests/content.js';
import { createDossierRecord } from '../src/workflow/dossiers.js';
import { SYSTEM_USER } from '../src/workflow/system-user.js';
import { createTemplate } from '../src/workflow/templates/save.js';
import { benchDeps, percentile } from './support.js';

/**
 * A channel digest over a large workspace (issue 10): OPEN open actions, OVERDUE of them overdue, spread
 * over 20 templates (4 readable by one role only) and 10 owners. Printed: the time to build the digest
 * (content and view) p50/p95 over REPEATS builds, and every database command one build sends, with its
 * plan from `explain` (winning stages, keys and documents examined). Goal: ≤ 300 ms, every query
 * index-backed.
 */
const OPEN = Number(process.env.BENCH_DIGEST_ACTIONS ?? 100_000);
const OVERDUE = Number(process.env.BENCH_DIGEST_OVERDUE ?? 2_000);
const REPEATS = 15;

function stages(plan: Record<string, unknown> | undefined): string[] {
  if (!plan) return [];
  const children = [plan.inputStage, ...((plan.inputStages as unknown[]) ?? [])].filter(Boolean) as Record<
    string,
    unknown
  >[];
  return [String(plan.stage), ...children.flatMap(stages)];
}

export default async function digestBench(): Promise<void> {
  const database = await resolveDatabase({ uri: process.env.MONGODB_URI, fallback: 'auto' });
  const client = new MongoClient(database.uri, { monitorCommands: true });
  try {
    await client.connect();
    const db = client.db(`bench_digest_${Date.now()}`);
    const now = new Date();
    const deps = await benchDeps(db, { locale: 'nl', clock: () => now });
    const owners = [];
    for (let index = 0; index < 10; index += 1) {
      owners.push(
        await createUser(deps, SYSTEM_USER, {
          email: `owner${index}@bench.test`,
          name: `Eigenaar ${index}`,
          roles: ['planning'],
        }),
      );
    }
    const templates = [];
    for (let index = 0; index < 20; index += 1) {
      templates.push(
        await createTemplate(deps, SYSTEM_USER, {
          key: `bench-${index}`,
          name: `Taak ${index} [Opleiding:Naam]`,
          execution: 'manual',
          dataGroup: 'course',
          readRoles: index < 4 ? ['finance'] : [],
          timing: {
            start: { amount: 0, unit: 'days', direction: 'after', anchor: 'created' },
            end: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
          },
        }),
      );
    }
    const courseType = (
      await createDossierRecord(deps, SYSTEM_USER, {
        group: 'course-type',
        input: { key: 'bench', name: 'Bench' },
      })
    ).record;
    const course = (
      await createDossierRecord(deps, SYSTEM_USER, {
        group: 'course',
        input: { code: 'B-1', name: 'Bench', courseTypeId: courseType.id },
      })
    ).record;
    // One real action as the pattern; the rest are copies with their own ids, numbers, owners and dates.
    const pattern = await stampByHand(deps, SYSTEM_USER, { template: templates[4]!.id, recordId: course.id });
    const seeded = Date.now();
    const batch: Record<string, unknown>[] = [];
    for (let index = 0; index < OPEN; index += 1) {
      const template = templates[index % templates.length]!;
      const overdue = index < OVERDUE;
      const end = overdue
        ? new Date(now.getTime() - (index + 1) * 60_000)
        : new Date(now.getTime() + 3 * 86_400_000 + index * 60_000);
      const { id: _id, ...fields } = pattern;
      batch.push({
        ...fields,
        _id: `act_${randomBytes(8).toString('hex')}`,
        number: 1_000 + index,
        identityKey: `bench:${index}`,
        templateId: template.id,
        templateKey: template.key,
        readRoles: template.readRoles,
        writeRoles: template.writeRoles,
        ownerUserId: owners[index % owners.length]!.id,
        start: new Date(end.getTime() - 86_400_000),
        end,
        state: 'open',
      });
      if (batch.length === 5_000) await db.collection('actions').insertMany(batch.splice(0));
    }
    if (batch.length) await db.collection('actions').insertMany(batch);
    const seedSeconds = (Date.now() - seeded) / 1000;

    const subscription: DigestSubscription = {
      id: 'dig_bench',
      target: { platform: 'console', channel: 'planning' },
      schedule: { cron: '30 8 * * 1-5', timeZone: 'Europe/Amsterdam', workingDaysOnly: true },
      scope: { courseTypeIds: [], dataGroups: [], templateIds: [], ownerUserIds: [] },
      whenEmpty: 'say',
      top: 10,
      addressKey: 'console:channel:planning',
      addressLabel: '#planning',
      setBy: SYSTEM_USER.id,
      createdAt: now,
      updatedAt: now,
    };
    const build = async () => digestView(deps, subscription, await digestContent(deps, subscription, now));
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof build>> | undefined;
    for (let run = -3; run < REPEATS; run += 1) {
      const started = performance.now();
      last = await build();
      if (run >= 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);

    // Every command of one build, explained.
    const commands: CommandStartedEvent[] = [];
    const listener = (event: CommandStartedEvent) => {
      if (
        ['find', 'aggregate', 'count'].includes(event.commandName) &&
        event.command[event.commandName] === 'actions'
      )
        commands.push(event);
    };
    client.on('commandStarted', listener);
    await build();
    client.off('commandStarted', listener);
    const plans = [];
    for (const event of commands) {
      const {
        $db: _db,
        lsid: _lsid,
        $clusterTime: _time,
        $readPreference: _pref,
        cursor: _cursor,
        ...command
      } = event.command as Record<string, unknown>;
      const explained = (await db.command({
        explain: { ...command, ...(event.commandName === 'aggregate' ? { cursor: {} } : {}) },
        verbosity: 'executionStats',
      })) as Record<string, unknown>;
      const planner = explained.queryPlanner as { winningPlan?: Record<string, unknown> } | undefined;
      const stats = explained.executionStats as
        | { totalKeysExamined?: number; totalDocsExamined?: number; nReturned?: number }
        | undefined;
      const winning =
        planner?.winningPlan ??
        (
          (explained.stages as Array<Record<string, Record<string, unknown>>> | undefined)?.[0]?.$cursor
            ?.queryPlanner as { winningPlan?: Record<string, unknown> } | undefined
        )?.winningPlan;
      const stageList = [...new Set(stages(winning))];
      plans.push({
        command: event.commandName,
        stages: stageList.join(' > '),
        'keys examined': stats?.totalKeysExamined ?? '—',
        'docs examined': stats?.totalDocsExamined ?? '—',
        returned: stats?.nReturned ?? '—',
        'collection scan': stageList.includes('COLLSCAN'),
      });
    }
    console.table({
      'open actions': OPEN,
      overdue: OVERDUE,
      'seeded in s': Number(seedSeconds.toFixed(1)),
      'digest build p50 ms': Number(percentile(times, 50).toFixed(1)),
      'digest build p95 ms': Number(percentile(times, 95).toFixed(1)),
      'overdue counted': last?.view.summary[0]?.value,
      'cards shown': last?.actions.length,
      database: database.kind,
    });
    console.table(plans);
  } finally {
    await client.close();
    await database.stop();
  }
}
