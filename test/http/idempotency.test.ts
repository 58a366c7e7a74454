import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';
import { courseType, unique } from './support/fixtures.js';

let api: ApiHarness;
let token: string;
let courseTypeId: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_idempotency'));
  courseTypeId = (await courseType(api, token)).id;
});
afterAll(async () => {
  await api.close();
});

async function coursesWithCode(code: string): Promise<number> {
  const list = await api.request('GET', `/dossiers/course?code=${code}`, { token });
  expect(list.status).toBe(200);
  return list.body.total;
}

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, and creates one record', async () => {
    const code = unique('IDEM');
    const body = { code, name: 'Replayed', courseTypeId };
    const headers = { 'idempotency-key': unique('key') };
    const first = await api.request('POST', '/dossiers/course', { token, body, headers });
    const second = await api.request('POST', '/dossiers/course', { token, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await coursesWithCode(code)).toBe(1);
  });

  it('refuses the same key with a different body with 422', async () => {
    const headers = { 'idempotency-key': unique('key') };
    const code = unique('IDEM');
    const first = await api.request('POST', '/dossiers/course', {
      token,
      headers,
      body: { code, name: 'One', courseTypeId },
    });
    expect(first.status).toBe(201);
    const second = await api.request('POST', '/dossiers/course', {
      token,
      headers,
      body: { code, name: 'Two', courseTypeId },
    });
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('idempotency.key-reused');
    expect(await coursesWithCode(code)).toBe(1);
  });

  it('lets concurrent requests with one key run once: the others get 409 or the replay', async () => {
    const code = unique('IDEM');
    const headers = { 'idempotency-key': unique('key') };
    const body = { code, name: 'Concurrent', courseTypeId };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api.request('POST', '/dossiers/course', { token, body, headers })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const successes = responses.filter((response) => response.status === 201);
    expect(successes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(successes.map((response) => response.body.id)).size).toBe(1);
    for (const conflict of responses.filter((response) => response.status === 409)) {
      expect(conflict.body.code).toBe('idempotency.in-progress');
    }
    expect(await coursesWithCode(code)).toBe(1);
  });

  it('does not remember failures, so a corrected retry with the same key runs', async () => {
    const headers = { 'idempotency-key': unique('key') };
    const code = unique('IDEM');
    const refused = await api.request('POST', '/dossiers/course', {
      token,
      headers,
      body: { code, name: 'Late', courseTypeId: 'ctp_missing' },
    });
    expect(refused.status).toBe(422);
    // Same body again: it is re-run (and refused again), not a replay of a remembered failure.
    const again = await api.request('POST', '/dossiers/course', {
      token,
      headers,
      body: { code, name: 'Late', courseTypeId: 'ctp_missing' },
    });
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps keys apart per token', async () => {
    const other = await api.token(await api.user({ admin: true }));
    const key = unique('key');
    const a = await api.request('POST', '/dossiers/course', {
      token,
      headers: { 'idempotency-key': key },
      body: { code: unique('IDEM'), name: 'A', courseTypeId },
    });
    const b = await api.request('POST', '/dossiers/course', {
      token: other,
      headers: { 'idempotency-key': key },
      body: { code: unique('IDEM'), name: 'B', courseTypeId },
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('refuses a key that is not visible ASCII', async () => {
    const response = await api.request('POST', '/dossiers/course', {
      token,
      headers: { 'idempotency-key': 'x'.repeat(300) },
      body: { code: unique('IDEM'), name: 'Long key', courseTypeId },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('header.Idempotency-Key');
  });
});
