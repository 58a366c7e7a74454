import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';
import { course, courseType, created, handTemplate, unique } from './support/fixtures.js';

let api: ApiHarness;
let token: string;
let courseTypeId: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_strict_inputs'));
  courseTypeId = (await courseType(api, token)).id;
});
afterAll(async () => {
  await api.close();
});

const fields = (body: { errors?: Array<{ field: string }> }) =>
  (body.errors ?? []).map((error) => error.field);
const coursesNamed = async (name: string) =>
  (await api.deps.workflow.stores.dossiers.list({ group: 'course', limit: 500, skip: 0 })).items.filter(
    (record) => record.group === 'course' && record.name === name,
  ).length;

describe('inputs are as strict as documented (the fuzzing classes)', () => {
  it('refuses unknown query parameters instead of ignoring them, naming each', async () => {
    const response = await api.request('GET', '/dossiers/course?bogus=1&limit=5', { token });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('request.unknown-parameter');
    expect(fields(response.body)).toEqual(['query.bogus']);
    const plain = await api.request('GET', '/settings?verbose=true', { token });
    expect(plain.status).toBe(400);
    expect(fields(plain.body)).toEqual(['query.verbose']);
  });

  it('enforces the bounds of filters', async () => {
    const response = await api.request('GET', '/dossiers/course?minParticipants=-1', { token });
    expect(response.status).toBe(422);
    expect(fields(response.body)).toEqual(['query.minParticipants']);
    expect((await api.request('GET', '/dossiers/course?minParticipants=3', { token })).status).toBe(200);
  });

  it('refuses unknown fields inside nested objects', async () => {
    const teacher = await created(api, token, '/dossiers/teacher', {
      personId: (await created(api, token, '/dossiers/person', { firstName: 'Tom', lastName: 'Teach' })).id,
    });
    const response = await api.request('POST', '/dossiers/course', {
      token,
      body: {
        code: unique('C'),
        name: 'Nested',
        courseTypeId,
        teachers: [{ teacherId: teacher.id, planningStatus: 'agreed', extra: 1 }],
      },
    });
    expect(response.status).toBe(422);
    expect(fields(response.body)).toEqual(['body.teachers.0']);
    expect(response.body.errors[0].message).toContain('extra');
    const person = await api.request('POST', '/dossiers/person', {
      token,
      body: { firstName: 'A', lastName: 'B', emails: { business: 'a@b.test', work: 'c@d.test' } },
    });
    expect(person.status).toBe(422);
    expect(fields(person.body)).toEqual(['body.emails']);
  });

  it('checks referenced ids, nested ones and users included', async () => {
    const response = await api.request('POST', '/dossiers/course', {
      token,
      body: {
        code: unique('C'),
        name: 'Refs',
        courseTypeId,
        contactUserId: 'usr_nobody',
        teachers: [{ teacherId: 'x', planningStatus: 'agreed' }],
        locations: [{ locationId: courseTypeId, planningStatus: 'requested' }],
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('dossier.unknown-relation');
    expect(fields(response.body).sort()).toEqual([
      'body.contactUserId',
      'body.locations.0.locationId',
      'body.teachers.0.teacherId',
    ]);
    expect(await coursesNamed('Refs')).toBe(0);
  });

  it('limits text lengths and refuses control characters, and the schema says so', async () => {
    const long = await api.request('POST', '/dossiers/course', {
      token,
      body: { code: unique('C'), name: 'x'.repeat(1_900_000), courseTypeId },
    });
    expect(long.status).toBe(422);
    expect(fields(long.body)).toEqual(['body.name']);
    for (const name of ['Null\u0000byte', 'Bell\u0007', 'Two\nlines', 'Escape\u001b[31m']) {
      const response = await api.request('POST', '/dossiers/course', {
        token,
        body: { code: unique('C'), name, courseTypeId },
      });
      expect(response.status, JSON.stringify(name)).toBe(422);
      expect(fields(response.body), JSON.stringify(name)).toEqual(['body.name']);
    }
    // Multi-line fields keep their line breaks.
    const template = await api.request('POST', '/templates', {
      token,
      body: { ...handTemplate(unique('lines')), description: 'First line\nSecond line\twith a tab' },
    });
    expect(template.status).toBe(201);
    const nul = await api.request('POST', '/templates', {
      token,
      body: { ...handTemplate(unique('nul')), description: 'No\u0000NUL' },
    });
    expect(fields(nul.body)).toEqual(['body.description']);

    const document = (await api.contract()).document;
    const schema =
      document.paths['/api/dossiers/course'].post.requestBody.content['application/json'].schema.properties
        .name;
    expect(schema.maxLength).toBe(200);
    expect(JSON.stringify(schema)).toContain('pattern');
  });

  it('refuses dates outside 1900–2199 with 422 naming the field, and writes nothing', async () => {
    const key = unique('date');
    const before = await coursesNamed('Ancient');
    for (const attempt of [1, 2]) {
      const response = await api.request('POST', '/dossiers/course', {
        token,
        headers: { 'Idempotency-Key': key },
        body: { code: 'ANCIENT', name: 'Ancient', courseTypeId, startDate: '0001-01-01T00:00:00Z' },
      });
      expect(response.status, `attempt ${attempt}`).toBe(422);
      expect(fields(response.body)).toEqual(['body.startDate']);
    }
    expect(await coursesNamed('Ancient')).toBe(before);
    const far = await api.request('POST', '/dossiers/course', {
      token,
      body: { code: unique('C'), name: 'Far', courseTypeId, endDate: '9999-12-31T00:00:00Z' },
    });
    expect(fields(far.body)).toEqual(['body.endDate']);
    const record = await course(api, token, courseTypeId);
    const patch = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      body: { startDate: '1899-06-01T09:00:00+01:00' },
    });
    expect(fields(patch.body)).toEqual(['body.startDate']);
  });
});

describe('the published request schemas refuse what the server refuses', () => {
  /** Requests the fuzzer found accepted by the document but refused by the server. */
  const refused: Array<{ what: string; method: string; path: string; body?: unknown }> = [
    { what: 'an unknown anchor', method: 'POST', path: '/templates', body: anchorTemplate('nowhere.date') },
    { what: 'snooze with until and by', method: 'POST', path: '/actions/1/snooze', body: snoozeBoth() },
    { what: 'snooze with neither', method: 'POST', path: '/actions/1/snooze', body: {} },
    { what: 'an unknown list state', method: 'GET', path: '/actions?state=open,sleeping' },
    { what: 'an unknown record group', method: 'GET', path: '/actions?recordGroup=courses' },
    {
      what: 'an unknown time zone',
      method: 'PATCH',
      path: '/settings',
      body: { calendar: { timeZone: 'Mars/Olympus' } },
    },
    { what: 'an unknown country', method: 'PATCH', path: '/settings', body: { calendar: { country: 'XX' } } },
    { what: 'a blank name', method: 'POST', path: '/dossiers/company', body: { name: '   ' } },
    { what: 'a blank user name', method: 'POST', path: '/users', body: { email: 'blank@x.test', name: ' ' } },
    { what: 'a negative count', method: 'GET', path: '/dossiers/course?maxParticipants=-5' },
    {
      what: 'a year-1 date',
      method: 'POST',
      path: '/dossiers/invoice',
      body: invoiceDue('0001-01-01T00:00:00Z'),
    },
  ];

  it.each(refused)('$what', async ({ method, path, body }) => {
    const response = await api.request(method, path, { token, ...(body === undefined ? {} : { body }) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const problems = (await api.contract()).requestProblems({
      method,
      url: new URL(`http://localhost/api${path}`),
      ...(body === undefined ? {} : { requestBody: JSON.stringify(body), requestType: 'application/json' }),
    });
    expect(problems, 'the document would accept it').not.toEqual([]);
  });
});

function anchorTemplate(anchor: string) {
  const template = handTemplate('anchor-check');
  template.timing.start.anchor = anchor;
  return template;
}

function snoozeBoth() {
  return { until: '2027-01-01T09:00:00+01:00', by: { amount: 1, unit: 'days' } };
}

function invoiceDue(dueDate: string) {
  return { amount: 10, companyId: 'cmp_x', dueDate };
}

describe('record filters of the action list', () => {
  it('take recordGroup and recordId each on their own, as the document has them', async () => {
    expect((await api.request('GET', '/actions?recordGroup=course', { token })).status).toBe(200);
    expect((await api.request('GET', '/actions?recordId=crs_none', { token })).body.total).toBe(0);
  });
});
