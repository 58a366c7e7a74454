import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import { type ApiHarness, startApi } from '../http/support/api.js';
import { created, unique } from '../http/support/fixtures.js';

/**
 * docs/domain.md §8 examples 1–7, end to end through the REST API: users, course types, templates, records and
 * actions are created and read over HTTP only. Time is the one thing the test moves itself — the clock the
 * service reads — and the due-sweep the scheduler would run on that clock is ticked by hand.
 */
let now = new Date('2026-11-02T08:00:00+01:00'); // Monday 2 November 2026, 08:00 in Amsterdam
let api: ApiHarness;
let admin: string;
let planner: { id: string; token: string };
let sales: { id: string; token: string };

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions.
type Json = any;

async function post(token: string, path: string, body: unknown): Promise<Json> {
  return created(api, token, path, body);
}

async function get(token: string, path: string): Promise<Json> {
  const response = await api.request('GET', path, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function patch(token: string, path: string, body: unknown): Promise<Json> {
  const response = await api.request('PATCH', path, { token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function actionsOn(group: string, id: string, token = admin): Promise<Json[]> {
  return (
    await get(
      token,
      `/actions?recordGroup=${group}&recordId=${id}&state=waiting,open,done,executed,failed,rejected,cancelled`,
    )
  ).items;
}

/** The scheduler's due-sweep at the current test time. */
async function tick(): Promise<void> {
  await runDueSweep(api.deps.workflow, api.deps.execution);
}

async function user(roles: string[], extra: Record<string, unknown> = {}) {
  const email = `${unique('u')}@debrug.example`;
  const body = await post(admin, '/users', { email, name: email, roles, ...extra });
  const stored = (await api.deps.workflow.stores.users.get(body.id))!;
  return {
    id: body.id as string,
    token: await api.token(stored, [
      'templates:read',
      'dossiers:read',
      'dossiers:write',
      'actions:read',
      'actions:write',
    ]),
  };
}

const at = (amount: number, unit: string, direction: string, anchor: string) => ({
  amount,
  unit,
  direction,
  anchor,
});

beforeAll(async () => {
  api = await startApi('scenarios', { clock: () => now });
  admin = await api.token(await api.user({ admin: true, automaticWorkflow: true }));
  planner = await user(['planning']);
  sales = await user(['sales']);
});

afterAll(() => api.close());

async function courseType() {
  const key = unique('ct');
  return post(admin, '/course-types', { key, name: key });
}

describe('docs/domain.md §8 examples through the REST API', () => {
  it('1. call back after a quote: a sales user stamps it by hand; only sales users see it', async () => {
    await post(admin, '/templates', {
      key: 'call-back-quote',
      name: 'Call back quote [Request:Number] – [Company:Name]',
      execution: 'manual',
      dataGroup: 'request',
      timing: {
        start: at(10, 'working-days', 'after', 'created'),
        end: at(10, 'working-days', 'after', 'created'),
      },
      readRoles: ['sales'],
      writeRoles: ['sales'],
    });
    const company = await post(admin, '/dossiers/company', { name: 'Acme BV' });
    const request = await post(admin, '/dossiers/request', {
      number: 'Q-2026-17',
      stage: 'quote',
      salesStatus: 'open',
      status: 'open',
      companyId: company.id,
    });

    const action = await post(sales.token, '/actions', { template: 'call-back-quote', recordId: request.id });
    expect(action).toMatchObject({ name: 'Call back quote Q-2026-17 – Acme BV', state: 'open' });
    // Ten working days after Monday 2 November: Monday 16 November, at the default 09:00.
    expect(action.start).toBe('2026-11-16T08:00:00.000Z');
    expect(action.end).toBe('2026-11-16T08:00:00.000Z');

    expect((await get(sales.token, '/actions')).items.map((item: Json) => item.id)).toContain(action.id);
    expect((await get(planner.token, '/actions')).items.map((item: Json) => item.id)).not.toContain(
      action.id,
    );
    expect((await api.request('GET', `/actions/${action.number}`, { token: planner.token })).status).toBe(
      404,
    );
    const refused = await api.request('POST', '/actions', {
      token: planner.token,
      body: { template: 'call-back-quote', recordId: request.id },
    });
    expect(refused.status).toBe(403);
  });

  it('2 and 7. attendance list when a course goes ahead: one action per course, named from the course', async () => {
    const type = await courseType();
    await post(admin, '/templates', {
      key: unique('attendance-list'),
      name: 'Attendance list [Course:Name]',
      execution: 'manual',
      dataGroup: 'course',
      event: { type: 'status-changed', group: 'course', to: 'definitive' },
      ownerRule: { kind: 'course-contact' },
      timing: {
        start: at(2, 'working-days', 'before', 'course.startDate'),
        end: at(0, 'days', 'before', 'course.startDate'),
      },
      courseTypeIds: [type.id],
    });
    const course = await post(admin, '/dossiers/course', {
      code: unique('C'),
      name: 'Workshop basics',
      courseTypeId: type.id,
      startDate: '2026-11-20T09:00:00+01:00',
      endDate: '2026-11-20T17:00:00+01:00',
      contactUserId: planner.id,
    });
    expect(await actionsOn('course', course.id)).toHaveLength(0);

    await patch(admin, `/dossiers/course/${course.id}`, { status: 'definitive' });
    await patch(admin, `/dossiers/course/${course.id}`, { status: 'to-start' });
    await patch(admin, `/dossiers/course/${course.id}`, { status: 'definitive' });

    const actions = await actionsOn('course', course.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      name: 'Attendance list Workshop basics',
      ownerUserId: planner.id,
      state: 'open',
    });
    // Two working days before Friday 20 November: Wednesday 18 November, 09:00.
    expect(actions[0].start).toBe('2026-11-18T08:00:00.000Z');
  });

  it('3. publish on the portal: automatic, at the start moment', async () => {
    const type = await courseType();
    await post(admin, '/templates', {
      key: unique('publish-portal'),
      name: 'Publish [Course:Name]',
      execution: 'automatic',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      process: { type: 'set-field', field: 'portalPublished', value: true },
      timing: { start: at(0, 'days', 'after', 'event'), end: at(1, 'days', 'after', 'event') },
      courseTypeIds: [type.id],
    });
    const course = await post(admin, '/dossiers/course', {
      code: unique('C'),
      name: 'Evening class',
      courseTypeId: type.id,
      startDate: '2026-12-01T18:00:00+01:00',
    });
    const [action] = await actionsOn('course', course.id);
    expect(action).toMatchObject({ state: 'open', start: '2026-11-02T08:00:00.000Z' });

    await tick(); // 08:00: not yet
    expect((await get(admin, `/dossiers/course/${course.id}`)).portalPublished).toBe(false);
    now = new Date('2026-11-02T09:01:00+01:00');
    await tick();
    expect((await get(admin, `/dossiers/course/${course.id}`)).portalPublished).toBe(true);
    expect(await get(admin, `/actions/${action.id}`)).toMatchObject({ state: 'executed' });
  });

  it('4. stop publishing when full: waits hidden until the course fills up', async () => {
    now = new Date('2026-11-02T10:00:00+01:00');
    const type = await courseType();
    await post(admin, '/templates', {
      key: unique('stop-publishing'),
      name: 'Stop publishing [Course:Name]',
      execution: 'automatic',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      createMode: 'always',
      conditions: { all: [{ field: 'course.full', op: 'eq', value: true }] },
      process: { type: 'set-field', field: 'portalPublished', value: false },
      timing: { start: at(0, 'days', 'after', 'event'), end: at(0, 'days', 'before', 'course.startDate') },
      courseTypeIds: [type.id],
    });
    const course = await post(admin, '/dossiers/course', {
      code: unique('C'),
      name: 'Small group',
      courseTypeId: type.id,
      maxParticipants: 2,
      portalPublished: true,
      startDate: '2026-12-10T09:00:00+01:00',
    });
    const [waiting] = await actionsOn('course', course.id);
    expect(waiting).toMatchObject({ state: 'waiting' });
    expect((await get(admin, '/actions')).items.map((item: Json) => item.id)).not.toContain(waiting.id);

    for (const first of ['Anna', 'Bram']) {
      const person = await post(admin, '/dossiers/person', { firstName: first, lastName: 'Jansen' });
      await post(admin, `/courses/${course.id}/participants`, {
        personId: person.id,
        status: 'planned',
        active: true,
        attendanceMet: false,
        passMet: false,
      });
    }
    expect(await get(admin, `/actions/${waiting.id}`)).toMatchObject({ state: 'open' });
    await tick();
    expect((await get(admin, `/dossiers/course/${course.id}`)).portalPublished).toBe(false);
    expect(await get(admin, `/actions/${waiting.id}`)).toMatchObject({ state: 'executed' });
  });

  it('5. go when the minimum is reached, which stamps example 2 through its status change', async () => {
    now = new Date('2026-11-02T10:00:00+01:00');
    const type = await courseType();
    await post(admin, '/templates', {
      key: unique('go-definitive'),
      name: 'Go ahead with [Course:Name]',
      execution: 'automatic',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      conditions: { all: [{ field: 'course.minimumReached', op: 'eq', value: true }] },
      process: { type: 'set-status', status: 'definitive' },
      timing: {
        start: at(10, 'days', 'before', 'course.startDate'),
        end: at(0, 'days', 'before', 'course.startDate'),
        timeOfDay: '09:00',
      },
      courseTypeIds: [type.id],
    });
    await post(admin, '/templates', {
      key: unique('attendance'),
      name: 'Attendance list [Course:Name]',
      execution: 'manual',
      dataGroup: 'course',
      event: { type: 'status-changed', group: 'course', to: 'definitive' },
      timing: {
        start: at(2, 'working-days', 'before', 'course.startDate'),
        end: at(0, 'days', 'before', 'course.startDate'),
      },
      courseTypeIds: [type.id],
    });
    // Starts Thursday 12 November: ten days before is today, 09:00.
    const course = await post(admin, '/dossiers/course', {
      code: unique('C'),
      name: 'First aid',
      courseTypeId: type.id,
      minParticipants: 2,
      startDate: '2026-11-12T09:00:00+01:00',
    });
    const [go] = await actionsOn('course', course.id);
    expect(go).toMatchObject({ state: 'waiting', start: '2026-11-02T08:00:00.000Z' });

    const person = await post(admin, '/dossiers/person', { firstName: 'Chris', lastName: 'de Boer' });
    await post(admin, `/courses/${course.id}/participants`, {
      personId: person.id,
      status: 'planned',
      active: true,
      attendanceMet: false,
      passMet: false,
    });
    await tick();
    expect((await get(admin, `/dossiers/course/${course.id}`)).status).toBe('to-start');

    const second = await post(admin, '/dossiers/person', { firstName: 'Dana', lastName: 'Smit' });
    await post(admin, `/courses/${course.id}/participants`, {
      personId: second.id,
      status: 'planned',
      active: true,
      attendanceMet: false,
      passMet: false,
    });
    await tick();
    expect((await get(admin, `/dossiers/course/${course.id}`)).status).toBe('definitive');
    const actions = await actionsOn('course', course.id);
    expect(actions.map((action: Json) => [action.name, action.state])).toEqual([
      ['Go ahead with First aid', 'executed'],
      ['Attendance list First aid', 'open'],
    ]);
  });

  it('6. remove a category on re-enrolment, one working day after the participant is added', async () => {
    now = new Date('2026-11-06T11:00:00+01:00'); // Friday
    const type = await courseType();
    await post(admin, '/templates', {
      key: unique('remove-expired'),
      name: 'Remove expired first aid for [Person:FirstName]',
      execution: 'automatic',
      dataGroup: 'participant',
      event: { type: 'participant-added', group: 'participant' },
      process: { type: 'person-category', category: 'first-aid-expired', mode: 'remove' },
      timing: {
        start: at(1, 'working-days', 'after', 'event'),
        end: at(5, 'working-days', 'after', 'event'),
      },
      courseTypeIds: [type.id],
    });
    const person = await post(admin, '/dossiers/person', {
      firstName: 'Eva',
      lastName: 'Visser',
      categories: ['first-aid-expired', 'newsletter'],
    });
    const course = await post(admin, '/dossiers/course', {
      code: unique('C'),
      name: 'First aid refresher',
      courseTypeId: type.id,
      startDate: '2026-11-30T09:00:00+01:00',
    });
    const participant = await post(admin, `/courses/${course.id}/participants`, {
      personId: person.id,
      status: 'planned',
      active: true,
      attendanceMet: false,
      passMet: false,
    });
    const [action] = await actionsOn('participant', participant.id);
    // One working day after Friday is Monday 9 November, 09:00.
    expect(action).toMatchObject({
      name: 'Remove expired first aid for Eva',
      start: '2026-11-09T08:00:00.000Z',
    });

    await tick();
    expect((await get(admin, `/dossiers/person/${person.id}`)).categories).toEqual([
      'first-aid-expired',
      'newsletter',
    ]);
    now = new Date('2026-11-09T09:05:00+01:00');
    await tick();
    expect((await get(admin, `/dossiers/person/${person.id}`)).categories).toEqual(['newsletter']);
    expect(await get(admin, `/actions/${action.id}`)).toMatchObject({ state: 'executed' });
  });
});

describe('course type keys', () => {
  it('refuses a second course type with the same key, naming the field', async () => {
    const key = unique('ct');
    await post(admin, '/course-types', { key, name: 'First' });
    const response = await api.request('POST', '/course-types', {
      token: admin,
      body: { key, name: 'Second' },
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'course-type.key-taken', errors: [{ field: 'body.key' }] });
  });
});
