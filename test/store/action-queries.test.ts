import fc from 'fast-check';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_STATES, type Action, type ActionState } from '../../src/domain/actions/index.js';
import { canReadAction } from '../../src/domain/rights/index.js';
import type { User } from '../../src/domain/rights/user.js';
import { colourOf } from '../../src/domain/timing/index.js';
import type { ActionQuery } from '../../src/store/action-queries.js';
import type { ActionStore } from '../../src/store/actions.js';
import { createStores, ensureIndexes } from '../../src/store/stores.js';
import { localDayOf } from '../../src/workflow/actions/queries.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The store's list query against the domain's own rules: for random actions around a moment, every
 * colour, state set, owner, scope and viewer selects exactly the actions `colourOf` and `canReadAction`
 * select, in end-then-number order, and the bounded counts agree with them.
 */
let database: TestDatabase;
let db: Db;
let store: ActionStore;

const TZ = 'Europe/Amsterdam';
const NOW = new Date('2026-03-29T10:30:00+02:00');
const HOUR = 3_600_000;

beforeAll(async () => {
  database = await openTestDatabase('action_queries');
  db = database.db;
  const stores = createStores(db);
  await ensureIndexes(stores);
  store = stores.actions;
});
afterAll(() => database.close());

interface Entry {
  state: ActionState;
  start: number;
  length: number;
  owner: string | null;
  template: string;
  record: string;
  linked: string[];
  readRoles: string[];
  execution: 'manual' | 'semi-automatic' | 'automatic';
}

interface Query {
  states: ActionState[];
  colour?: 'overdue' | 'today' | 'future' | 'closed';
  owner?: string | null;
  templateIds?: string[];
  recordIds?: string[];
  visible?: boolean;
}

const day = localDayOf(NOW, TZ);
/** Hours around now, and the edges the colour code turns on: now, the local day's start and end. */
const edges = [0, -1, 1, day.dayStart.getTime() - NOW.getTime(), day.dayEnd.getTime() - NOW.getTime()];
const offset = fc.oneof(
  fc.integer({ min: -60, max: 60 }).map((hours) => hours * HOUR),
  fc.constantFrom(...edges.flatMap((edge) => [edge - 1, edge, edge + 1])),
);
const actionArb: fc.Arbitrary<Entry> = fc.record({
  state: fc.constantFrom(...ACTION_STATES),
  start: offset,
  length: fc.oneof(
    fc.integer({ min: 0, max: 50 }).map((hours) => hours * HOUR),
    fc.constantFrom(0, 1),
  ),
  owner: fc.constantFrom('usr_a', 'usr_b', null),
  template: fc.constantFrom('tpl_1', 'tpl_2', 'tpl_3'),
  record: fc.constantFrom('crs_1', 'crs_2', 'prt_1'),
  linked: fc.subarray(['crs_1', 'ctp_1', 'ctp_2']),
  readRoles: fc.constantFrom([], ['sales'], ['planning']),
  execution: fc.constantFrom('manual', 'semi-automatic', 'automatic'),
});

function actionOf(entry: Entry, index: number): Action {
  const start = new Date(NOW.getTime() + entry.start);
  return {
    id: `act_${index}`,
    number: index + 1,
    templateId: entry.template,
    templateKey: entry.template,
    identityKey: `key_${index}`,
    record: { group: entry.record.startsWith('prt') ? 'participant' : 'course', id: entry.record },
    linkedRecords: entry.linked.map((id: string) => ({
      group: id.startsWith('ctp') ? 'course-type' : 'course',
      id,
    })),
    name: `Action ${index}`,
    ownerUserId: entry.owner,
    start,
    end: new Date(start.getTime() + entry.length),
    timeOfDay: null,
    linkedDates: false,
    datesEditedByHand: false,
    anchorDates: {},
    eventAt: null,
    priority: 'normal',
    remarks: '',
    execution: entry.execution,
    processSnapshot: null,
    autoExecute: entry.execution === 'automatic',
    state: entry.state,
    history: [],
    stampedBy: 'system',
    stampedAt: NOW,
    readRoles: entry.readRoles,
    writeRoles: [],
    version: 1,
  } as Action;
}

const viewer: User = {
  id: 'usr_b',
  name: 'B',
  email: 'b@example.test',
  roles: ['sales'],
  admin: false,
  automaticWorkflow: false,
  locale: 'en',
  active: true,
};

const queryArb: fc.Arbitrary<Query> = fc.record(
  {
    states: fc.subarray([...ACTION_STATES], { minLength: 1 }) as fc.Arbitrary<ActionState[]>,
    colour: fc.constantFrom('overdue', 'today', 'future', 'closed', 'today', 'overdue'),
    owner: fc.constantFrom('usr_a', null),
    templateIds: fc.subarray(['tpl_1', 'tpl_2', 'tpl_3']),
    recordIds: fc.subarray(['crs_1', 'ctp_1']),
    visible: fc.boolean(),
  },
  { requiredKeys: ['states', 'colour'] },
);

function expected(actions: Action[], q: Query): Action[] {
  return actions
    .filter((action) => q.states.includes(action.state))
    .filter((action) => !q.colour || colourOf(action, NOW, TZ) === q.colour)
    .filter((action) => q.owner === undefined || action.ownerUserId === q.owner)
    .filter((action) => !q.templateIds || q.templateIds.includes(action.templateId))
    .filter(
      (action) =>
        !q.recordIds ||
        q.recordIds.includes(action.record.id) ||
        action.linkedRecords.some((ref) => q.recordIds!.includes(ref.id)),
    )
    .filter((action) => !q.visible || canReadAction(viewer, action))
    .sort((a, b) => a.end.getTime() - b.end.getTime() || a.number - b.number);
}

function storeQuery(q: Query): ActionQuery {
  return {
    states: q.states,
    colour: q.colour ? { colour: q.colour, now: NOW, ...localDayOf(NOW, TZ) } : undefined,
    ownerUserId: q.owner,
    templateIds: q.templateIds,
    recordIds: q.recordIds,
    visibleTo: q.visible ? { userId: viewer.id, roles: viewer.roles } : undefined,
  };
}

describe('action list queries', () => {
  it('select what the colour code, the scope and the rights select, in order, and count it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(actionArb, { minLength: 30, maxLength: 80 }),
        fc.array(
          fc.oneof(
            queryArb,
            queryArb.map(({ colour: _colour, ...rest }) => rest),
          ),
          {
            minLength: 4,
            maxLength: 8,
          },
        ),
        async (entries, queries) => {
          await db.collection('actions').deleteMany({});
          const actions = entries.map(actionOf);
          await db
            .collection('actions')
            .insertMany(actions.map(({ id, ...rest }) => ({ _id: id, ...rest })) as never);
          for (const q of queries) {
            const want = expected(actions, q);
            const label = JSON.stringify(q);
            const page = await store.find(storeQuery(q), { limit: 1_000, skip: 0 });
            expect(
              page.items.map((action) => action.id),
              label,
            ).toEqual(want.map((action) => action.id));
            expect(page.total, label).toBe(want.length);
            expect(page.totalExact).toBe(true);
            const bounded = await store.count(storeQuery(q), 3);
            expect(bounded, label).toEqual(
              want.length > 3 ? { total: 3, totalExact: false } : { total: want.length, totalExact: true },
            );
            const byOwner = await store.countByOwner(storeQuery(q));
            const owners = new Map<string | null, number>();
            for (const action of want)
              owners.set(action.ownerUserId, (owners.get(action.ownerUserId) ?? 0) + 1);
            expect(byOwner, label).toEqual({ counts: owners, exact: true });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
