import { readFile } from 'node:fs/promises';
import { MongoClient } from 'mongodb';
import { ApiTokenStore } from '../../src/store/api-tokens.js';
import { type BenchService, startBenchService } from './service.js';

/**
 * The list workload of issue 13, loaded the way an institute's administration would load it: through the
 * REST API of a real service process on the embedded default. One course type with TEMPLATES linked
 * course templates (manual, stamped when a course is created, owned by the course's contact person, half
 * of them readable by the planning role only), and courses whose start dates spread over four months
 * around today, so about half of the actions are overdue. Every course stamps TEMPLATES open actions.
 */
export const TEMPLATES = 20;
const PLANNERS = 10;
const LOAD_CONCURRENCY = 8;
export const ADMIN_TOKEN = `stp_bench_${'x'.repeat(40)}`;

export interface Workload {
  readonly service: BenchService;
  readonly url: string;
  /** A planner (non-admin) token: lists are filtered by the planning role. */
  readonly plannerToken: string;
  readonly plannerId: string;
  courses: number;
}

export async function request(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

async function ok<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await request(url, token, method, path, body);
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** Starts the service (extra environment on top of the bench's) and creates the templates and users. */
export async function startWorkload(env: Record<string, string> = {}): Promise<Workload> {
  const service = await startBenchService({
    DATABASE_FALLBACK: 'embedded',
    SEED_EXAMPLE: 'false',
    LOG_LEVEL: 'info',
    BOOTSTRAP_ADMINS: 'bench-admin@institute.test',
    BOOTSTRAP_API_TOKEN: ADMIN_TOKEN,
    ...env,
  });
  const { url } = service;
  const planners: Array<{ id: string }> = [];
  for (let index = 0; index < PLANNERS; index += 1) {
    planners.push(
      await ok(url, ADMIN_TOKEN, 'POST', '/api/users', {
        email: `planner${index}@institute.test`,
        name: `Planner ${index}`,
        roles: ['planning'],
      }),
    );
  }
  const plannerId = planners[0]!.id;
  const plannerToken = await tokenFor(service, plannerId);
  const courseType = await ok<{ id: string }>(url, ADMIN_TOKEN, 'POST', '/api/course-types', {
    key: 'bench',
    name: 'Bench',
  });
  for (let index = 0; index < TEMPLATES; index += 1) {
    await ok(url, ADMIN_TOKEN, 'POST', '/api/templates', {
      key: `bench-${index}`,
      name: `Step ${index} for [Course:Name]`,
      execution: 'manual',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      ownerRule: { kind: 'course-contact' },
      readRoles: index % 2 === 0 ? [] : ['planning'],
      timing: {
        start: { amount: 30 - index, unit: 'days', direction: 'before', anchor: 'course.startDate' },
        end: { amount: 20 - index, unit: 'days', direction: 'before', anchor: 'course.startDate' },
      },
      courseTypeIds: [courseType.id],
    });
  }
  const workload: Workload = {
    service,
    url,
    plannerToken,
    plannerId,
    courses: 0,
  };
  (workload as { courseTypeId?: string }).courseTypeId = courseType.id;
  (workload as { planners?: Array<{ id: string }> }).planners = planners;
  return workload;
}

/**
 * An API token for a non-admin user. Tokens are made with the CLI, which cannot reach an embedded
 * database inside another process; the bench connects to that database (its address is in the service's
 * start-up log) and stores one the way the CLI would.
 */
async function tokenFor(service: BenchService, userId: string): Promise<string> {
  const line = service
    .logs()
    .find((entry) => typeof entry.msg === 'string' && entry.msg.startsWith('database:'));
  const uri = /mongodb:\/\/\S+/.exec(String(line?.msg))?.[0];
  if (!uri) throw new Error('the service did not log its embedded database address');
  const client = await new MongoClient(uri).connect();
  try {
    const created = await new ApiTokenStore(client.db('stempel')).create({
      name: 'bench planner',
      userId,
      scopes: ['actions:read'],
      now: new Date(),
    });
    return created.token;
  } finally {
    await client.close();
  }
}

/** Adds courses until the workload has `total` of them (TEMPLATES open actions each). */
export async function growTo(workload: Workload, total: number): Promise<void> {
  const { courseTypeId, planners } = workload as unknown as {
    courseTypeId: string;
    planners: Array<{ id: string }>;
  };
  const day = 24 * 60 * 60 * 1000;
  let next = workload.courses;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const start = new Date(Date.now() + ((index % 120) - 60) * day);
      await ok(workload.url, ADMIN_TOKEN, 'POST', '/api/dossiers/course', {
        code: `B-${index}`,
        name: `Bench course ${index}`,
        courseTypeId,
        startDate: start.toISOString(),
        contactUserId: planners[index % planners.length]!.id,
      });
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
  workload.courses = total;
}

/** The resident set size of the service process, in bytes (Linux /proc). */
export async function residentBytes(service: BenchService): Promise<number> {
  const status = await readFile(`/proc/${service.child.pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

export async function stopWorkload(workload: Workload): Promise<void> {
  await workload.service.stop();
}
