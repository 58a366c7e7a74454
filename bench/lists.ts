import {
  ADMIN_TOKEN,
  growTo,
  request,
  residentBytes,
  startWorkload,
  stopWorkload,
  TEMPLATES,
  type Workload,
} from './harness/workload.js';
import { percentile } from './support.js';

/**
 * First-page list latency at 20,000 and 100,000 open actions (issue 13): a real service process on the
 * embedded default, loaded through the REST API (1,000 then 5,000 courses with 20 stamped templates each),
 * then each list asked for REPEATS times in a row. Printed per list: p50 and p95 at both sizes and the
 * p50 ratio (goal: ≤ 50 ms at 100k, ratio < 2), and the service's resident memory with what each further
 * 10,000 actions added. The scheduler is off, so the due-sweep's notices do not add noise to the timings.
 */
const SIZES = (process.env.BENCH_LIST_ACTIONS ?? '20000,100000').split(',').map(Number);
const REPEATS = 25;

interface Case {
  readonly label: string;
  readonly path: (workload: Workload) => string;
  readonly planner?: boolean;
}

const CASES: Case[] = [
  { label: 'admin, default list', path: () => '/api/actions' },
  { label: 'admin, overdue', path: () => '/api/actions?overdue=true' },
  { label: 'admin, one owner', path: (w) => `/api/actions?owner=${w.plannerId}` },
  { label: 'admin, colour today', path: () => '/api/actions?colour=today' },
  { label: 'admin, colour future', path: () => '/api/actions?colour=future' },
  { label: 'planner, default list', path: () => '/api/actions', planner: true },
  { label: 'planner, overdue', path: () => '/api/actions?overdue=true', planner: true },
  { label: 'planner, mine', path: () => '/api/actions?owner=me', planner: true },
];

async function time(workload: Workload, entry: Case): Promise<{ p50: number; p95: number; total: string }> {
  const token = entry.planner ? workload.plannerToken : ADMIN_TOKEN;
  const path = entry.path(workload);
  let total = '';
  const times: number[] = [];
  for (let run = -3; run < REPEATS; run += 1) {
    const started = performance.now();
    const response = await request(workload.url, token, 'GET', path);
    const elapsed = performance.now() - started;
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    const body = response.body as { total: number; totalExact: boolean };
    total = `${body.total}${body.totalExact ? '' : '+'}`;
    if (run >= 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), total };
}

export default async function listsBench(): Promise<void> {
  const workload = await startWorkload({ SCHEDULER_ENABLED: 'false' });
  try {
    const baseline = await residentBytes(workload.service);
    const results = new Map<number, Map<string, { p50: number; p95: number; total: string }>>();
    const memory = new Map<number, number>();
    for (const actions of SIZES) {
      const started = Date.now();
      await growTo(workload, actions / TEMPLATES);
      process.stdout.write(`loaded ${actions} actions in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      const byCase = new Map<string, { p50: number; p95: number; total: string }>();
      for (const entry of CASES) byCase.set(entry.label, await time(workload, entry));
      results.set(actions, byCase);
      memory.set(actions, await residentBytes(workload.service));
    }
    const [small, large] = [SIZES[0]!, SIZES[SIZES.length - 1]!];
    const header = [
      'list',
      ...SIZES.flatMap((n) => [`${n / 1000}k p50 ms`, `${n / 1000}k p95 ms`]),
      'ratio',
      'total',
    ];
    process.stdout.write(`${header.join(' | ')}\n`);
    for (const entry of CASES) {
      const cells = SIZES.flatMap((n) => {
        const result = results.get(n)!.get(entry.label)!;
        return [result.p50.toFixed(1), result.p95.toFixed(1)];
      });
      const ratio = results.get(large)!.get(entry.label)!.p50 / results.get(small)!.get(entry.label)!.p50;
      const total = results.get(large)!.get(entry.label)!.total;
      process.stdout.write(`${[entry.label, ...cells, ratio.toFixed(2), total].join(' | ')}\n`);
    }
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    process.stdout.write(`resident memory: ${mib(baseline)} MiB before loading`);
    for (const n of SIZES) process.stdout.write(`, ${mib(memory.get(n)!)} MiB at ${n / 1000}k`);
    const perTenThousand = ((memory.get(large)! - memory.get(small)!) / (large - small)) * 10_000;
    process.stdout.write(
      `\nresident memory per 10,000 actions (${small / 1000}k→${large / 1000}k): ${mib(perTenThousand)} MiB\n`,
    );
    process.stdout.write('goal: first page ≤ 50 ms at 100k, ratio < 2\n');
  } finally {
    await stopWorkload(workload);
  }
}
