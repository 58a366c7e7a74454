import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRecords, seedConsoleRecords } from './fixtures.js';
import {
  ConsoleClient,
  type ConsoleHarness,
  consoleTestApp,
  startConsole,
  TEST_SESSION_SECRET,
} from './support.js';

let consoleApp: ConsoleHarness;
let records: ConsoleRecords;

beforeAll(async () => {
  consoleApp = await startConsole('console_routes');
  records = await seedConsoleRecords(consoleApp.ws);
});
afterAll(() => consoleApp.close());

const stateOf = async (id: string) => (await consoleApp.ws.stores.actions.get(id))?.state;

describe('identity on a loopback console', () => {
  it('offers the active users with their roles, on a hardened page with a strict session cookie', async () => {
    const client = new ConsoleClient(consoleApp.url);
    const page = await client.get('');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Who are you today?');
    expect(page.text).toMatch(/<option value="u-planner">Planner — planning<\/option>/);
    expect(page.text).toMatch(
      /<option value="u-automator">Automator — planning · automatic workflow<\/option>/,
    );
    expect(page.text).toMatch(/<option value="u-admin">Admin — administrator<\/option>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('set-cookie')).toMatch(
      /^stempel_console=[^;]+; Path=\/console; HttpOnly; SameSite=Strict/,
    );
  });

  it('refuses posts without the session CSRF token, and changes nothing', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-planner');
    const missing = await client.request('POST', '/interact', { payload: `done:${records.attendance.id}` });
    const wrong = await client.request('POST', '/interact', {
      payload: `done:${records.attendance.id}`,
      csrf: 'x'.repeat(32),
    });
    const header = await client.request(
      'POST',
      '/command',
      { text: '/actie mine' },
      { 'x-csrf-token': 'nope' },
    );
    for (const response of [missing, wrong, header]) {
      expect(response.status).toBe(403);
      expect(response.text).toContain('This page has expired');
    }
    expect(await stateOf(records.attendance.id)).toBe('open');
  });

  it('refuses a posted identity from a forged cookie: the visitor is anonymous again', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-planner');
    const [, signature] = client.cookie.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ csrf: client.csrf, userId: 'u-admin', via: 'pick', expiresAt: 9e15 }),
    ).toString('base64url');
    client.cookie = `stempel_console=${forgedPayload}.${signature}`;
    const page = await client.get('');
    expect(page.text).toContain('Who are you today?');
  });

  it('switches user with a fresh session and shows who is acting', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-planner');
    const firstCsrf = client.csrf;
    const page = await client.get('');
    expect(page.text).toContain('Hello Planner.');
    expect(page.text).toMatch(/<option value="u-planner" selected>/);
    await client.actAs('u-sales');
    expect(client.csrf).not.toBe(firstCsrf);
    expect((await client.get('')).text).toContain('Hello Sales.');
  });

  it('does not let anyone act as an unknown or inactive user', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.get('');
    const response = await client.post('/identity', { userId: 'u-nobody' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('Who are you today?');
  });
});

