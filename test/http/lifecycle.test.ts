import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiAsAdmin } from './support/api.js';
import { course, courseCreatedTemplate, courseType, created, unique } from './support/fixtures.js';

let api: ApiHarness;
let token: string;

beforeAll(async () => {
  ({ api, token } = await startApiAsAdmin('http_lifecycle'));
});
afterAll(async () => {
  await api.close();
});

/** An action as JSON: dates are ISO strings. */
interface ActionJson {
  id: string;
  number: number;
  templateId: string;
  state: string;
  end: string;
  history: Array<{ kind: string; codes?: string[] }>;
}

async function actionsOn(recordId: string, query = '') {
  const response = await api.request('GET', `/actions?recordGroup=course&recordId=${recordId}${query}`, {
    token,
  });
  expect(response.status).toBe(200);
  return response.body.items as ActionJson[];
}

describe('dossier lifecycle through the API', () => {
  it('stamps a linked created-template when a course is created, visible in GET /actions', async () => {
    const type = await courseType(api, token);
    const template = await created(api, token, '/templates', courseCreatedTemplate(unique('att'), [type.id]));
    const record = await course(api, token, type.id, { name: 'Workshop basics' });

    const [action, ...others] = await actionsOn(record.id);
    expect(others).toHaveLength(0);
    expect(action).toMatchObject({
      templateId: template.id,
      name: 'Attendance list Workshop basics',
      state: 'open',
      record: { group: 'course', id: record.id },
      colour: expect.any(String),
    });
    // 2 working days before Monday 1 March 2027 is Thursday 25 February, 09:00 Amsterdam.
    expect(action?.end).toBe('2027-02-25T08:00:00.000Z');
    const byNumber = await api.request('GET', `/actions/${action?.number}`, { token });
    expect(byNumber.body.id).toBe(action?.id);
    const linked = await api.request('GET', `/course-types/${type.id}/templates`, { token });
    expect(linked.body.items.map((t: { id: string }) => t.id)).toEqual([template.id]);
  });

  it('does not stamp for a course of a course type the template is not linked to', async () => {
    const linkedType = await courseType(api, token);
    const otherType = await courseType(api, token);
    await created(api, token, '/templates', courseCreatedTemplate(unique('att'), [linkedType.id]));
    const record = await course(api, token, otherType.id);
    expect(await actionsOn(record.id)).toHaveLength(0);
  });

  it('moves the action when the course moves, and cancels it when the course is cancelled', async () => {
    const type = await courseType(api, token);
    await created(api, token, '/templates', courseCreatedTemplate(unique('att'), [type.id]));
    const record = await course(api, token, type.id);
    const moved = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      body: { startDate: '2027-03-15T09:00:00+01:00' },
    });
    expect(moved.status).toBe(200);
    const [action] = await actionsOn(record.id);
    expect(action?.end).toBe('2027-03-11T08:00:00.000Z');
    expect(action?.history.at(-1)).toMatchObject({ kind: 'rescheduled', codes: ['anchor-moved'] });

    const cancelled = await api.request('PATCH', `/dossiers/course/${record.id}`, {
      token,
      body: { status: 'cancelled' },
    });
    expect(cancelled.status).toBe(200);
    expect(await actionsOn(record.id)).toHaveLength(0);
    expect((await actionsOn(record.id, '&state=cancelled'))[0]?.id).toBe(action?.id);
  });

  it('cancels open actions when their record is deleted', async () => {
    const type = await courseType(api, token);
    await created(api, token, '/templates', courseCreatedTemplate(unique('att'), [type.id]));
    const record = await course(api, token, type.id);
    const deleted = await api.request('DELETE', `/dossiers/course/${record.id}`, { token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: record.id, deleted: true, cancelledActions: 1 });
    expect((await api.request('GET', `/dossiers/course/${record.id}`, { token })).status).toBe(404);
  });

  it('adds participants to a course and refuses to delete a course that has them', async () => {
    const type = await courseType(api, token);
    const record = await course(api, token, type.id);
    const person = await created(api, token, '/dossiers/person', { firstName: 'Ada', lastName: 'Lovelace' });
    const participant = await created(api, token, `/courses/${record.id}/participants`, {
      personId: person.id,
    });
    expect(participant).toMatchObject({ courseId: record.id, status: 'planned', group: 'participant' });
    const list = await api.request('GET', `/courses/${record.id}/participants`, { token });
    expect(list.body).toMatchObject({ total: 1, items: [{ id: participant.id }] });
    const refused = await api.request('DELETE', `/dossiers/course/${record.id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('dossier.in-use');
    const missing = await api.request('POST', '/courses/crs_nope/participants', {
      token,
      body: { personId: person.id },
    });
    expect(missing.status).toBe(404);
  });

  it('records a custom event once per externalId and stamps the templates listening to it', async () => {
    const type = await courseType(api, token);
    const template = await created(api, token, '/templates', {
      ...courseCreatedTemplate(unique('paid'), [type.id]),
      event: { type: 'custom', group: 'course', name: 'payment-received' },
    });
    const record = await course(api, token, type.id);
    expect(await actionsOn(record.id)).toHaveLength(0);
    const body = {
      group: 'course',
      recordId: record.id,
      name: 'Payment-Received',
      externalId: unique('ext'),
    };
    const first = await api.request('POST', '/events', { token, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      duplicate: false,
      event: { type: 'custom', externalId: body.externalId },
    });
    expect(first.body.stampedActionIds).toHaveLength(1);
    const again = await api.request('POST', '/events', { token, body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, event: { id: first.body.event.id } });
    const actions = await actionsOn(record.id);
    expect(actions.map((action) => action.templateId)).toEqual([template.id]);

    const reused = await api.request('POST', '/events', { token, body: { ...body, name: 'other' } });
    expect(reused.status).toBe(409);
    const wrongGroup = await api.request('POST', '/events', {
      token,
      body: { group: 'invoice', recordId: record.id, name: 'x' },
    });
    expect(wrongGroup.status).toBe(404);
  });

  it('links retroactively after a dry run, creates nothing twice, and unlinks with cancellation', async () => {
    const type = await courseType(api, token);
    const record = await course(api, token, type.id);
    const template = await created(api, token, '/templates', courseCreatedTemplate(unique('retro')));
    const link = { courseTypeId: type.id, stampExisting: true };

    const dry = await api.request('POST', `/templates/${template.key}/links`, {
      token,
      body: { ...link, dryRun: true },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 0, alreadyLinked: false });
    expect(dry.body.stamps).toEqual([
      expect.objectContaining({
        record: { group: 'course', id: record.id },
        end: '2027-02-25T08:00:00.000Z',
      }),
    ]);
    expect(await actionsOn(record.id)).toHaveLength(0);

    const applied = await api.request('POST', `/templates/${template.key}/links`, { token, body: link });
    expect(applied.body).toMatchObject({ dryRun: false, created: 1 });
    const twice = await api.request('POST', `/templates/${template.key}/links`, { token, body: link });
    expect(twice.body).toMatchObject({ alreadyLinked: true, created: 0, stamps: [] });
    const [action] = await actionsOn(record.id);
    expect(action?.templateId).toBe(template.id);

    const unlinkPath = `/templates/${template.id}/links/${type.id}?cancelOpen=true`;
    const preview = await api.request('DELETE', `${unlinkPath}&dryRun=true`, { token });
    expect(preview.body).toMatchObject({ dryRun: true, wasLinked: true, cancelled: 0 });
    expect(preview.body.openActions.map((a: { id: string }) => a.id)).toEqual([action?.id]);
    const unlinked = await api.request('DELETE', unlinkPath, { token });
    expect(unlinked.body).toMatchObject({ dryRun: false, cancelled: 1 });
    expect((await api.request('GET', `/actions/${action?.id}`, { token })).body.state).toBe('cancelled');
    const after = await api.request('GET', `/templates/${template.id}`, { token });
    expect(after.body.courseTypeIds).toEqual([]);
  });
});
