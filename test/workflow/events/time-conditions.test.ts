import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../src/domain/actions/index.js';
import { createDossierRecord } from '../../../src/workflow/dossiers.js';
import { recheckTimeConditions } from '../../../src/workflow/events/time-conditions.js';
import { actionsOf } from '../support/actions.js';
import { seedCompany, seedCourseType, seedRequest } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

/**
 * Conditions that start or stop holding as time passes, with no record changing: the scheduled re-check
 * reveals and hides their actions, once, page by page.
 */
let ws: TestWorkspace;
const templates: Record<'overdue' | 'beforeDue' | 'weekLate', string> = {
  overdue: '',
  beforeDue: '',
  weekLate: '',
};
const DAY = 86_400_000;
const T0 = '2026-11-02T09:00:00+01:00';
let courseTypeId = '';
const onInvoice = (fields: object) => ({
  courseTypeIds: [courseTypeId],
  dataGroup: 'invoice' as const,
  event: { type: 'created' as const, group: 'invoice' as const },
  name: 'Invoice follow-up',
  timing: {
    start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
    end: { amount: 60, unit: 'days', direction: 'after', anchor: 'event' },
  } as const,
  ...fields,
});

/** A final, unpaid invoice of a new company's request (an invoice reaches templates through it). */
async function finalInvoice(dueDate: Date) {
  const company = await seedCompany(ws);
  const request = await seedRequest(ws, company.id, { courseTypeId });
  await createDossierRecord(ws.deps, ws.users.admin, {
    group: 'invoice',
    input: {
      companyId: company.id,
      requestId: request.record.id,
      state: 'final',
      amount: 100,
      paid: false,
      dueDate,
    },
  });
}

beforeAll(async () => {
  ws = await openWorkspace('time-conditions');
  ws.clock.set(T0);
  // An invoice reaches templates through its request's course type.
  courseTypeId = (await seedCourseType(ws, 'time')).id;
  const seed = async (conditions: object) => (await seedTemplate(ws, onInvoice({ conditions }))).id;
  templates.overdue = await seed({ all: [{ field: 'invoice.overdue', op: 'eq', value: true }], any: [] });
  templates.beforeDue = await seed({ all: [{ field: 'invoice.overdue', op: 'eq', value: false }], any: [] });
  templates.weekLate = await seed({
    all: [{ field: 'invoice.dueDate', op: 'lt', value: { daysFromNow: -7 } }],
    any: [],
  });
  for (let index = 0; index < 3; index += 1) await finalInvoice(new Date(new Date(T0).getTime() + 2 * DAY));
});
afterAll(() => ws.close());

const states = async (key: keyof typeof templates) =>
  (await actionsOf(ws, templates[key])).map((action: Action) => action.state);

describe('conditions that change as time passes', () => {
  it('leaves everything as it is while nothing changed with time', async () => {
    expect(await states('overdue')).toEqual(['waiting', 'waiting', 'waiting']);
    expect(await states('beforeDue')).toEqual(['open', 'open', 'open']);
    expect(await recheckTimeConditions(ws.deps, { pageSize: 1 })).toMatchObject({ revealed: 0, hidden: 0 });
  });

  it('reveals and hides the actions once the invoices fell overdue, on two instances at once, once', async () => {
    ws.clock.set(new Date(new Date(T0).getTime() + 3 * DAY).toISOString());
    const other = await ws.secondInstance();
    try {
      // Both work it out; each write is conditional on the version read, so each action changes once.
      await Promise.all([
        recheckTimeConditions(ws.deps, { pageSize: 1 }),
        recheckTimeConditions(other.deps, { pageSize: 2 }),
      ]);
    } finally {
      await other.close();
    }
    expect(await states('overdue')).toEqual(['open', 'open', 'open']);
    expect(await states('beforeDue')).toEqual(['waiting', 'waiting', 'waiting']);
    expect(await states('weekLate')).toEqual(['waiting', 'waiting', 'waiting']);
    for (const action of await actionsOf(ws, templates.overdue)) {
      expect(action.history.filter((entry) => entry.kind === 'revealed')).toHaveLength(1);
    }
    for (const action of await actionsOf(ws, templates.beforeDue)) {
      expect(action.history.filter((entry) => entry.kind === 'hidden')).toHaveLength(1);
    }
    expect(await recheckTimeConditions(ws.deps)).toMatchObject({ revealed: 0, hidden: 0 });
  });

  it('reveals what compares with a date relative to now once that date passed', async () => {
    ws.clock.set(new Date(new Date(T0).getTime() + 10 * DAY).toISOString());
    expect(await recheckTimeConditions(ws.deps, { pageSize: 2 })).toMatchObject({ revealed: 3 });
    expect(await states('weekLate')).toEqual(['open', 'open', 'open']);
  });

  it('leaves a waiting action whose end passed to the due-sweep, not opening it late', async () => {
    const late = await seedTemplate(
      ws,
      onInvoice({
        conditions: { all: [{ field: 'invoice.overdue', op: 'eq', value: true }], any: [] },
        timing: {
          start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
          end: { amount: 1, unit: 'days', direction: 'after', anchor: 'event' },
        },
      }),
    );
    await finalInvoice(new Date(ws.clock.read().getTime() + 2 * DAY));
    expect((await actionsOf(ws, late.id)).map((action) => action.state)).toEqual(['waiting']);
    ws.clock.advance(3 * DAY);
    await recheckTimeConditions(ws.deps);
    expect((await actionsOf(ws, late.id)).map((action) => action.state)).toEqual(['waiting']);
  });
});