describe('the chat surface', () => {
  let client: ConsoleClient;
  beforeAll(async () => {
    client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-planner');
  });

  it('sums up the planner’s own actions by colour beside the conversation, linked to the board', async () => {
    const page = await client.get('');
    const count = (colour: string) =>
      new RegExp(
        `href="/console/board\\?owner=me&amp;colour=${colour}">\\s*<span class="glance-count">(\\d+)</span>`,
      ).exec(page.text)?.[1];
    expect([count('overdue'), count('today'), count('future')]).toEqual(['1', '2', '2']);
  });

  it('answers /actie mine with the planner’s cards as an HTML fragment', async () => {
    const reply = await client.fetchPost('/command', { text: '/actie mine' });
    expect(reply.status).toBe(200);
    expect(reply.text).not.toContain('<html');
    expect(reply.text).toContain('<h3>My actions</h3>');
    expect(reply.text).toContain(`data-action-id="${records.lateAttendance.id}"`);
    expect(reply.text).toMatch(
      new RegExp(`class="card colour-overdue state-open" data-action-id="${records.lateAttendance.id}"`),
    );
    expect(reply.text).toMatch(
      new RegExp(`class="card colour-today state-open" data-action-id="${records.publish.id}"`),
    );
    expect(reply.text).toMatch(
      new RegExp(`class="card colour-future state-open" data-action-id="${records.attendance.id}"`),
    );
  });

  it('marks a manual action done from its button', async () => {
    const reply = await client.fetchPost('/interact', { payload: `done:${records.lateAttendance.id}` });
    expect(reply.text).toContain(`Action ${records.lateAttendance.number} is done.`);
    expect(reply.text).toContain('class="card colour-closed state-done"');
    expect(await stateOf(records.lateAttendance.id)).toBe('done');
  });

  it('executes a semi-automatic action only after its preview is confirmed', async () => {
    const preview = await client.fetchPost('/interact', { payload: `execute:${records.publish.id}` });
    expect(preview.text).toContain(`Execute action ${records.publish.number}?`);
    expect(preview.text).toContain('no → yes');
    expect(preview.text).toContain(`value="confirm-execute:${records.publish.id}"`);
    expect(await stateOf(records.publish.id)).toBe('open');

    const executed = await client.fetchPost('/interact', {
      payload: `confirm-execute:${records.publish.id}`,
    });
    expect(executed.text).toContain(`Action ${records.publish.number} was executed`);
    expect(await stateOf(records.publish.id)).toBe('executed');
    const course = await consoleApp.ws.stores.dossiers.get(records.futureCourseId);
    expect(course).toMatchObject({ portalPublished: true });
  });

  it('works without script: a plain form post returns the whole page with the exchange', async () => {
    const page = await client.post('/command', { text: '/actie help' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<!doctype html>');
    expect(page.text).toContain(
      '<li class="msg msg-user"><span class="visually-hidden">You: </span>/actie help</li>',
    );
    expect(page.text).toContain('Stempel commands');
  });

  it('answers a bad command and a bad payload with error views, never a stack trace', async () => {
    const unknown = await client.fetchPost('/command', { text: '/actie fly' });
    expect(unknown.text).toContain(
      'class="view view-error" role="alert" data-code="command.unknown-command"',
    );
    expect(unknown.text).toContain('Unknown command &quot;fly&quot;');
    const bad = await client.fetchPost('/interact', { payload: 'done:act_0000000000000000' });
    expect(bad.text).toContain('view-error');
    expect(bad.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('shows notices from the inbox with the current card, until they are marked read', async () => {
    await consoleApp.delivery.outbox.send(
      { kind: 'user', userId: 'u-planner' },
      {
        purpose: 'overdue',
        text: 'Attendance list is overdue <b>now</b>',
        actionId: records.attendance.id,
        dedupeKey: 'test-notice',
      },
    );
    await consoleApp.delivery.worker.runOnce();
    const page = await client.get('');
    expect(page.text).toContain('Attendance list is overdue &lt;b&gt;now&lt;/b&gt;');
    const id = /data-inbox-id="(msg_[0-9a-f]+)"/.exec(page.text)?.[1];
    expect(id).toBeDefined();
    expect((await client.get('/inbox', { 'x-console-fetch': '1' })).text).toContain(`data-inbox-id="${id}"`);

    const ack = await client.fetchPost(`/inbox/${id}/ack`);
    expect(ack.status).toBe(204);
    expect((await client.get('')).text).not.toContain(`data-inbox-id="${id}"`);
    expect((await client.fetchPost('/inbox/msg_missing/ack')).status).toBe(404);
  });
});

describe('board and dossier pages', () => {
  let client: ConsoleClient;
  beforeAll(async () => {
    client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-admin');
  });

  it('groups the board by colour, red first, with filters in the query string', async () => {
    const board = await client.get('/board');
    expect(board.status).toBe(200);
    const columns = [...board.text.matchAll(/<section class="column colour-(\w+)"/g)].map(
      (match) => match[1],
    );
    expect(columns).toEqual(['overdue', 'today', 'future']);
    expect(board.text).toMatch(/<option value="[^"]+">Attendance list \[Course:Name\]<\/option>/);

    const future = await client.get('/board?colour=future');
    expect(future.text).toContain(`data-action-id="${records.attendance.id}"`);
    expect(future.text).not.toContain(`data-action-id="${records.publish.id}"`);

    const all = await client.get('/board?state=all');
    expect(all.text).toContain('<section class="column colour-closed"');
    expect(all.text).toMatch(
      new RegExp(`class="card colour-closed state-executed" data-action-id="${records.publish.id}"`),
    );

    const nobody = await client.get('/board?owner=none&state=bogus');
    expect(nobody.status).toBe(200);
    expect(nobody.text).not.toContain('<article class="card');
  });

  it('draws a course’s timeline with its participants’ lanes, a today line and its facts', async () => {
    const page = await client.get(`/dossiers/${records.futureCourseId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<svg class="timeline"');
    expect(page.text).toContain('class="today-line"');
    expect(page.text.match(/class="bar /g)?.length).toBeGreaterThanOrEqual(3);
    expect(page.text).toMatch(/class="lane-label">Participant Anna\d+ Berg<\/text>/);
    expect(page.text).toMatch(/<dt>Name<\/dt><dd>Workshop basics<\/dd>/);
    expect(page.text).toMatch(/<dt>Number of participants<\/dt><dd>1<\/dd>/);

    const participant = await client.get(`/dossiers/${records.participantId}`);
    expect(participant.text).toContain('<g class="lane-head highlight">');
  });

  it('answers an unknown dossier and an unknown page with error pages', async () => {
    const missing = await client.get('/dossiers/crs_missing');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('There is no dossier crs_missing.');
    expect((await client.get('/nowhere')).status).toBe(404);
  });

  it('sends anonymous visitors to the front door', async () => {
    const anonymous = new ConsoleClient(consoleApp.url);
    const board = await anonymous.get('/board');
    expect(board.status).toBe(303);
    expect(board.headers.get('location')).toBe('/console');
  });

  it('serves its script and style sheet, and nothing else from disk', async () => {
    const script = await client.get('/static/console.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.text).toContain('X-Console-Fetch');
    expect((await client.get('/static/console.css')).headers.get('content-type')).toContain('text/css');
    expect((await client.get('/static/package.json')).status).toBe(404);
    expect((await client.get('/static/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('answers an unreadable body with a client error view', async () => {
    const response = await client.request('POST', '/command', undefined, {
      'content-type': 'application/json',
      'x-csrf-token': client.csrf,
      'x-console-fetch': '1',
    });
    expect(response.status).toBeLessThan(500);
    const broken = await fetch(`${consoleApp.url}/command`, {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': 'application/json', 'x-console-fetch': '1' },
      body: '{"text": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('That request could not be read.');
  });
});

describe('an internal failure', () => {
  it('is an error view with a generic message; the details go to the log only', async () => {
    const { ws } = consoleApp;
    const logged: unknown[] = [];
    const brokenTemplates = Object.create(ws.stores.templates, {
      list: { value: () => Promise.reject(new Error('boom in /secret/path.ts:12')) },
    });
    const app = consoleTestApp({
      deps: { ...ws.deps, stores: { ...ws.stores, templates: brokenTemplates } },
      execution: consoleApp.execution,
      logger: pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) }),
      requireLogin: false,
      sessionSecret: TEST_SESSION_SECRET,
      inbox: consoleApp.inbox,
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const client = new ConsoleClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/console`);
      await client.actAs('u-planner');
      const page = await client.get('/board');
      expect(page.status).toBe(500);
      expect(page.text).toContain('Something went wrong on our side; it has been logged.');
      expect(page.text).not.toContain('boom');
      expect(page.text).not.toContain('secret');
      expect(logged).toEqual([expect.objectContaining({ msg: 'console request failed', path: '/board' })]);
    } finally {
      server.close();
    }
  });
});
