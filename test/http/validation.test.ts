import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';
import { courseType, handTemplate, unique } from './support/fixtures.js';

let api: ApiHarness;
let token: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_validation'));
});
afterAll(async () => {
  await api.close();
});

function fields(body: { errors?: Array<{ field: string }> }): string[] {
  return (body.errors ?? []).map((error) => error.field);
}

describe('validation errors name the field', () => {
  it('names a malformed anchor by its full body path', async () => {
    const template = handTemplate(unique('bad-anchor'));
    template.timing.start.anchor = 'not an anchor';
    const response = await api.request('POST', '/templates', { token, body: template });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('request.invalid');
    expect(fields(response.body)).toContain('body.timing.start.anchor');
  });

  it('names an anchor that is not a date of the data group the same way, with the valid anchors', async () => {
    const template = handTemplate(unique('wrong-anchor'));
    template.timing.start.anchor = 'course.noSuchDate';
    const response = await api.request('POST', '/templates', { token, body: template });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('template.unknown-anchor');
    const error = response.body.errors.find(
      (entry: { field: string }) => entry.field === 'body.timing.start.anchor',
    );
    expect(error.details.valid).toEqual(expect.arrayContaining(['created', 'course.startDate']));
  });

  it('refuses an unknown merge code and lists the valid codes for the data group', async () => {
    const template = { ...handTemplate(unique('merge')), name: 'Call [Course:Nmae] back' };
    const response = await api.request('POST', '/templates', { token, body: template });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'template.unknown-merge-code' });
    expect(fields(response.body)).toEqual(['body.name']);
    expect(response.body.details.valid).toContain('[Course:Name]');
    expect(response.body.details.valid).not.toContain('[Course:Nmae]');
    expect(response.body.details.validNl).toContain('[Opleiding:Naam]');
  });

  it('names every problem at once', async () => {
    const response = await api.request('POST', '/templates', {
      token,
      body: { key: 'Not A Slug', name: '', execution: 'sometimes', dataGroup: 'course' },
    });
    expect(response.status).toBe(422);
    expect(fields(response.body)).toEqual(
      expect.arrayContaining(['body.key', 'body.name', 'body.execution', 'body.timing']),
    );
  });

  it('names query parameters with query. and refuses unknown dossier fields', async () => {
    const list = await api.request('GET', '/actions?limit=0&state=open,sleeping', { token });
    expect(list.status).toBe(422);
    expect(fields(list.body)).toEqual(expect.arrayContaining(['query.limit', 'query.state']));

    const type = await courseType(api, token);
    const record = await api.request('POST', '/dossiers/course', {
      token,
      body: { code: 'X', name: 'X', courseTypeId: type.id, colour: 'red', startDate: '2027-01-01' },
    });
    expect(record.status).toBe(422);
    expect(fields(record.body)).toEqual(expect.arrayContaining(['body', 'body.startDate']));
    expect(JSON.stringify(record.body.errors)).toContain('colour');
  });

  it('names a relation that points nowhere', async () => {
    const response = await api.request('POST', '/dossiers/course', {
      token,
      body: { code: 'X', name: 'X', courseTypeId: 'ctp_missing' },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'dossier.unknown-relation' });
    expect(fields(response.body)).toEqual(['body.courseTypeId']);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await api.request('POST', '/templates', { token, raw: '{"key": ' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('request.malformed-json');
  });

  it('answers an unknown record with 404, also when it is of another kind', async () => {
    const type = await courseType(api, token);
    expect((await api.request('GET', `/dossiers/course/${type.id}`, { token })).status).toBe(404);
    const found = await api.request('GET', `/course-types/${type.id}`, { token });
    expect(found.status).toBe(200);
    expect(found.headers.get('etag')).toBe('"1"');
  });
});
