import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  ADMIN_TOKEN,
  growTo,
  request,
  residentBytes,
  startWorkload,
  stopWorkload,
  TEMPLATES,
} from './harness/workload.js';
import { percentile } from './support.js';

/**
 * Overload (issue 13): CLIENTS concurrent clients listing overdue actions at ACTIONS open actions, for
 * DURATION_MS, against a real service process on the embedded default with its scheduler (due-sweep)
 * running. Clients are impatient: each gives up after CLIENT_TIMEOUT_MS and, when refused with 503, tries
 * again after PAUSE_MS instead of honouring Retry-After. Meanwhile a separate process asks /healthz every
 * 100 ms (in this process the load generator's own work would delay it).
 * Printed: served lists per second, their p50/p99 latency, refused (503 busy), timed out (503 from the
 * server's time limit), given up by clients, the longest and p99 /healthz wait, due-sweep passes that
 * overran their budget, and resident memory.
 */
const ACTIONS = Number(process.env.BENCH_OVERLOAD_ACTIONS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_OVERLOAD_CLIENTS ?? 200);
const DURATION_MS = Number(process.env.BENCH_OVERLOAD_MS ?? 20_000);
const CLIENT_TIMEOUT_MS = 10_000;
const PAUSE_MS = 20;
/** `BENCH_OVERLOAD_POLITE=1`: clients wait the Retry-After the service asks for. */
const POLITE = process.env.BENCH_OVERLOAD_POLITE === '1';

interface Tally {
  served: number[];
  busy: number;
  timedOut: number;
  gaveUp: number;
  failed: number;
}

async function client(url: string, until: number, tally: Tally): Promise<void> {
  while (Date.now() < until) {
    const started = performance.now();
    try {
      const response = await fetch(`${url}/api/actions?overdue=true`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.status === 200) tally.served.push(performance.now() - started);
      else if (response.status === 503) {
        if (text.includes('request.timed-out')) tally.timedOut += 1;
        else tally.busy += 1;
        const retryAfter = Number(response.headers.get('retry-after') ?? 1) * 1000;
        await new Promise((resolve) => setTimeout(resolve, POLITE ? retryAfter : PAUSE_MS));
      } else tally.failed += 1;
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') tally.gaveUp += 1;
      else tally.failed += 1;
    }
  }
}

/** The /healthz waits, measured by a process of its own (bench/harness/probe.mjs). */
async function probe(url: string, until: number): Promise<number[]> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./harness/probe.mjs', import.meta.url)), url, String(until)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  await once(child, 'exit');
  return JSON.parse(output) as number[];
}

export default async function overloadBench(): Promise<void> {
  const workload = await startWorkload({
    ...(process.env.BENCH_OVERLOAD_GC_REPORT
      ? { NODE_OPTIONS: `--import ${new URL('./harness/trace-gc.mjs', import.meta.url).pathname}` }
      : {}),
    ...(process.env.BENCH_OVERLOAD_SCHEDULER === 'false' ? { SCHEDULER_ENABLED: 'false' } : {}),
  });
  try {
    const loadStarted = Date.now();
    await growTo(workload, ACTIONS / TEMPLATES);
    process.stdout.write(
      `loaded ${ACTIONS} actions in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s\n`,
    );
    // Warm: the lists' code is compiled by the time the clients come, as in a service that has been up.
    for (let run = 0; run < 20; run += 1)
      await request(workload.url, ADMIN_TOKEN, 'GET', '/api/actions?overdue=true');
    const loadBefore = loadavg()[0]!;
    const tally: Tally = { served: [], busy: 0, timedOut: 0, gaveUp: 0, failed: 0 };
    const started = Date.now();
    const until = started + DURATION_MS;
    let peak = 0;
    const sampler = setInterval(async () => {
      peak = Math.max(peak, await residentBytes(workload.service).catch(() => 0));
    }, 1_000);
    const [waits] = await Promise.all([
      probe(workload.url, until),
      ...Array.from({ length: CLIENTS }, () => client(workload.url, until, tally)),
    ]);
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const sweep = sweepPasses(workload.service.logs(), started);
    const served = [...tally.served].sort((a, b) => a - b);
    const healthz = [...waits].sort((a, b) => a - b);
    const rows: Array<[string, string]> = [
      ['database', 'embedded (in the service process)'],
      ['open actions', String(ACTIONS)],
      ['clients', `${CLIENTS} (${POLITE ? 'honour Retry-After' : `retry after ${PAUSE_MS} ms`})`],
      ['duration (s)', seconds.toFixed(1)],
      ['served lists', String(served.length)],
      ['throughput (lists/s)', (served.length / seconds).toFixed(1)],
      ['served p50 (ms)', percentile(served, 50).toFixed(0)],
      ['served p99 (ms)', percentile(served, 99).toFixed(0)],
      ['refused 503 busy', String(tally.busy)],
      ['refused 503 timed out', String(tally.timedOut)],
      ['given up by clients', String(tally.gaveUp)],
      ['other failures', String(tally.failed)],
      ['/healthz asked', String(healthz.length)],
      [
        '/healthz p50 / p90 (ms)',
        `${percentile(healthz, 50).toFixed(0)} / ${percentile(healthz, 90).toFixed(0)}`,
      ],
      ['/healthz p99 (ms)', percentile(healthz, 99).toFixed(0)],
      ['/healthz over 1 s', String(healthz.filter((wait) => wait > 1_000).length)],
      [
        '/healthz longest (ms)',
        `${(healthz.at(-1) ?? Number.NaN).toFixed(0)} (probe ${waits.indexOf(healthz.at(-1)!) + 1} of ${waits.length})`,
      ],
      ['due-sweep overruns', String(sweep.overruns)],
      ['due-sweep longest working pass (ms)', String(sweep.longest)],
      ['resident memory peak (MiB)', (peak / 2 ** 20).toFixed(0)],
      // The machine is shared: a busy one delays every process, the probe's too.
      ['machine load (1 min avg)', `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`],
    ];
    for (const [label, value] of rows) process.stdout.write(`${label.padEnd(28)} ${value}\n`);
    if (process.env.BENCH_OVERLOAD_GC_REPORT) {
      const pauses = readFileSync(workload.service.logFile, 'utf8')
        .split('\n')
        .map((line) => /(Mark-Compact|Scavenge|Mark-sweep)[^,]*,\s*([\d.]+)\s*\/\s*[\d.]+\s*ms/i.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], Number(match[2])] as const)
        .sort((a, b) => b[1] - a[1]);
      process.stdout.write(`longest GC pauses: ${JSON.stringify(pauses.slice(0, 8))}\n`);
    }
  } finally {
    await stopWorkload(workload);
  }
}

/** Due-sweep passes that ended during the load, from the log (a pass that did nothing logs nothing). */
function sweepPasses(logs: ReadonlyArray<Record<string, unknown>>, since: number) {
  const passes = logs.filter(
    (entry) =>
      (entry.msg === 'due-sweep' || entry.msg === 'due-sweep overran its budget') &&
      Date.parse(String(entry.time)) >= since,
  );
  return {
    overruns: passes.filter((entry) => entry.msg === 'due-sweep overran its budget').length,
    longest: Math.max(0, ...passes.map((entry) => Number(entry.durationMs) || 0)),
  };
}
