import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { User } from '../src/domain/rights/user.js';
import { resolveDatabase } from '../src/store/database.js';
import { type ServiceProcess, startServiceProcess } from '../test/support/service-process.js';
import { benchActions, benchDeps, percentile } from './support.js';

/**
 * Card button latency in Teams (issue 9): CONCURRENT `adaptiveCard/action` invokes at once against a real
 * service process (TEAMS_ANONYMOUS, its CloudAdapter on the shared server), the database in this process,
 * each invoke answered with the pressed card as it is now. Two rounds: "Done" on as many different actions
 * (a state change each), then Teams refreshing those cards (reads). Printed: p50, p99 and max per round,
 * and what one refresh costs on its own.
 * Goal: p99 ≤ 200 ms on this machine (Teams gives up after 5 s).
 */
const CONCURRENT = Number(process.env.BENCH_TEAMS_INVOKES ?? 200);
const USERS = 20;
const TENANT = '7a5b8c3d-1e2f-4a5b-9c8d-0e1f2a3b4c5d';

interface Presser {
  teamsId: string;
  aadObjectId: string;
}

function invoke(presser: Presser, stempel: Record<string, unknown>) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    // Never called: an invoke is answered in its HTTP response.
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: presser.teamsId, aadObjectId: presser.aadObjectId, name: 'Bench' },
    recipient: { id: '28:stempel-bench', name: 'Stempel' },
    conversation: { id: `a:${presser.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    locale: 'nl-NL',
    value: { action: { type: 'Action.Execute', verb: 'bench', data: { stempel } }, trigger: 'manual' },
  };
}

async function round(url: string, bodies: readonly object[]): Promise<number[]> {
  const latencies = await Promise.all(
    bodies.map(async (body) => {
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { statusCode?: number };
      if (answer.statusCode !== 200)
        throw new Error(`invoke answered ${JSON.stringify(answer).slice(0, 200)}`);
      return performance.now() - started;
    }),
  );
  return latencies.sort((a, b) => a - b);
}

export default async function teamsInvokeBench(): Promise<void> {
  const database = await resolveDatabase({ uri: process.env.MONGODB_URI, fallback: 'auto' });
  const client = new MongoClient(database.uri);
  let service: ServiceProcess | undefined;
  try {
    await client.connect();
    const dbName = `bench_teams_${Date.now()}`;
    const db = client.db(dbName);
    const deps = await benchDeps(db, { locale: 'nl', clock: () => new Date() });
    const { stores } = deps;
    const pressers: Presser[] = [];
    const now = new Date();
    for (let index = 0; index < USERS; index += 1) {
      const presser = { teamsId: `29:bench-${index}`, aadObjectId: randomUUID() };
      const user: User = {
        id: `u-bench-${index}`,
        name: `Planner ${index}`,
        email: `planner-${index}@bench.test`,
        roles: ['planning'],
        admin: false,
        automaticWorkflow: false,
        locale: 'nl',
        active: true,
      };
      await stores.users.insert({
        ...user,
        chatIdentities: [{ platform: 'teams', aadObjectId: presser.aadObjectId, tenantId: TENANT }],
        createdAt: now,
        updatedAt: now,
      });
      pressers.push(presser);
    }
    const items = await benchActions(deps, CONCURRENT, {
      key: 'bench-call',
      name: 'Call the venue of [Course:Name]',
      writeRoles: ['planning'],
    });

    service = await startServiceProcess(
      {
        MONGODB_URI: database.uri,
        MONGODB_DB: dbName,
        SEED_EXAMPLE: 'false',
        SCHEDULER_ENABLED: 'false',
        TEAMS_ANONYMOUS: 'true',
      },
      { readyTimeoutMs: 60_000 },
    );
    const url = `${service.url}/api/messages`;

    const presserOf = (index: number) => pressers[index % pressers.length]!;
    const refresh = (index: number) => ({ s: 'refresh', h: { ids: [items[index]!.id] } });
    // Warm-up: the first requests pay for compiling and connecting, not for pressing.
    await round(
      url,
      items.slice(0, 20).map((_, index) => invoke(presserOf(index), refresh(index))),
    );

    const done = await round(
      url,
      items.map((action, index) =>
        invoke(presserOf(index), { s: 'button', p: `done:${action.id}`, h: { ids: [action.id] } }),
      ),
    );
    const refreshed = await round(
      url,
      items.map((_, index) => invoke(presserOf(index), refresh(index))),
    );
    // One at a time: what a single press costs when nothing else is going on.
    const alone: number[] = [];
    for (let index = 0; index < Math.min(50, items.length); index += 1) {
      alone.push(...(await round(url, [invoke(presserOf(index), refresh(index))])));
    }
    alone.sort((a, b) => a - b);
    const left = await stores.actions.find({ states: ['open'] }, { limit: 1, skip: 0 });
    const spread = (sorted: number[]) =>
      `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 99).toFixed(0)} / ${sorted.at(-1)!.toFixed(0)}`;
    const rows = [
      ['database', database.label.split(' — ')[0] ?? database.label],
      ['concurrent invokes', String(items.length)],
      ['Done p50 / p99 / max (ms)', spread(done)],
      ['refresh p50 / p99 / max (ms)', spread(refreshed)],
      ['one refresh at a time p50 (ms)', percentile(alone, 50).toFixed(1)],
      ['actions left open', String(left.total)],
      ['goal', 'p99 ≤ 200 ms'],
    ];
    for (const [label, value] of rows) process.stdout.write(`${label!.padEnd(30)} ${value}\n`);
    service.child.kill('SIGTERM');
    await service.exit();
    await db.dropDatabase();
  } finally {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await client.close();
    await database.stop();
  }
}
