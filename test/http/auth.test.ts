import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/store/users.js';
import { type ApiHarness, startApi } from './support/api.js';

let api: ApiHarness;
let admin: UserRecord;
let adminToken: string;

beforeAll(async () => {
  api = await startApi('http_auth');
  admin = await api.user({ admin: true });
  adminToken = await api.token(admin, ['admin']);
});
afterAll(async () => {
  await api.close();
});

function expectProblem(response: { status: number; headers: Headers; body: Record<string, unknown> }) {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status: response.status, type: expect.stringMatching(/^urn:/) });
}

describe('bearer authentication', () => {
  it('refuses a request without a token with 401, problem+json and a Bearer challenge', async () => {
    const response = await api.request('GET', '/templates');
    expect(response.status).toBe(401);
    expectProblem(response);
    expect(response.body.code).toBe('auth.missing-token');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="stempel"');
  });

  it('refuses an unknown token and says it is invalid', async () => {
    const response = await api.request('GET', '/templates', { token: 'stp_not-a-real-token' });
    expect(response.status).toBe(401);
    expectProblem(response);
    expect(response.body.code).toBe('auth.invalid-token');
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('refuses a revoked token', async () => {
    const created = await api.deps.workflow.stores.apiTokens.create({
      name: 'to revoke',
      userId: admin.id,
      scopes: ['admin'],
      now: new Date(),
    });
    expect((await api.request('GET', '/templates', { token: created.token })).status).toBe(200);
    await api.deps.workflow.stores.apiTokens.revoke(created.id, new Date());
    const response = await api.request('GET', '/templates', { token: created.token });
    expect(response.status).toBe(401);
    expectProblem(response);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('refuses an expired token', async () => {
    const token = await api.token(admin, ['admin'], { expiresAt: new Date(Date.now() - 1000) });
    const response = await api.request('GET', '/templates', { token });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('auth.invalid-token');
  });

  it('refuses the token of a deactivated user', async () => {
    const leaver = await api.user({ active: false });
    const token = await api.token(leaver, ['templates:read']);
    const response = await api.request('GET', '/templates', { token });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('auth.inactive-user');
  });

  it('refuses a token without the route’s scope with 403 naming the scope', async () => {
    const reader = await api.user();
    const token = await api.token(reader, ['templates:read']);
    expect((await api.request('GET', '/templates', { token })).status).toBe(200);
    const response = await api.request('GET', '/actions', { token });
    expect(response.status).toBe(403);
    expectProblem(response);
    expect(response.body).toMatchObject({ code: 'auth.missing-scope', requiredScope: 'actions:read' });
    expect(response.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('lets the admin scope stand for every scope', async () => {
    for (const path of ['/templates', '/actions', '/dossiers/course', '/users', '/audit']) {
      const response = await api.request('GET', path, { token: adminToken });
      expect(response.status, path).toBe(200);
    }
  });

  it('keeps administration to administrators even with an admin-scoped token', async () => {
    const planner = await api.user();
    const token = await api.token(planner, ['admin']);
    const response = await api.request('GET', '/users', { token });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('admin.required');
  });

  it('serves the OpenAPI document without a token', async () => {
    const response = await api.request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const response = await api.request('GET', '/nothing-here', { token: adminToken });
    expect(response.status).toBe(404);
    expectProblem(response);
    expect(response.body.code).toBe('route.not-found');
  });
});
