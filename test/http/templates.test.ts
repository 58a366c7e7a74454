import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';
import {
  course,
  courseCreatedTemplate,
  courseType,
  created,
  handTemplate,
  unique,
} from './support/fixtures.js';

let api: ApiHarness;
let token: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_templates'));
});
afterAll(async () => {
  await api.close();
});

describe('templates', () => {
  it('are created, read by id or key, patched field by field and listed with filters', async () => {
    const key = unique('tpl');
    const template = await created(api, token, '/templates', {
      ...handTemplate(key, 'request'),
      categories: ['sales'],
    });
    expect(template).toMatchObject({ key, dataGroup: 'request', version: 1, priority: 'normal' });
    const byKey = await api.request('GET', `/templates/${key}`, { token });
    expect(byKey.body.id).toBe(template.id);
    expect(byKey.headers.get('etag')).toBe('"1"');

    const patched = await api.request('PATCH', `/templates/${template.id}`, {
      token,
      body: { priority: 'high', expectedVersion: 1 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ priority: 'high', categories: ['sales'], version: 2 });
    const immutable = await api.request('PATCH', `/templates/${template.id}`, {
      token,
      body: { dataGroup: 'course' },
    });
    expect(immutable.status).toBe(422);
    expect(immutable.body.errors[0]).toMatchObject({ field: 'body.dataGroup' });

    const list = await api.request('GET', '/templates?dataGroup=request&category=sales&limit=10', { token });
    expect(list.body).toMatchObject({ total: 1, limit: 10, skip: 0, items: [{ id: template.id }] });
    const search = await api.request('GET', `/templates?text=${key.toUpperCase()}`, { token });
    expect(search.body.items.map((t: { key: string }) => t.key)).toEqual([key]);
  });

  it('take an event without group as an event of the template’s own data group', async () => {
    const template = await created(api, token, '/templates', {
      ...handTemplate(unique('own-group'), 'person'),
      event: { type: 'category-added', category: 'first-aid-expired' },
    });
    expect(template.event).toEqual({
      type: 'category-added',
      group: 'person',
      category: 'first-aid-expired',
    });
    const wrong = await api.request('POST', '/templates', {
      token,
      body: { ...handTemplate(unique('wrong-event'), 'company'), event: { type: 'category-added' } },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toMatch(/^body\.event/);
  });

  it('refuses automation to users without the automatic-workflow right', async () => {
    const planner = await api.user();
    const plannerToken = await api.token(planner, ['templates:write']);
    const automatic = {
      ...handTemplate(unique('auto')),
      execution: 'automatic',
      process: { type: 'set-field', field: 'portalPublished', value: true },
    };
    const response = await api.request('POST', '/templates', { token: plannerToken, body: automatic });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('template.automatic-workflow-required');
    expect((await api.request('POST', '/templates', { token, body: automatic })).status).toBe(201);
  });

  it('are deleted when unused and archived when they stamped actions', async () => {
    const unused = await created(api, token, '/templates', handTemplate(unique('unused')));
    const removed = await api.request('DELETE', `/templates/${unused.id}`, { token });
    expect(removed.body).toEqual({ archived: false });
    expect((await api.request('GET', `/templates/${unused.id}`, { token })).status).toBe(404);

    const type = await courseType(api, token);
    const used = await created(api, token, '/templates', courseCreatedTemplate(unique('used'), [type.id]));
    await course(api, token, type.id);
    const archived = await api.request('DELETE', `/templates/${used.id}`, { token });
    expect(archived.body).toEqual({ archived: true });
    expect((await api.request('GET', `/templates/${used.id}`, { token })).body.archived).toBe(true);
    const listed = await api.request('GET', '/templates?includeArchived=true', { token });
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(used.id);
    const active = await api.request('GET', '/templates', { token });
    expect(active.body.items.map((t: { id: string }) => t.id)).not.toContain(used.id);
  });
});

describe('template files', () => {
  it('export as JSON or YAML and import into the same shape, with a dry run first', async () => {
    const type = await courseType(api, token);
    const key = unique('portable');
    await created(api, token, '/templates', courseCreatedTemplate(key, [type.id]));

    const json = await api.request('GET', `/templates/export?keys=${key}`, { token });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body).toMatchObject({ schema: 'stempel.templates/v1', templates: [{ key }] });
    expect(json.body.templates[0].courseTypes).toEqual([type.key]);

    const yaml = await api.request('GET', `/templates/export?keys=${key}`, {
      token,
      headers: { accept: 'application/yaml' },
    });
    expect(yaml.headers.get('content-type')).toContain('application/yaml');
    expect(parseYaml(yaml.text).templates).toEqual(json.body.templates);
    const byQuery = await api.request('GET', `/templates/export?keys=${key}&format=yaml`, { token });
    expect(parseYaml(byQuery.text).templates[0].key).toBe(key);

    const file = parseYaml(yaml.text);
    const copyKey = unique('copy');
    file.templates[0] = { ...file.templates[0], key: copyKey, name: 'Copied [Course:Name]' };
    const dry = await api.request('POST', '/templates/import?dryRun=true', {
      token,
      raw: stringifyYaml(file),
      contentType: 'application/yaml',
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, created: [copyKey], updated: [], unchanged: [] });
    expect((await api.request('GET', `/templates/${copyKey}`, { token })).status).toBe(404);

    const applied = await api.request('POST', '/templates/import', {
      token,
      raw: stringifyYaml(file),
      contentType: 'application/yaml',
    });
    expect(applied.body).toEqual({ dryRun: false, created: [copyKey], updated: [], unchanged: [] });
    const copy = await api.request('GET', `/templates/${copyKey}`, { token });
    expect(copy.body.courseTypeIds).toEqual([type.id]);
  });

  it('refuses a file with an invalid template, naming it by position, and writes nothing', async () => {
    const good = { ...handTemplate(unique('good')), courseTypes: [] };
    const bad = handTemplate(unique('bad'));
    bad.timing.end.anchor = 'course.nothing';
    const file = { schema: 'stempel.templates/v1', templates: [good, { ...bad, courseTypes: [] }] };
    const response = await api.request('POST', '/templates/import', { token, body: file });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(
      'body.templates.1.timing.end.anchor',
    );
    expect((await api.request('GET', `/templates/${good.key}`, { token })).status).toBe(404);

    const broken = await api.request('POST', '/templates/import', {
      token,
      raw: 'schema: [unclosed',
      contentType: 'application/yaml',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('request.malformed-yaml');
  });
});

describe('template rights over the API', () => {
  it('lists and reads only the templates the token’s user may see', async () => {
    const key = unique('sales-only');
    await created(api, token, '/templates', {
      ...handTemplate(key),
      readRoles: ['sales'],
      writeRoles: ['sales'],
    });
    const planner = await api.token(await api.user({ roles: ['planning'] }), ['templates:read']);
    const listed = await api.request('GET', '/templates?limit=500', { token: planner });
    expect(listed.body.items.map((template: { key: string }) => template.key)).not.toContain(key);
    expect((await api.request('GET', `/templates/${key}`, { token: planner })).status).toBe(404);
    const seller = await api.token(await api.user({ roles: ['sales'] }), ['templates:read']);
    expect((await api.request('GET', `/templates/${key}`, { token: seller })).status).toBe(200);
  });
});
