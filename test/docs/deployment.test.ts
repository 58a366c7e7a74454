import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config.js';
import { root } from './support.js';

// Docker cannot run where this project's tests run, so the compose file and the Dockerfile are checked
// as files: the keys a first production run depends on, and the environment the service would get.

interface ComposeService {
  image?: string;
  build?: { context: string; args?: Record<string, string> };
  restart?: string;
  environment?: Record<string, string>;
  env_file?: Array<{ path: string; required?: boolean }>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const run = promisify(execFile);
let compose: { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
let scratch: string;
let dotEnv: Record<string, string>;

/** Compose's interpolation: `${VAR}`, `${VAR:-default}` and `${VAR:?error}` (which fails when unset). */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind, rest) => {
    const set = env[name];
    if (set) return set;
    if (kind === '?') throw new Error(`compose would refuse: ${name}: ${rest}`);
    return kind === '-' ? rest : '';
  });
}

function parseDotEnv(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
}

beforeAll(async () => {
  compose = parse(await readFile(path.join(root, 'compose.yaml'), 'utf8'));
  // scripts/init-env.sh on a copy, as the README's first step runs it.
  scratch = await mkdtemp(path.join(tmpdir(), 'stempel-init-env-'));
  await mkdir(path.join(scratch, 'scripts'));
  await copyFile(path.join(root, 'scripts/init-env.sh'), path.join(scratch, 'scripts/init-env.sh'));
  await copyFile(path.join(root, '.env.example'), path.join(scratch, '.env.example'));
  await run('sh', [path.join(scratch, 'scripts/init-env.sh')]);
  dotEnv = parseDotEnv(await readFile(path.join(scratch, '.env'), 'utf8'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('scripts/init-env.sh', () => {
  it('fills in every secret with distinct random hex, readable by the owner only', async () => {
    const secrets = ['MONGO_ROOT_PASSWORD', 'STEMPEL_DB_PASSWORD', 'CONSOLE_SESSION_SECRET'].map(
      (key) => dotEnv[key],
    );
    for (const secret of secrets) expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(secrets).size).toBe(3);
    expect((await stat(path.join(scratch, '.env'))).mode & 0o077).toBe(0);
  });

  it('never overwrites an existing .env', async () => {
    const before = await readFile(path.join(scratch, '.env'), 'utf8');
    await expect(run('sh', [path.join(scratch, 'scripts/init-env.sh')])).rejects.toThrow(/already exists/);
    expect(await readFile(path.join(scratch, '.env'), 'utf8')).toBe(before);
  });
});

describe('compose.yaml', () => {
  it('runs MongoDB with authentication, a restart policy, a health check and a data volume', () => {
    const mongo = compose.services.mongo!;
    expect(mongo.restart).toBe('unless-stopped');
    expect(mongo.environment?.MONGO_INITDB_ROOT_USERNAME).toBeTruthy();
    expect(mongo.environment?.MONGO_INITDB_ROOT_PASSWORD).toMatch(/^\$\{MONGO_ROOT_PASSWORD:\?/);
    expect(mongo.healthcheck?.test.join(' ')).toContain('ping');
    expect(mongo.volumes).toContain('mongo-data:/data/db');
    expect(compose.volumes).toHaveProperty('mongo-data');
    // Not published: only the service on the compose network reaches the database.
    expect(mongo.ports).toBeUndefined();
  });

  it('creates the application’s own database user from a script that exists', async () => {
    const mount = compose.services.mongo!.volumes!.find((volume) =>
      volume.includes('/docker-entrypoint-initdb.d'),
    );
    const source = mount!.split(':')[0]!;
    const script = await readFile(path.join(root, source, 'create-app-user.js'), 'utf8');
    expect(script).toContain('process.env.STEMPEL_DB_PASSWORD');
    expect(script).toContain("role: 'readWrite', db: 'stempel'");
  });

  it('runs Stempel after a healthy database, restarting, health-checked, in production mode', () => {
    const stempel = compose.services.stempel!;
    expect(stempel.restart).toBe('unless-stopped');
    expect(stempel.depends_on?.mongo?.condition).toBe('service_healthy');
    expect(stempel.healthcheck?.test.join(' ')).toContain('/readyz');
    expect(stempel.environment?.NODE_ENV).toBe('production');
    expect(stempel.env_file).toEqual([{ path: '.env', required: true }]);
    // The database root password stays with the database.
    expect(stempel.environment?.MONGO_ROOT_PASSWORD).toBe('');
  });

  it('has no default for any secret: each is required, with a message saying where it comes from', () => {
    const text = JSON.stringify(compose);
    for (const secret of ['MONGO_ROOT_PASSWORD', 'STEMPEL_DB_PASSWORD', 'CONSOLE_SESSION_SECRET']) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${secret}(:.)?`, 'g'))];
      expect(uses.length, secret).toBeGreaterThan(0);
      for (const use of uses) expect(use[1], secret).toBe(':?');
    }
    expect(() => interpolate(compose.services.stempel!.environment!.CONSOLE_SESSION_SECRET!, {})).toThrow(
      /init-env/,
    );
  });

  it('gives the service an environment it starts with in production, from the generated .env', () => {
    const stempel = compose.services.stempel!;
    const fromCompose = Object.fromEntries(
      Object.entries(stempel.environment!).map(([key, value]) => [key, interpolate(String(value), dotEnv)]),
    );
    // Dockerfile's ENV, then env_file, then environment: compose's order of precedence.
    const env = { HOST: '0.0.0.0', PORT: '3000', ...dotEnv, ...fromCompose };
    const config = loadConfig(env);
    expect(config.NODE_ENV).toBe('production');
    expect(config.MONGODB_URI).toBe(
      `mongodb://stempel:${dotEnv.STEMPEL_DB_PASSWORD}@mongo:27017/stempel?authSource=stempel`,
    );
    expect(config.CONSOLE_SESSION_SECRET).toBe(dotEnv.CONSOLE_SESSION_SECRET);
    // /metrics is not open to whoever reaches the port.
    expect(config.METRICS_TOKEN).toBe(dotEnv.METRICS_TOKEN);
  });

  it('interpolates only variables that .env.example documents', async () => {
    const documented = Object.keys(
      parseDotEnv((await readFile(path.join(root, '.env.example'), 'utf8')).replace(/^# /gm, '')),
    );
    const used = [...JSON.stringify(compose).matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((match) => match[1]!);
    expect(used.filter((name) => !documented.includes(name))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  let dockerfile: string;
  beforeAll(async () => {
    dockerfile = await readFile(path.join(root, 'Dockerfile'), 'utf8');
  });

  it('builds from one base image argument, runs as a non-root user with an init and a health check', () => {
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
    expect(froms).toHaveLength(2);
    for (const from of froms) expect(from).toMatch(/^\$\{NODE_IMAGE\}$/);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    expect(compose.services.stempel!.build?.args?.NODE_IMAGE).toContain('NODE_IMAGE');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(dockerfile).toContain('npm ci --omit=dev');
  });

  it('copies only paths that exist, and everything the build reads', async () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) =>
      match[1]!.split(' '),
    );
    for (const source of copied) await expect(stat(path.join(root, source)), source).resolves.toBeDefined();
    for (const input of ['src', 'adapters', 'scripts', 'tsconfig.build.json', 'package-lock.json']) {
      expect(copied).toContain(input);
    }
  });
});
