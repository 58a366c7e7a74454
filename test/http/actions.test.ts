import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/store/users.js';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';
import { course, courseType, created, handTemplate, unique } from './support/fixtures.js';

let api: ApiHarness;
let token: string;
let sales: UserRecord;
let salesToken: string;
let courseTypeId: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_actions'));
  sales = await api.user({ roles: ['sales'] });
  salesToken = await api.token(sales, ['actions:read', 'actions:write']);
  courseTypeId = (await courseType(api, token)).id;
});
afterAll(async () => {
  await api.close();
});

async function stamped(extra: Record<string, unknown> = {}, templateExtra: Record<string, unknown> = {}) {
  const template = await created(api, token, '/templates', {
    ...handTemplate(unique('hand')),
    ...templateExtra,
  });
  const record = await course(api, token, courseTypeId);
  const action = await created<Record<string, unknown>>(api, token, '/actions', {
    template: template.key,
    recordId: record.id,
    ...extra,
  });
  return { template, record, action };
}

describe('actions', () => {
  it('are stamped by hand once per template and record', async () => {
    const { template, record, action } = await stamped({ remarks: 'call before noon' });
    expect(action).toMatchObject({ state: 'open', remarks: 'call before noon', templateId: template.id });
    const again = await api.request('POST', '/actions', {
      token,
      body: { template: template.key, recordId: record.id },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'action.already-stamped', details: { actionId: action.id } });
    const unknown = await api.request('POST', '/actions', {
      token,
      body: { template: 'no-such-template', recordId: record.id },
    });
    expect(unknown.status).toBe(404);
  });

  it('are listed by owner, state and template, and hidden from users who may not read them', async () => {
    const mine = await stamped({ ownerUserId: sales.id }, { readRoles: ['sales'], writeRoles: ['sales'] });
    const hidden = await stamped({}, { readRoles: ['finance'], writeRoles: ['finance'] });
    const own = await api.request('GET', '/actions?owner=me', { token: salesToken });
    expect(own.body.items.map((a: { id: string }) => a.id)).toEqual([mine.action.id]);
    expect(own.body).toMatchObject({ total: 1, totalExact: true, limit: 50, skip: 0 });
    const visible = await api.request('GET', '/actions?limit=500', { token: salesToken });
    const ids = visible.body.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(mine.action.id);
    expect(ids).not.toContain(hidden.action.id);
    expect((await api.request('GET', `/actions/${hidden.action.id}`, { token: salesToken })).status).toBe(
      404,
    );

    const unowned = await api.request('GET', `/actions?owner=none&template=${hidden.template.key}`, {
      token,
    });
    expect(unowned.body.items.map((a: { id: string }) => a.id)).toEqual([hidden.action.id]);
    const done = await api.request('GET', '/actions?state=done,cancelled', { token });
    expect(done.body.items.every((a: { state: string }) => ['done', 'cancelled'].includes(a.state))).toBe(
      true,
    );
  });

  it('are assigned, edited, snoozed, completed and cancelled, each answered with the new state', async () => {
    const { action } = await stamped();
    const assigned = await api.request('POST', `/actions/${action.number}/assign`, {
      token,
      body: { ownerUserId: sales.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ ownerUserId: sales.id, colour: expect.any(String) });

    const edited = await api.request('PATCH', `/actions/${action.id}`, {
      token,
      body: { end: '2030-01-10T09:00:00+01:00', priority: 'high', remarks: 'moved' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ priority: 'high', remarks: 'moved', datesEditedByHand: true });
    const backwards = await api.request('PATCH', `/actions/${action.id}`, {
      token,
      body: { start: '2030-02-01T09:00:00+01:00', end: '2030-01-01T09:00:00+01:00' },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].field).toBe('body.end');
    expect((await api.request('PATCH', `/actions/${action.id}`, { token, body: {} })).status).toBe(422);

    const snoozed = await api.request('POST', `/actions/${action.id}/snooze`, {
      token,
      body: { by: { amount: 2, unit: 'working-days' } },
    });
    expect(snoozed.status).toBe(200);
    expect(new Date(snoozed.body.start).getTime()).toBeGreaterThan(Date.now());
    const both = await api.request('POST', `/actions/${action.id}/snooze`, { token, body: {} });
    expect(both.status).toBe(422);

    const completed = await api.request('POST', `/actions/${action.id}/complete`, { token });
    expect(completed.status).toBe(200);
    expect(completed.body.state).toBe('done');
    const cancel = await api.request('POST', `/actions/${action.id}/cancel`, { token, body: {} });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('action.already-final');
  });

  it('refuses changes by users who may only read', async () => {
    const { action } = await stamped({}, { readRoles: ['sales'], writeRoles: ['management'] });
    const response = await api.request('POST', `/actions/${action.id}/complete`, { token: salesToken });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('action.forbidden');
  });
});
