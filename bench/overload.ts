import {
  ADMIN_TOKEN,
  growTo,
  percentile,
  residentBytes,
  startWorkload,
  stopWorkload,
  TEMPLATES,
} from './support/workload.js';

/**
 * Overload (issue 13): CLIENTS concurrent clients listing overdue actions at ACTIONS open actions, for
 * DURATION_MS, against a real service process on the embedded default with its scheduler (due-sweep)
 * running. Clients are impatient: each gives up after CLIENT_TIMEOUT_MS and, when refused with 503, tries
 * again after PAUSE_MS instead of honouring Retry-After. Meanwhile /healthz is asked every 100 ms.
 * Printed: served lists per second, their p50/p99 latency, refused (503 busy), timed out (503 from the
 * server's time limit), given up by clients, the longest and p99 /healthz wait, due-sweep passes that
 * overran their budget, and resident memory.
 */
const ACTIONS = Number(process.env.BENCH_OVERLOAD_ACTIONS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_OVERLOAD_CLIENTS ?? 200);
const DURATION_MS = Number(process.env.BENCH_OVERLOAD_MS ?? 20_000);
const CLIENT_TIMEOUT_MS = 10_000;
const PAUSE_MS = 20;

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
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      } else tally.failed += 1;
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') tally.gaveUp += 1;
      else tally.failed += 1;
    }
  }
}

async function probe(url: string, until: number, waits: number[]): Promise<void> {
  while (Date.now() < until) {
    const started = performance.now();
    const response = await fetch(`${url}/healthz`);
    await response.text();
    waits.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export default async function overloadBench(): Promise<void> {
  const workload = await startWorkload();
  try {
    const loadStarted = Date.now();
    await growTo(workload, ACTIONS / TEMPLATES);
    process.stdout.write(`loaded ${ACTIONS} actions in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s\n`);
    const overrunsBefore = overruns(workload.service.logs);
    const tally: Tally = { served: [], busy: 0, timedOut: 0, gaveUp: 0, failed: 0 };
    const waits: number[] = [];
    const started = Date.now();
    const until = started + DURATION_MS;
    let peak = 0;
    const sampler = setInterval(async () => {
      peak = Math.max(peak, await residentBytes(workload.service).catch(() => 0));
    }, 1_000);
    await Promise.all([
      ...Array.from({ length: CLIENTS }, () => client(workload.url, until, tally)),
      probe(workload.url, until, waits),
    ]);
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const served = [...tally.served].sort((a, b) => a - b);
    const healthz = [...waits].sort((a, b) => a - b);
    const rows: Array<[string, string]> = [
      ['database', 'embedded (in the service process)'],
      ['open actions', String(ACTIONS)],
      ['clients', String(CLIENTS)],
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
      ['/healthz p99 (ms)', percentile(healthz, 99).toFixed(0)],
      ['/healthz longest (ms)', (healthz.at(-1) ?? Number.NaN).toFixed(0)],
      ['due-sweep overruns', String(overruns(workload.service.logs) - overrunsBefore)],
      ['resident memory peak (MiB)', (peak / 2 ** 20).toFixed(0)],
    ];
    for (const [label, value] of rows) process.stdout.write(`${label.padEnd(28)} ${value}\n`);
  } finally {
    await stopWorkload(workload);
  }
}

function overruns(logs: ReadonlyArray<Record<string, unknown>>): number {
  return logs.filter((entry) => entry.msg === 'due-sweep overran its budget').length;
}
