import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from './support/api.js';

const root = path.resolve(import.meta.dirname, '../..');
/** Each run starts Node and transpiles the CLI with tsx: seconds on a busy machine, so generous limits. */
const cliTimeout = 180_000;
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi('http_cli');
});
afterAll(async () => {
  await api.close();
});

/** Runs the real CLI as `npm run cli` does, against this file's database. */
function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          MONGODB_URI: api.database.uri,
          MONGODB_DB: api.database.db.databaseName,
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('the CLI', () => {
  it('creates a user and a token that works against the API with exactly its scopes', {
    timeout: cliTimeout,
  }, async () => {
    const user = await cli([
      'user',
      'create',
      '--email',
      'planner@institute.test',
      '--name',
      'Pat Planner',
      '--roles',
      'planning,sales',
      '--automatic-workflow',
    ]);
    expect(user.code, user.stderr).toBe(0);
    const userId = user.stdout.trim();
    expect(userId).toMatch(/^usr_/);
    const stored = await api.deps.workflow.stores.users.get(userId);
    expect(stored).toMatchObject({ roles: ['planning', 'sales'], automaticWorkflow: true, admin: false });

    const created = await cli([
      'token',
      'create',
      '--user',
      'planner@institute.test',
      '--scopes',
      'templates:read,actions:read',
      '--name',
      'reporting',
      '--expires',
      '2099-01-01',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^stp_[A-Za-z0-9_-]{40,}$/);
    expect(created.stderr).toContain('shown only once');
    expect(created.stderr).toContain('2099-01-01T00:00:00.000Z');

    expect((await api.request('GET', '/templates', { token })).status).toBe(200);
    expect((await api.request('GET', '/actions', { token })).status).toBe(200);
    expect((await api.request('GET', '/dossiers/course', { token })).status).toBe(403);

    const listed = await cli(['token', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('reporting');
    expect(listed.stdout).not.toContain(token);
    const id = listed.stdout
      .split('\n')
      .find((line) => line.includes('reporting'))
      ?.split('\t')[0];
    expect(id).toMatch(/^tok_/);

    const revoked = await cli(['token', 'revoke', id!]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await api.request('GET', '/templates', { token })).status).toBe(401);

    const audit = await api.deps.workflow.stores.audit.list({ entityType: 'api-token', limit: 10 });
    expect(audit.map((entry) => entry.kind).sort()).toEqual(['api-token.created', 'api-token.revoked']);
    expect(audit.every((entry) => entry.actor === 'cli')).toBe(true);
  });

  it('refuses unknown scopes, users and arguments, listing the valid scopes', {
    timeout: cliTimeout,
  }, async () => {
    const [scopes, user, usage] = await Promise.all([
      cli(['token', 'create', '--user', 'x@y.test', '--scopes', 'everything', '--name', 'n']),
      cli(['token', 'create', '--user', 'nobody@y.test', '--scopes', 'admin', '--name', 'n']),
      cli(['token', 'create', '--user']),
    ]);
    expect(scopes.code).toBe(2);
    expect(scopes.stderr).toContain('Unknown scope(s): everything');
    expect(scopes.stderr).toContain('actions:write');
    expect(user.code).toBe(1);
    expect(user.stderr).toContain('No user with e-mail nobody@y.test');
    expect(usage.code).toBe(2);
  });

  it('without MONGODB_URI and no service running on its DATA_DIR, says how to give it a database', {
    timeout: cliTimeout,
  }, async () => {
    const result = await cli(['token', 'list'], {
      MONGODB_URI: '',
      DATA_DIR: path.join(root, '.data', 'no-service-here'),
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('Set MONGODB_URI, or start the service first (npm start)');
    expect(result.stderr).toContain(path.join(root, '.data', 'no-service-here', 'runtime.json'));
  });
});
