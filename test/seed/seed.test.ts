import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsFor } from '../../src/chat/views/action-card.js';
import type { Action } from '../../src/domain/actions/index.js';
import type { Course } from '../../src/domain/dossiers/index.js';
import { canWriteAction } from '../../src/domain/rights/index.js';
import { validateTemplate } from '../../src/domain/templates/index.js';
import { EXAMPLE_SEED_ID, type SeedResult, seedExampleWorkspace } from '../../src/seed/index.js';
import type { UserRecord } from '../../src/store/users.js';
import { completeAction } from '../../src/workflow/actions/commands.js';
import { getAction, listActions } from '../../src/workflow/actions/queries.js';
import { ensureBootstrapAdmins } from '../../src/workflow/admin/bootstrap.js';
import type { WorkspaceProvider } from '../../src/workflow/deps.js';
import { createDossierRecord } from '../../src/workflow/dossiers.js';
import { runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import { executeAction } from '../../src/workflow/execution/execute-action.js';
import { SYSTEM_USER } from '../../src/workflow/system-user.js';
import { definitionOf } from '../../src/workflow/templates/save.js';
import { executionPorts } from '../execution/support.js';
import { actionsOf } from '../workflow/support/actions.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';

// The test workspace's clock: Thursday 1 October 2026, 10:00 in Amsterdam, a working day.
const logger = pino({ level: 'silent' });
const page = { limit: 100, skip: 0 };

let ws: TestWorkspace;
let closeSecond: () => Promise<void>;
let concurrent: SeedResult[];

beforeAll(async () => {
  ws = await openWorkspace('seed_example');
  const second = await ws.secondInstance();
  closeSecond = second.close;
  // Two instances starting on the same empty database at the same moment.
  concurrent = await Promise.all([
    seedExampleWorkspace(ws.deps, { logger }),
    seedExampleWorkspace(second.deps, { logger }),
  ]);
});

afterAll(async () => {
  await closeSecond();
  await ws.close();
});

async function user(email: string): Promise<UserRecord> {
  const found = await ws.stores.users.findByEmail(email);
  if (!found) throw new Error(`no user ${email}`);
  return found;
}

async function course(name: string): Promise<Course> {
  const { items } = await ws.stores.dossiers.list({ group: 'course', where: { name }, ...page });
  if (items.length !== 1) throw new Error(`expected one course '${name}', got ${items.length}`);
  return items[0] as Course;
}

async function templateActions(key: string): Promise<Action[]> {
  const template = await ws.stores.templates.getByKey(key);
  if (!template) throw new Error(`no template ${key}`);
  return actionsOf(ws, template.id);
}

describe('seeding the example workspace', () => {
  it('seeds exactly once when two instances start at the same moment', async () => {
    const seeded = concurrent.filter((result) => result.seeded);
    const skipped = concurrent.filter((result) => !result.seeded);
    expect(seeded).toHaveLength(1);
    expect(skipped).toHaveLength(1);
    // The loser either lost the marker or, arriving later, found the winner's records.
    expect(['already-seeded', 'not-empty']).toContain(skipped[0]?.seeded === false && skipped[0].reason);
    expect(await ws.stores.templates.list({ includeArchived: true })).toHaveLength(9);
    const staff = (await ws.stores.users.list()).filter((entry) => entry.email?.endsWith('@debrug.example'));
    expect(staff).toHaveLength(4);
  });

  it('reports what it created: staff, templates, records and actions by colour', async () => {
    const result = concurrent.find((entry) => entry.seeded);
    expect(result?.seeded && result.summary).toEqual({
      users: 4,
      senders: 1,
      templates: 9,
      records: {
        'course-type': 3,
        company: 3,
        person: 22,
        contact: 1,
        teacher: 2,
        location: 3,
        course: 4,
        participant: 19,
        request: 2,
      },
      actions: { total: 22, waiting: 5, overdue: 2, today: 11, future: 4, closed: 0 },
    });
    const marker = await ws.database.db.collection('seedRuns').findOne({ _id: EXAMPLE_SEED_ID as never });
    expect(marker?.state).toBe('done');
  });

  it('a second start does nothing', async () => {
    const before = (await ws.stores.actions.find({}, page)).total;
    expect(await seedExampleWorkspace(ws.deps, { logger })).toEqual({
      seeded: false,
      reason: 'already-seeded',
    });
    expect((await ws.stores.actions.find({}, page)).total).toBe(before);
    expect(await ws.stores.templates.list({ includeArchived: true })).toHaveLength(9);
  });

  it('never seeds a workspace that has data, even without a marker', async () => {
    const seedRuns = ws.database.db.collection('seedRuns');
    const marker = await seedRuns.findOne({ _id: EXAMPLE_SEED_ID as never });
    await seedRuns.deleteOne({ _id: EXAMPLE_SEED_ID as never });
    try {
      expect(await seedExampleWorkspace(ws.deps, { logger })).toEqual({ seeded: false, reason: 'not-empty' });
      expect(await seedRuns.countDocuments()).toBe(0);
    } finally {
      if (marker) await seedRuns.insertOne(marker);
    }
  });

  it('creates the staff with their roles, languages and test-domain e-mails', async () => {
    const staff = await ws.stores.users.list();
    const seeded = staff
      .filter((entry) => entry.email?.endsWith('@debrug.example'))
      .map(({ email, roles, admin, automaticWorkflow, locale }) => ({
        email,
        roles,
        admin,
        automaticWorkflow,
        locale,
      }));
    expect(seeded).toEqual([
      {
        email: 'ans@debrug.example',
        roles: ['planning'],
        admin: true,
        automaticWorkflow: true,
        locale: 'nl',
      },
      {
        email: 'bram@debrug.example',
        roles: ['planning'],
        admin: false,
        automaticWorkflow: false,
        locale: 'nl',
      },
      {
        email: 'priya@debrug.example',
        roles: ['finance'],
        admin: false,
        automaticWorkflow: false,
        locale: 'en',
      },
      {
        email: 'sanne@debrug.example',
        roles: ['sales'],
        admin: false,
        automaticWorkflow: false,
        locale: 'nl',
      },
    ]);
    expect(await ws.stores.senders.approvedAddresses()).toEqual(['planning@debrug.example']);
  });
});

describe('the seeded templates', () => {
  it('are the docs/domain.md §8 examples plus three demo templates, each valid as stored', async () => {
    const templates = await ws.stores.templates.list({ includeArchived: true });
    expect(templates.map((template) => template.key).sort()).toEqual([
      'attendance-list',
      'call-back-quote',
      'call-teacher',
      'go-when-minimum-reached',
      'publish-portal',
      'register-pass',
      'remove-expired-category',
      'stop-publishing-when-full',
      'welcome-participant',
    ]);
    const approvedSenders = await ws.stores.senders.approvedAddresses();
    for (const template of templates) {
      expect(() =>
        validateTemplate(definitionOf(template), { actor: SYSTEM_USER, existing: template, approvedSenders }),
      ).not.toThrow();
      expect(template.courseTypeIds.length).toBeGreaterThan(0);
    }
  });

  it('stamped every action through a use case, as the person who made the change', async () => {
    const { items } = await ws.stores.actions.find({}, page);
    const people = new Set([(await user('ans@debrug.example')).id, (await user('sanne@debrug.example')).id]);
    for (const action of items) {
      expect(people.has(action.stampedBy)).toBe(true);
      expect(action.history[0]?.kind).toBe('stamped');
    }
  });
});

describe('right after start-up', () => {
  it('there are overdue, today and future actions on the board', async () => {
    const ans = await user('ans@debrug.example');
    const names = async (colour: 'overdue' | 'today' | 'future') =>
      (await listActions(ws.deps, ans, { ...page, colour })).items.map((action) => action.name);
    expect(await names('overdue')).toEqual(
      expect.arrayContaining([
        'Presentielijst BHV herhaling Bouwbedrijf Van Dijk',
        'Bel docent over BHV herhaling Bouwbedrijf Van Dijk',
      ]),
    );
    expect(await names('today')).toEqual(
      expect.arrayContaining([
        'Presentielijst EHBO basis Utrecht',
        'Welkomstmail aan Bas Kuipers (VCA basis Utrecht)',
        'Geslaagd registreren: Johan de Boer (BHV herhaling Bouwbedrijf Van Dijk)',
      ]),
    );
    expect(await names('future')).toEqual(
      expect.arrayContaining(['Offerte OFF-1042 nabellen – Zorggroep Het Anker']),
    );
  });

  it('example 1: the call-back on the quote was stamped by hand by sales and only sales sees it', async () => {
    const [sanne, bram, priya] = await Promise.all(
      ['sanne', 'bram', 'priya'].map((name) => user(`${name}@debrug.example`)),
    );
    const [callBack, ...others] = await templateActions('call-back-quote');
    expect(others).toHaveLength(0);
    expect(callBack).toMatchObject({ stampedBy: sanne!.id, ownerUserId: sanne!.id, readRoles: ['sales'] });
    expect((await getAction(ws.deps, sanne!, callBack!.id)).colour).toBe('future');
    for (const outsider of [bram!, priya!]) {
      await expect(getAction(ws.deps, outsider, callBack!.id)).rejects.toMatchObject({
        code: 'action.not-found',
      });
      const listed = await listActions(ws.deps, outsider, page);
      expect(listed.items.map((action) => action.id)).not.toContain(callBack!.id);
      expect(listed.items.length).toBeGreaterThan(0);
    }
  });

  it('planning work: everyone sees it, but only planners and its owner may complete or execute it', async () => {
    const [bram, sanne, priya] = await Promise.all(
      ['bram', 'sanne', 'priya'].map((name) => user(`${name}@debrug.example`)),
    );
    const planningKeys = [
      'attendance-list',
      'publish-portal',
      'stop-publishing-when-full',
      'go-when-minimum-reached',
      'remove-expired-category',
      'welcome-participant',
      'register-pass',
      'call-teacher',
    ];
    for (const key of planningKeys) {
      expect(await ws.stores.templates.getByKey(key)).toMatchObject({
        readRoles: [],
        writeRoles: ['planning'],
      });
    }
    const [list] = (await templateActions('attendance-list')).filter((action) => action.state === 'open');
    const [pass] = (await templateActions('register-pass')).filter((action) => action.state === 'open');
    for (const outsider of [sanne!, priya!]) {
      expect((await getAction(ws.deps, outsider, list!.id)).id).toBe(list!.id);
      await expect(completeAction(ws.deps, outsider, { ref: list!.id })).rejects.toMatchObject({
        code: 'action.forbidden',
      });
      await expect(executeAction(ws.deps, executionPorts(), outsider, pass!.id)).rejects.toMatchObject({
        code: 'action.forbidden',
      });
      // Their cards offer only Details: no Done, Execute or Snooze they would be refused.
      expect(buttonsFor(list!, outsider, 'nl').map((button) => button.verb)).toEqual(['details']);
    }
    expect(canWriteAction(bram!, list!)).toBe(true);
    expect(buttonsFor(list!, bram!, 'nl').map((button) => button.verb)).toContain('done');
    expect((await ws.stores.actions.get(list!.id))?.state).toBe('open');
    expect((await ws.stores.actions.get(pass!.id))?.state).toBe('open');
  });

  it('example 2: exactly one attendance list per confirmed course, none for courses still to start', async () => {
    const lists = await templateActions('attendance-list');
    const { items: courses } = await ws.stores.dossiers.list({ group: 'course', ...page });
    for (const entry of courses as Course[]) {
      const own = lists.filter((action) => action.record.id === entry.id);
      expect(own, entry.name).toHaveLength(entry.status === 'to-start' ? 0 : 1);
    }
    expect(lists).toHaveLength(2);
    // Example 7 (naming) and the owner rule: the course contact, falling back to the course type's.
    const soon = await course('EHBO basis Utrecht');
    const list = lists.find((action) => action.record.id === soon.id);
    expect(list?.name).toBe('Presentielijst EHBO basis Utrecht');
    expect(list?.ownerUserId).toBe((await user('bram@debrug.example')).id);
  });

  it('the nearly full course waits to stop publishing; the course below its minimum waits to go ahead', async () => {
    const waiting = async (key: string, name: string) => {
      const target = await course(name);
      return (await templateActions(key)).filter((action) => action.record.id === target.id);
    };
    expect(await waiting('stop-publishing-when-full', 'EHBO basis Amersfoort')).toMatchObject([
      { state: 'waiting', stateReason: 'conditions-not-met' },
    ]);
    expect(await waiting('go-when-minimum-reached', 'VCA basis Utrecht')).toMatchObject([
      { state: 'waiting' },
    ]);
    // Its own contact person (Ans) owns it, not the course type's (Bram).
    expect(await waiting('go-when-minimum-reached', 'EHBO basis Amersfoort')).toMatchObject([
      { state: 'open', autoExecute: true, ownerUserId: (await user('ans@debrug.example')).id },
    ]);
  });

  it('the first due-sweep publishes the new courses and turns nothing red (no SMTP configured)', async () => {
    const stats = await runDueSweep(ws.deps, executionPorts());
    expect(stats).toMatchObject({ executed: 3, failed: 0, rejected: 0 });
    for (const name of ['EHBO basis Utrecht', 'VCA basis Utrecht', 'EHBO basis Amersfoort']) {
      expect((await course(name)).portalPublished).toBe(true);
    }
    expect((await course('BHV herhaling Bouwbedrijf Van Dijk')).portalPublished).toBe(false);
  });

  it('the eighth participant fills the nearly full course, and the sweep takes it off the portal', async () => {
    const amersfoort = await course('EHBO basis Amersfoort');
    const person = await createDossierRecord(ws.deps, await user('ans@debrug.example'), {
      group: 'person',
      input: { firstName: 'Tess', lastName: 'Laan', emails: { private: 'tess.laan@post.example' } },
    });
    await createDossierRecord(ws.deps, await user('ans@debrug.example'), {
      group: 'participant',
      input: { courseId: amersfoort.id, personId: person.record.id },
    });
    const [stop] = (await templateActions('stop-publishing-when-full')).filter(
      (action) => action.record.id === amersfoort.id,
    );
    expect(stop?.state).toBe('open');
    expect(await runDueSweep(ws.deps, executionPorts())).toMatchObject({
      executed: 1,
      failed: 0,
      rejected: 0,
    });
    expect((await course('EHBO basis Amersfoort')).portalPublished).toBe(false);
  });

  it('Uitvoeren registers a pass; the welcome e-mail is rejected with its reason until SMTP is set', async () => {
    const ans = await user('ans@debrug.example');
    const [pass] = await templateActions('register-pass');
    const executed = await executeAction(ws.deps, executionPorts(), ans, pass!.id);
    expect(executed.outcome).toBe('executed');
    expect(await ws.stores.dossiers.get(pass!.record.id)).toMatchObject({ passMet: true });

    const [welcome] = await templateActions('welcome-participant');
    const rejected = await executeAction(ws.deps, executionPorts(), ans, welcome!.id);
    expect(rejected).toMatchObject({ outcome: 'rejected', code: 'email.smtp-not-configured' });
  });
});

describe('seeding around a given moment, with a bootstrap admin already there', () => {
  let other: TestWorkspace;
  beforeAll(async () => {
    other = await openWorkspace('seed_example_now');
  });
  afterAll(() => other.close());

  it('dates the example around `now`, stamps on that moment and keeps the existing admin as is', async () => {
    const [bootstrapped] = await ensureBootstrapAdmins(other.deps, ['ans@debrug.example']);
    // Monday 12 October 2026, 08:30: before the workspace's 09:00, so nothing due today has started yet.
    const now = new Date('2026-10-12T08:30:00+02:00');
    const result = await seedExampleWorkspace(other.deps, { now, logger });
    expect(result.seeded && result.summary.actions).toMatchObject({ overdue: 2, today: 11, future: 4 });
    const template = await other.stores.templates.getByKey('attendance-list');
    const lists = await actionsOf(other, template!.id);
    const soon = lists.find((action) => action.name === 'Presentielijst EHBO basis Utrecht');
    // The course starts Wednesday 14 October; its attendance list two working days earlier, this morning.
    expect(soon?.start).toEqual(new Date('2026-10-12T09:00:00+02:00'));
    expect(soon?.stampedAt).toEqual(now);
    // Ans's courses were entered by the bootstrap admin, whose name and rights the seed left alone.
    expect(soon?.stampedBy).toBe(bootstrapped!.id);
    expect(await other.stores.users.findByEmail('ans@debrug.example')).toEqual(bootstrapped);
  });
});

describe('a seed that fails', () => {
  let broken: TestWorkspace;
  beforeAll(async () => {
    broken = await openWorkspace('seed_example_failure');
  });
  afterAll(() => broken.close());

  it('is reported without throwing, marked failed and not tried again on top of itself', async () => {
    const unavailable = {
      get: () => Promise.reject(new Error('settings unavailable')),
      invalidate: () => undefined,
    } as unknown as WorkspaceProvider;
    const failing = await seedExampleWorkspace({ ...broken.deps, workspace: unavailable }, { logger });
    expect(failing).toEqual({ seeded: false, reason: 'failed', error: 'settings unavailable' });
    const marker = await broken.database.db.collection('seedRuns').findOne({ _id: EXAMPLE_SEED_ID as never });
    expect(marker).toMatchObject({ state: 'failed', error: 'settings unavailable' });
    expect(await seedExampleWorkspace(broken.deps, { logger })).toEqual({
      seeded: false,
      reason: 'already-seeded',
    });
  });
});
