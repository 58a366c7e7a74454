import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { MongoClient } from 'mongodb';
import type { Action } from '../src/domain/actions/index.js';
import { resolveDatabase } from '../src/store/database.js';
import { createUser } from '../src/workflow/admin/users.js';
import type { WorkflowDeps } from '../src/workflow/deps.js';
import { SYSTEM_USER } from '../src/workflow/system-user.js';
import { FakeSlack } from '../test/slack/fake-slack.js';
import { blockActionBody, buttonAction, commandBody, SIGNING_SECRET, sign } from '../test/slack/support.js';
import { type ServiceProcess, startServiceProcess } from '../test/support/service-process.js';
import { StallProxy } from '../test/support/stall-proxy.js';
import { benchActions, benchDeps, percentile } from './support.js';

/**
 * Slack acknowledgements (issue 8): a real service process (its Bolt app on the shared server, the
 * database behind a stalling proxy, a fake Slack Web API in this process), the requests sent from another
 * thread (Slack is another machine):
 * 1. CLICKS concurrent signed button clicks while the database answers nothing (a stalling proxy): every
 *    acknowledgement that arrives proves no database call came before it.
 * 2. CLICKS concurrent clicks on a live database: acknowledgement latency p50/p99 with all the work the
 *    clicks cause running beside them, as the sender sees it and as the service's request log has it
 *    (from the request being read to the answer sent: what is left is waiting to be read at all).
 * 3. One card posted in CHANNELS channels, changed through the REST API: until every copy shows it.
 */
const CLICKS = Number(process.env.BENCH_SLACK_CLICKS ?? 200);
const CHANNELS = Number(process.env.BENCH_SLACK_CHANNELS ?? 50);

