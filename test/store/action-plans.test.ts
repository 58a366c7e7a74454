import type { Collection, Db, Document, Filter, Sort } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LIST_SORT, type ActionQuery, actionListFilter } from '../../src/store/action-queries.js';
import { COUNT_BOUND } from '../../src/store/actions.js';
import { dueExecutionFilter, expiredWaitingFilter, noticeQuery } from '../../src/store/due-work.js';
import { createStores, ensureIndexes } from '../../src/store/stores.js';
import { localDayOf } from '../../src/workflow/actions/queries.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The plans of the queries every list, count, digest and the due-sweep send, checked with `explain` on
 * whichever server the suite runs against: the embedded server's planner here, a real mongod when
 * MONGODB_URI is set. Each must be served from an index (no collection scan), the sorted lists without a
 * blocking sort, and each must examine documents in proportion to what it returns, not to the collection.
 */
let database: TestDatabase;
let db: Db;
let actions: Collection<Document>;

const NOW = new Date('2026-06-10T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const ACTIONS = 3_000;
const PAGE = 50;
const dayOf = localDayOf(NOW, 'Europe/Amsterdam');

/** A spread of actions: most open, some broken, waiting or closed; owners, templates and roles vary. */
function actionDoc(index: number): Document {
  const states = ['open', 'open', 'open', 'open', 'open', 'open', 'failed', 'rejected', 'waiting', 'done'];
  const state = states[index % states.length]!;
  const end = new Date(NOW.getTime() + ((index % 61) - 30) * DAY + (index % 7) * 3_600_000);
  const start = new Date(end.getTime() - ((index % 5) + 1) * DAY);
  const execution = ['manual', 'manual', 'semi-automatic', 'automatic'][index % 4]!;
  const notified: Record<string, Date> = {};
  if (index % 5 !== 0 && start < NOW) notified.start = start;
  if (index % 5 !== 0 && end < NOW) notified.overdue = end;
  return {
    _id: `act_${index}`,
    number: index + 1,
    identityKey: `tpl_${index % 20}|rec_${index}`,
    templateId: `tpl_${index % 20}`,
    record: { group: 'course', id: `crs_${Math.floor(index / 20)}` },
    linkedRecords: [{ group: 'course-type', id: `ctp_${index % 3}` }],
    ownerUserId: index % 11 === 0 ? null : `usr_${index % 10}`,
    state,
    execution,
    autoExecute: execution === 'automatic',
    start,
    end,
    readRoles: index % 2 === 0 ? [] : ['planning'],
    writeRoles: [],
    ...(Object.keys(notified).length ? { notified } : {}),
  };
}

beforeAll(async () => {
  database = await openTestDatabase('action_plans');
  db = database.db;
  await ensureIndexes(createStores(db));
  actions = db.collection('actions');
  await actions.insertMany(Array.from({ length: ACTIONS }, (_, index) => actionDoc(index)));
});
afterAll(() => database.close());

interface PlanFacts {
  stages: Set<string>;
  docsExamined: number;
  returned: number;
}

/** Stage names of a plan tree (classic or SBE's `queryPlan`), wherever explain puts the plan. */
function factsOf(explain: Document): PlanFacts {
  const cursor = explain.stages?.[0]?.$cursor ?? explain;
  const stages = new Set<string>();
  const walk = (node: Document | undefined) => {
    if (!node) return;
    if (typeof node.stage === 'string') stages.add(node.stage);
    walk(node.queryPlan);
    walk(node.inputStage);
    for (const child of node.inputStages ?? []) walk(child);
  };
  walk(cursor.queryPlanner.winningPlan);
  return {
    stages,
    docsExamined: cursor.executionStats.totalDocsExamined,
    returned: cursor.executionStats.nReturned,
  };
}

async function explainFind(filter: Filter<Document>, sort: Sort, limit: number): Promise<PlanFacts> {
  return factsOf(await actions.find(filter, { sort, limit }).explain('executionStats'));
}

const list = (query: ActionQuery) => actionListFilter(query) as Filter<Document>;
const open: ActionQuery['states'] = ['open', 'failed', 'rejected'];
const colour = (name: 'overdue' | 'today' | 'future') => ({ colour: name, now: NOW, ...dayOf });

describe('list queries are read from indexes in order', () => {
  const sortedLists: Array<[string, ActionQuery, number]> = [
    ['the default list', { states: open }, PAGE + 5],
    ['overdue', { states: open, colour: colour('overdue') }, PAGE + 5],
    ['one owner', { states: open, ownerUserId: 'usr_3' }, PAGE + 5],
    ['one owner, overdue', { states: open, ownerUserId: 'usr_3', colour: colour('overdue') }, PAGE + 5],
    ['unassigned', { states: open, ownerUserId: null }, PAGE + 5],
    ['one template', { states: open, templateId: 'tpl_4' }, PAGE + 5],
    [
      'readable templates, overdue',
      { states: open, templateIds: ['tpl_1', 'tpl_2', 'tpl_3'], colour: colour('overdue') },
      PAGE + 5,
    ],
    ['future', { states: open, colour: colour('future') }, 2 * PAGE],
    // Half the actions are readable by everyone: the visibility check reads about two per shown action.
    ['a viewer by role', { states: open, visibleTo: { userId: 'usr_5', roles: ['sales'] } }, 3 * PAGE],
    [
      'a viewer by role, overdue',
      { states: open, colour: colour('overdue'), visibleTo: { userId: 'usr_5', roles: ['sales'] } },
      3 * PAGE,
    ],
  ];

  for (const [label, query, bound] of sortedLists) {
    it(`${label}: an index, no blocking sort, documents read in proportion to the page`, async () => {
      const facts = await explainFind(list(query), ACTION_LIST_SORT, PAGE);
      expect(facts.stages.has('COLLSCAN'), [...facts.stages].join()).toBe(false);
      expect(facts.stages.has('SORT'), [...facts.stages].join()).toBe(false);
      expect(facts.returned).toBe(PAGE);
      expect(facts.docsExamined).toBeLessThanOrEqual(bound);
    });
  }

  it("the colour 'today': an index, and only today's actions read", async () => {
    const query = list({ states: open, colour: colour('today') });
    const touchingToday = await actions.countDocuments({
      $or: [
        { end: { $gte: dayOf.dayStart, $lt: dayOf.dayEnd } },
        { start: { $gte: dayOf.dayStart, $lt: dayOf.dayEnd } },
      ],
    });
    const facts = await explainFind(query, ACTION_LIST_SORT, PAGE);
    expect(facts.stages.has('COLLSCAN')).toBe(false);
    expect(touchingToday).toBeGreaterThan(0);
    expect(facts.docsExamined).toBeLessThanOrEqual(2 * touchingToday);
  });

  it('one record: an index on the record', async () => {
    const facts = await explainFind(
      list({ record: { group: 'course', id: 'crs_7' } }),
      ACTION_LIST_SORT,
      PAGE,
    );
    expect(facts.stages.has('COLLSCAN')).toBe(false);
    expect(facts.docsExamined).toBeLessThanOrEqual(20);
  });

  it('a course type (own or linked records): an index per branch', async () => {
    const facts = await explainFind(
      list({ states: open, recordIds: ['ctp_1'], colour: colour('overdue') }),
      ACTION_LIST_SORT,
      PAGE,
    );
    expect(facts.stages.has('COLLSCAN')).toBe(false);
    expect(facts.returned).toBe(PAGE);
  });
});

describe('bounded counts read at most the bound', () => {
  it('counts a broad list up to the bound', async () => {
    const explain = await actions
      .aggregate([
        { $match: list({ states: open }) },
        { $limit: COUNT_BOUND + 1 },
        { $group: { _id: 1, n: { $sum: 1 } } },
      ])
      .explain('executionStats');
    const facts = factsOf(explain);
    expect(facts.stages.has('COLLSCAN')).toBe(false);
    expect(facts.docsExamined).toBeLessThanOrEqual(COUNT_BOUND + 1);
  });
});

describe('the due-sweep reads only due work', () => {
  it('executions: automatic first runs by start, retries and expired leases', async () => {
    const due = await actions.countDocuments(dueExecutionFilter(NOW) as Filter<Document>);
    const facts = await explainFind(dueExecutionFilter(NOW) as Filter<Document>, { start: 1 }, 100);
    expect(facts.stages.has('COLLSCAN')).toBe(false);
    expect(facts.docsExamined).toBeLessThanOrEqual(due + 5);
  });

  for (const kind of ['start', 'overdue'] as const) {
    it(`${kind} notices: the actions already told about are not read`, async () => {
      const { filter, sort } = noticeQuery(kind, NOW);
      const untold = await actions.countDocuments({
        state: 'open',
        [`notified.${kind}`]: { $exists: false },
        [kind === 'start' ? 'start' : 'end']: { $lte: NOW },
      });
      const facts = await explainFind(filter as Filter<Document>, sort, 100);
      expect(facts.stages.has('COLLSCAN')).toBe(false);
      expect(facts.docsExamined).toBeLessThanOrEqual(untold);
    });
  }

  it('expired waiting actions, by end', async () => {
    const facts = await explainFind(expiredWaitingFilter(NOW) as Filter<Document>, { end: 1 }, 100);
    expect(facts.stages.has('COLLSCAN')).toBe(false);
    expect(facts.stages.has('SORT')).toBe(false);
    expect(facts.docsExamined).toBe(facts.returned);
  });
});
