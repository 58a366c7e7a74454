import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';
import { course, courseType, created, handTemplate, unique } from './support/fixtures.js';

let api: ApiHarness;
let token: string;
let courseTypeId: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_concurrency'));
  courseTypeId = (await courseType(api, token)).id;
});
afterAll(async () => {
  await api.close();
});

describe('optimistic concurrency', () => {
  it('refuses a dossier change based on a stale version (If-Match) with 409', async () => {
    const record = await course(api, token, courseTypeId);
    const first = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { name: 'Renamed once' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { name: 'Renamed from a stale copy' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('dossier.changed-concurrently');
    const now = await api.request('GET', `/dossiers/course/${record.id}`, { token });
    expect(now.body).toMatchObject({ name: 'Renamed once', version: 2 });
  });

  it('takes the expected version from the body too, and refuses a disagreeing pair', async () => {
    const record = await course(api, token, courseTypeId);
    const stale = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      body: { name: 'x', expectedVersion: 7 },
    });
    expect(stale.status).toBe(409);
    const mismatch = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { name: 'x', expectedVersion: 2 },
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors[0].field).toBe('body.expectedVersion');
    const ok = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      body: { name: 'y', expectedVersion: 1 },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a stale template change and a stale delete', async () => {
    const template = await created(api, token, '/templates', handTemplate(unique('occ')));
    const stale = await api.request('PATCH', `/templates/${template.id}`, {
      token,
      headers: { 'if-match': `"${template.version + 1}"` },
      body: { name: 'Too new' },
    });
    expect(stale.status).toBe(409);
    const record = await course(api, token, courseTypeId);
    const deleted = await api.request('DELETE', `/dossiers/course/${record.id}`, {
      token,
      headers: { 'if-match': '"5"' },
    });
    expect(deleted.status).toBe(409);
    expect((await api.request('GET', `/dossiers/course/${record.id}`, { token })).status).toBe(200);
  });

  it('refuses an If-Match that is not a version', async () => {
    const record = await course(api, token, courseTypeId);
    const response = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      headers: { 'if-match': '"abc"' },
      body: { name: 'x' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('header.If-Match');
  });

  it('completes an action once when two requests race: one 200, one 409', async () => {
    const template = await created(api, token, '/templates', handTemplate(unique('race')));
    const record = await course(api, token, courseTypeId);
    const action = await created(api, token, '/actions', { template: template.key, recordId: record.id });
    const responses = await Promise.all(
      [1, 2].map(() => api.request('POST', `/actions/${action.id}/complete`, { token, body: {} })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const conflict = responses.find((response) => response.status === 409)!;
    expect(['action.already-final', 'action.changed-concurrently']).toContain(conflict.body.code);
    const stored = await api.request('GET', `/actions/${action.id}`, { token });
    expect(stored.body.state).toBe('done');
    expect(stored.body.history.filter((entry: { kind: string }) => entry.kind === 'completed')).toHaveLength(
      1,
    );
  });
});