/** Sends every body at once, signed, from a worker thread; resolves with each response's latency (ms). */
async function sendFromAnotherThread(url: string, bodies: readonly string[]): Promise<number[]> {
  const timestamp = Math.floor(Date.now() / 1000);
  const requests = bodies.map((body) => ({ body, signature: sign(body, timestamp) }));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      // The first fetch of a thread loads its HTTP client, and Slack's edge keeps its connections open:
      // neither the client's start nor TCP handshakes are the server's time, so warm both up first.
      await Promise.all(workerData.requests.map(async () => (await fetch(workerData.url)).text()));
      const latencies = await Promise.all(workerData.requests.map(async ({ body, signature }) => {
        const started = performance.now();
        const response = await fetch(workerData.url, { method: 'POST', body, headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(workerData.timestamp), 'x-slack-signature': signature } });
        await response.text();
        if (response.status !== 200) throw new Error('status ' + response.status);
        return performance.now() - started;
      }));
      parentPort.postMessage(latencies);
    })();`,
    { eval: true, workerData: { url, timestamp, requests } },
  );
  const [latencies] = (await once(worker, 'message')) as [number[]];
  await worker.terminate();
  return latencies.sort((a, b) => a - b);
}

async function seed(deps: WorkflowDeps, slackTeam: string, count: number) {
  const planner = await createUser(deps, SYSTEM_USER, {
    email: 'planner@bench.test',
    name: 'Planner',
    admin: true,
  });
  await deps.stores.users.addChatIdentity(
    planner.id,
    { platform: 'slack', teamId: slackTeam, userId: 'UPLANNER' },
    new Date(),
  );
  const actions = await benchActions(deps, count, {
    key: 'bench-todo',
    name: 'To do [Course:Name]',
    ownerRule: { kind: 'user', userId: planner.id },
  });
  return { planner, actions };
}

export default async function slackAckBench(): Promise<void> {
  const database = await resolveDatabase({ uri: process.env.MONGODB_URI, fallback: 'auto' });
  const proxy = await StallProxy.forUri(database.uri).start();
  const client = new MongoClient(database.uri);
  const fake = await new FakeSlack().start();
  let service: ServiceProcess | undefined;
  try {
    await client.connect();
    const dbName = `bench_slack_${Date.now()}`;
    const deps = await benchDeps(client.db(dbName), { locale: 'en', clock: () => new Date() });
    const { stores } = deps;
    const { planner, actions } = await seed(deps, fake.teamId, 2 * CLICKS + 1);

    // The service reaches the database through the stalling proxy; this process seeds and reads directly.
    service = await startServiceProcess(
      {
        MONGODB_URI: proxy.uriFor(database.uri),
        MONGODB_DB: dbName,
        SEED_EXAMPLE: 'false',
        SCHEDULER_ENABLED: 'false',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_API_URL: fake.apiUrl,
      },
      { readyTimeoutMs: 60_000 },
    );
    const events = `${service.url}/slack/events`;
    const clicks = (batch: readonly Action[]) =>
      batch.map((action) =>
        blockActionBody(fake, { user: 'UPLANNER', action: buttonAction(`done:${action.id}`) }),
      );
    const answered = (bodies: readonly { trigger: string }[]) =>
      fake.until(
        () => bodies.every((request) => fake.responses.some((entry) => entry.id === request.trigger)),
        'every request answered',
      );

    // 1. The database holds every byte: each acknowledgement that arrives came before any database call.
    const stalledBodies = clicks(actions.slice(0, CLICKS));
    proxy.stall();
    const stalled = await sendFromAnotherThread(
      events,
      stalledBodies.map((request) => request.body),
    );
    const answeredWhileStalled = fake.responses.filter((entry) =>
      stalledBodies.some((body) => body.trigger === entry.id),
    ).length;
    proxy.resume();
    await answered(stalledBodies);

    // 2. A live database, with every click's work running beside the acknowledgements.
    const liveBodies = clicks(actions.slice(CLICKS, 2 * CLICKS));
    const loggedBefore = service.logs.length;
    const live = await sendFromAnotherThread(
      events,
      liveBodies.map((request) => request.body),
    );
    await answered(liveBodies);
    // The service's own time per acknowledgement (its request log), without the wait to be read.
    const acksLogged = () =>
      service!.logs
        .slice(loggedBefore)
        .filter((entry) => entry.msg === 'request' && entry.path === '/slack/events');
    await fake.until(() => acksLogged().length >= CLICKS, 'every acknowledgement logged');
    const served = acksLogged()
      .map((entry) => Number(entry.durationMs))
      .sort((a, b) => a - b);
    const done = await stores.actions.find({ states: ['done'] }, { limit: 3 * CLICKS, skip: 0 });

    // 3. One card posted in many channels (`/actie show N post`), changed through the REST API: until
    //    every copy shows it.
    const card = actions[2 * CLICKS]!;
    const posts = Array.from({ length: CHANNELS }, (_, index) =>
      commandBody(fake, { user: 'UPLANNER', channel: `CBENCH${index}`, text: `show ${card.number} post` }),
    );
    await sendFromAnotherThread(
      events,
      posts.map((request) => request.body),
    );
    await answered(posts);
    const copies = (await stores.deliveries.copiesOf(card.id)).length;
    if (copies !== CHANNELS) throw new Error(`${copies} of ${CHANNELS} copies posted`);
    const { token } = await stores.apiTokens.create({
      name: 'bench',
      userId: planner.id,
      scopes: ['admin'],
      now: new Date(),
    });
    const updatesBefore = fake.callsOf('chat.update').length;
    const started = performance.now();
    const response = await fetch(`${service.url}/api/actions/${card.id}/snooze`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ by: { amount: 1, unit: 'days' } }),
    });
    if (response.status !== 200) throw new Error(`snooze answered ${response.status}`);
    await fake.until(
      () => fake.callsOf('chat.update').length - updatesBefore >= CHANNELS,
      'every copy updated',
    );
    const changeMs = performance.now() - started;

    console.table({
      'stalled database: acks received': `${stalled.length} of ${CLICKS}`,
      'stalled database: answers before resume': answeredWhileStalled,
      'stalled database: ack p50 / p99 ms': `${percentile(stalled, 50).toFixed(1)} / ${percentile(stalled, 99).toFixed(1)}`,
      'live database: ack p50 ms': Number(percentile(live, 50).toFixed(1)),
      'live database: ack p99 ms': Number(percentile(live, 99).toFixed(1)),
      'live database: ack max ms': Number((live.at(-1) ?? Number.NaN).toFixed(1)),
      'live database: in the service p50 / p99 ms': `${percentile(served, 50).toFixed(1)} / ${percentile(served, 99).toFixed(1)}`,
      'actions done': `${done.items.length} of ${2 * CLICKS}`,
      [`${CHANNELS} copies updated after an API change, ms`]: Number(changeMs.toFixed(0)),
      database: database.kind,
    });
  } finally {
    proxy.resume();
    if (service) {
      service.child.kill('SIGTERM');
      await service.exit();
    }
    await fake.stop();
    await client.close();
    await proxy.stop();
    await database.stop();
  }
}
