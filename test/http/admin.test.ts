import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/store/users.js';
import { type ApiHarness, startApi } from './support/api.js';
import { created, handTemplate, unique } from './support/fixtures.js';

let api: ApiHarness;
let admin: UserRecord;
let token: string;
let plannerToken: string;

beforeAll(async () => {
  api = await startApi('http_admin');
  admin = await api.user({ admin: true });
  token = await api.token(admin);
  plannerToken = await api.token(await api.user({ roles: ['planning'] }), [
    'templates:read',
    'templates:write',
  ]);
});
afterAll(async () => {
  await api.close();
});

describe('users', () => {
  it('creates, reads, lists and changes users, with unique e-mail addresses', async () => {
    const email = `${unique('anna')}@Example.test`;
    const user = await created(api, token, '/users', { email, name: 'Anna', roles: ['sales'] });
    expect(user).toMatchObject({
      email: email.toLowerCase(),
      roles: ['sales'],
      admin: false,
      automaticWorkflow: false,
      locale: 'nl',
      active: true,
    });
    const duplicate = await api.request('POST', '/users', { token, body: { email, name: 'Other Anna' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'user.email-taken', errors: [{ field: 'body.email' }] });

    const changed = await api.request('PATCH', `/users/${user.id}`, {
      token,
      body: { automaticWorkflow: true, timeZone: 'Europe/London', locale: 'en' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Anna', roles: ['sales'], timeZone: 'Europe/London' });
    const cleared = await api.request('PATCH', `/users/${user.id}`, { token, body: { timeZone: null } });
    expect(cleared.body.timeZone).toBeUndefined();

    const sales = await api.request('GET', '/users?role=sales', { token });
    expect(sales.body.items.map((u: { id: string }) => u.id)).toEqual([user.id]);
    expect((await api.request('GET', `/users/${user.id}`, { token })).body.email).toBe(email.toLowerCase());
    expect((await api.request('GET', '/users/usr_missing', { token })).status).toBe(404);
  });

  it('names invalid fields and refuses unknown ones', async () => {
    const response = await api.request('POST', '/users', {
      token,
      body: { email: 'not-an-address', name: 'X', timeZone: 'Mars/Olympus', superpowers: true },
    });
    expect(response.status).toBe(422);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.timeZone', 'body']));
  });

  it('does not let an administrator lock themselves out', async () => {
    const response = await api.request('PATCH', `/users/${admin.id}`, { token, body: { admin: false } });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('user.cannot-demote-self');
  });

  it('deactivating a user switches their tokens off', async () => {
    const user = await created(api, token, '/users', {
      email: `${unique('leaver')}@example.test`,
      name: 'L',
    });
    const theirs = await api.token(user as unknown as UserRecord, ['templates:read']);
    expect((await api.request('GET', '/templates', { token: theirs })).status).toBe(200);
    await api.request('PATCH', `/users/${user.id}`, { token, body: { active: false } });
    expect((await api.request('GET', '/templates', { token: theirs })).status).toBe(401);
  });
});

describe('sender addresses', () => {
  it('are created unapproved, approved by an admin, usable by templates, and deleted', async () => {
    const address = `${unique('info')}@institute.test`;
    const sender = await created(api, token, '/senders', { address, displayName: 'Institute' });
    expect(sender).toMatchObject({ address, approved: false });
    expect((await api.request('POST', '/senders', { token, body: { address } })).status).toBe(409);

    const emailTemplate = {
      ...handTemplate(unique('mail')),
      execution: 'semi-automatic',
      process: {
        type: 'email',
        sender: address,
        to: [{ kind: 'symbolic', role: 'course-contact' }],
        documentTemplate: { subject: 'Hello [Course:Name]', body: 'Welcome' },
      },
    };
    const refused = await api.request('POST', '/templates', { token, body: emailTemplate });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'template.sender-not-approved',
      errors: [{ field: 'body.process.sender' }],
    });

    const approved = await api.request('POST', `/senders/${sender.id}/approve`, { token });
    expect(approved.status).toBe(200);
    expect(approved.body.approved).toBe(true);
    const listed = await api.request('GET', '/senders?approved=true', { token: plannerToken });
    expect(listed.body.items.map((s: { address: string }) => s.address)).toContain(address);
    const accepted = await api.request('POST', '/templates', { token, body: emailTemplate });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);

    const deleted = await api.request('DELETE', `/senders/${sender.id}`, { token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await api.request('DELETE', `/senders/${sender.id}`, { token })).status).toBe(404);
  });

  it('are managed by administrators only', async () => {
    const response = await api.request('POST', '/senders', {
      token: plannerToken,
      body: { address: 'x@institute.test' },
    });
    expect(response.status).toBe(403);
  });
});

describe('workspace settings', () => {
  it('start from the configured defaults and change with a version check', async () => {
    const initial = await api.request('GET', '/settings', { token });
    expect(initial.body).toMatchObject({
      version: 0,
      settings: { locale: 'en', calendar: { timeZone: 'Europe/Amsterdam', country: 'NL' } },
    });
    const changed = await api.request('PATCH', '/settings', {
      token,
      headers: { 'if-match': '"0"' },
      body: { calendar: { closingDays: ['2027-12-24'] } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      version: 1,
      settings: { calendar: { closingDays: ['2027-12-24'], timeZone: 'Europe/Amsterdam' } },
    });
    expect(changed.headers.get('etag')).toBe('"1"');
    const stale = await api.request('PATCH', '/settings', {
      token,
      body: { locale: 'nl', expectedVersion: 0 },
    });
    expect(stale.status).toBe(409);

    const invalid = await api.request('PATCH', '/settings', {
      token,
      body: { calendar: { timeZone: 'Mars/Olympus', country: 'DE', region: 'XX' } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toContain('body.calendar.timeZone');
    const badRegion = await api.request('PATCH', '/settings', {
      token,
      body: { calendar: { country: 'DE', region: 'XX' } },
    });
    expect(badRegion.status).toBe(422);
    expect(badRegion.body.errors[0].field).toBe('body.calendar.region');

    // This instance sees its own change at once (the workspace cache is dropped on write).
    const workspace = await api.deps.workflow.workspace.get();
    expect(workspace.calendar.isWorkingDay('2027-12-24')).toBe(false);
  });

  it('are changed by administrators only', async () => {
    const response = await api.request('PATCH', '/settings', { token: plannerToken, body: { locale: 'nl' } });
    expect(response.status).toBe(403);
  });
});

describe('audit log', () => {
  it('records admin changes with before and after, filtered by entity', async () => {
    const user = await created(api, token, '/users', {
      email: `${unique('audited')}@example.test`,
      name: 'A',
    });
    await api.request('PATCH', `/users/${user.id}`, { token, body: { name: 'Audited' } });
    const log = await api.request('GET', `/audit?entityType=user&entityId=${user.id}`, { token });
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(2);
    expect(log.body.items.map((entry: { kind: string }) => entry.kind).sort()).toEqual([
      'user.created',
      'user.updated',
    ]);
    const update = log.body.items.find((entry: { kind: string }) => entry.kind === 'user.updated');
    expect(update).toMatchObject({ actor: admin.id, before: { name: 'A' }, after: { name: 'Audited' } });
    const paged = await api.request('GET', `/audit?entityType=user&entityId=${user.id}&limit=1&skip=1`, {
      token,
    });
    expect(paged.body).toMatchObject({ total: 2, limit: 1, skip: 1 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('is readable by administrators only', async () => {
    const planner = await api.user();
    const response = await api.request('GET', '/audit', { token: await api.token(planner, ['admin']) });
    expect(response.status).toBe(403);
  });
});

describe('administrator routes', () => {
  it('refuses a non-administrator with an admin-scoped token before looking at the input', async () => {
    const adminScoped = await api.token(await api.user({ roles: ['planning'] }), ['admin']);
    const reads = ['/settings', '/users', '/audit'];
    for (const path of reads) {
      const response = await api.request('GET', path, { token: adminScoped });
      expect(response.status, path).toBe(403);
      expect(response.body.code, path).toBe('admin.required');
    }
    const invalid = [
      ['PATCH', '/settings', { locale: 'fr' }],
      ['POST', '/users', { email: 'not-an-address' }],
      ['POST', '/senders', { bogus: true }],
    ] as const;
    for (const [method, path, body] of invalid) {
      const response = await api.request(method, path, { token: adminScoped, body });
      expect(response.status, path).toBe(403);
      expect(response.body.code, path).toBe('admin.required');
    }
  });
});
