import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from './support/api.js';

let api: ApiHarness;
let adminToken: string;
let plannerToken: string;

beforeAll(async () => {
  api = await startApi('http_digests', { digests: true });
  adminToken = await api.token(await api.user({ admin: true }));
  plannerToken = await api.token(await api.user({ roles: ['planning'] }), ['actions:read', 'actions:write']);
});
afterAll(() => api.close());

const request = {
  target: { platform: 'console', channel: 'planning' },
  schedule: { cron: '30 8 * * 1-5', timeZone: 'Europe/Amsterdam', workingDaysOnly: true },
};

describe('digests in the REST API', () => {
  it('subscribes a channel, lists it with its next run for administrators, and stops it', async () => {
    const created = await api.request('POST', '/digests', { token: plannerToken, body: request });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ addressKey: 'console:channel:planning', whenEmpty: 'say', top: 10 });
    expect(new Date(created.body.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    const again = await api.request('POST', '/digests', {
      token: plannerToken,
      body: { ...request, whenEmpty: 'skip' },
    });
    expect(again.body.id).toBe(created.body.id);

    const listed = await api.request('GET', '/digests', { token: adminToken });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, whenEmpty: 'skip' })]);
    expect((await api.request('GET', '/digests', { token: plannerToken })).status).toBe(403);

    const removed = await api.request('DELETE', `/digests/${created.body.id}`, { token: adminToken });
    expect(removed.status).toBe(200);
    expect((await api.request('GET', '/digests', { token: adminToken })).body.items).toEqual([]);
  });

  it('refuses a bad schedule, time zone or audience, naming the field', async () => {
    const badCron = await api.request('POST', '/digests', {
      token: plannerToken,
      body: { ...request, schedule: { ...request.schedule, cron: '99 * * * *' } },
    });
    expect(badCron.status).toBe(422);
    expect(JSON.stringify(badCron.body)).toContain('schedule.cron');
    const badZone = await api.request('POST', '/digests', {
      token: plannerToken,
      body: { ...request, schedule: { ...request.schedule, timeZone: 'Mars/Olympus' } },
    });
    expect(JSON.stringify(badZone.body)).toContain('schedule.timeZone');
    const audience = await api.request('POST', '/digests', {
      token: plannerToken,
      body: { ...request, audienceRole: 'finance' },
    });
    expect(audience.status).toBe(403);
    expect(audience.body.code).toBe('digest.audience-not-held');
    const channel = await api.request('POST', '/digests', {
      token: plannerToken,
      body: { ...request, target: { platform: 'slack', channel: 'C1' } },
    });
    expect(channel.status).toBe(422);
    expect(JSON.stringify(channel.body)).toContain('target.channel');
  });

  it('refuses a scope naming a template, course type, record or owner that does not exist, naming the field', async () => {
    const scoped = (scope: Record<string, unknown>) =>
      api.request('POST', '/digests', { token: plannerToken, body: { ...request, scope } });
    for (const [field, scope] of [
      ['scope.templateIds', { templateIds: ['tpl_nope'] }],
      ['scope.courseTypeIds', { courseTypeIds: ['ctp_nope'] }],
      ['scope.recordId', { recordId: 'crs_nope' }],
      ['scope.ownerUserIds', { ownerUserIds: ['usr_nope'] }],
    ] as const) {
      const refused = await scoped(scope);
      expect(refused.status, field).toBe(404);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([`body.${field}`]);
    }
    expect((await api.request('GET', '/digests', { token: adminToken })).body.items).toEqual([]);
  });
});
