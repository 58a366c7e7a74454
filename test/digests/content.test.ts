import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/render/messages.js';
import { digestView } from '../../src/chat/views/digest.js';
import type { Action } from '../../src/domain/actions/index.js';
import type { DigestSubscription } from '../../src/domain/digests/subscription.js';
import { snoozeAction } from '../../src/workflow/actions/commands.js';
import { stampByHand } from '../../src/workflow/actions/stamp-by-hand.js';
import { digestContent } from '../../src/workflow/digests/content.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';

let ws: TestWorkspace;
const actions: Record<string, Action> = {};
let courseTypeId: string;
/** Wednesday 7 October 2026, 10:00 in Amsterdam. */
const NOW = '2026-10-07T10:00:00+02:00';

const byHand = {
  start: { amount: 0, unit: 'days', direction: 'after', anchor: 'created' },
  end: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
} as const;

function subscription(fields: Partial<DigestSubscription> = {}): DigestSubscription {
  return {
    id: 'dig_test',
    target: { platform: 'console', channel: 'planning' },
    schedule: { cron: '30 8 * * 1-5', timeZone: 'Europe/Amsterdam', workingDaysOnly: true },
    scope: { courseTypeIds: [], dataGroups: [], templateIds: [], ownerUserIds: [] },
    whenEmpty: 'say',
    top: 3,
    addressKey: 'console:channel:planning',
    addressLabel: '#planning',
    setBy: 'u-planner',
    createdAt: new Date(NOW),
    updatedAt: new Date(NOW),
    ...fields,
  };
}

beforeAll(async () => {
  ws = await openWorkspace('digest-content');
  courseTypeId = (await seedCourseType(ws, 'digest')).id;
  const everyone = await seedTemplate(ws, {
    key: 'public-todo',
    name: 'Taak [Opleiding:Naam]',
    event: undefined,
    timing: byHand,
  });
  const planningOnly = await seedTemplate(ws, {
    key: 'planning-todo',
    name: 'Geheim [Opleiding:Naam]',
    event: undefined,
    timing: byHand,
    readRoles: ['planning'],
    writeRoles: ['planning'],
  });
  const conditional = await seedTemplate(ws, {
    key: 'waits',
    name: 'Wacht [Opleiding:Naam]',
    event: undefined,
    timing: byHand,
    conditions: { all: [{ field: 'course.full', op: 'eq', value: true }], any: [] },
  });
  const stamp = async (key: string, template: string, owner: string | null, start: string, end: string) => {
    const course = await seedCourse(ws, courseTypeId, { name: key });
    actions[key] = await stampByHand(ws.deps, ws.users.admin, {
      template,
      recordId: course.record.id,
      ownerUserId: owner,
      start: new Date(start),
      end: new Date(end),
    });
  };
  const { planner, sales } = ws.users;
  await stamp('a1', everyone.id, planner.id, '2026-10-01T09:00:00+02:00', '2026-10-02T09:00:00+02:00');
  await stamp('a2', everyone.id, planner.id, '2026-10-01T09:00:00+02:00', '2026-10-05T09:00:00+02:00');
  await stamp('a3', everyone.id, sales.id, '2026-10-01T09:00:00+02:00', '2026-10-06T09:00:00+02:00');
  await stamp('a4', everyone.id, null, '2026-10-01T09:00:00+02:00', '2026-10-04T09:00:00+02:00');
  await stamp('a5', planningOnly.id, planner.id, '2026-10-01T09:00:00+02:00', '2026-10-01T12:00:00+02:00');
  await stamp('a6', everyone.id, sales.id, '2026-10-07T08:00:00+02:00', '2026-10-07T17:00:00+02:00');
  await stamp('a7', everyone.id, sales.id, '2026-10-06T09:00:00+02:00', '2026-10-09T09:00:00+02:00');
  await stamp('a8', everyone.id, sales.id, '2026-10-06T09:00:00+02:00', '2026-10-14T09:00:00+02:00');
  await stamp('a9', everyone.id, planner.id, '2026-10-01T09:00:00+02:00', '2026-10-03T09:00:00+02:00');
  await stamp('a10', conditional.id, planner.id, '2026-10-01T09:00:00+02:00', '2026-10-02T09:00:00+02:00');
  ws.clock.set(NOW);
  actions.a9 = await snoozeAction(ws.deps, ws.users.admin, {
    ref: actions.a9!.id,
    until: new Date('2026-10-12T09:00:00+02:00'),
  });
});
afterAll(() => ws.close());

describe('a channel digest', () => {
  it('counts overdue, today and later this week, of what everyone may see, without snoozed or waiting actions', async () => {
    expect(actions.a10?.state).toBe('waiting');
    const content = await digestContent(ws.deps, subscription(), new Date(NOW));
    expect(content.overdue).toEqual({ total: 4, exact: true });
    expect(content.today).toEqual({ total: 1, exact: true });
    expect(content.week).toEqual({ total: 1, exact: true });
    expect(content.top.map((action) => action.id)).toEqual([actions.a1!.id, actions.a4!.id, actions.a2!.id]);
    expect(content.owners).toEqual([
      { ownerUserId: ws.users.planner.id, count: 2 },
      expect.objectContaining({ count: 1 }),
      expect.objectContaining({ count: 1 }),
    ]);
  });

  it('groups the most overdue by owner, most overdue owner first, with compact cards and the command for the rest', async () => {
    const content = await digestContent(ws.deps, subscription(), new Date(NOW));
    const { view } = await digestView(ws.deps, subscription(), content);
    expect(view.title).toBe('Actions digest · #planning');
    expect(view.summary).toEqual([
      { label: 'Overdue', value: '4' },
      { label: 'Today', value: '1' },
      { label: 'Later this week', value: '1' },
      {
        label: 'Overdue per owner',
        value: expect.stringMatching(/^Planner 2 · (Sales 1 · nobody 1|nobody 1 · Sales 1)$/),
      },
    ]);
    expect(view.notes).toEqual(['Shows only the actions everyone may see.']);
    expect(view.sections.map((section) => section.heading)).toEqual([
      'Planner · 2 overdue',
      'nobody · 1 overdue',
    ]);
    expect(view.sections[0]!.items.map((card) => card.actionId)).toEqual([actions.a1!.id, actions.a2!.id]);
    expect(view.sections[0]!.items[0]!.buttons.map((button) => button.verb)).toEqual(['done', 'snooze']);
    expect(view.more).toBe('… and 1 more overdue: /actie list overdue');
  });

  it('shows what a role may see when restricted to it, and says so', async () => {
    const restricted = subscription({ audienceRole: 'planning', setBy: ws.users.planner.id, top: 10 });
    const content = await digestContent(ws.deps, restricted, new Date(NOW));
    expect(content.overdue.total).toBe(5);
    expect(content.top.map((action) => action.id)).toContain(actions.a5!.id);
    const { view } = await digestView(ws.deps, restricted, content);
    expect(view.notes[0]).toBe(
      'Shows what role planning may see (set by Planner): everyone in this channel sees it.',
    );
  });

  it('narrows to a scope: an owner, a template', async () => {
    const mine = await digestContent(
      ws.deps,
      subscription({
        scope: { courseTypeIds: [], dataGroups: [], templateIds: [], ownerUserIds: [ws.users.sales.id] },
      }),
      new Date(NOW),
    );
    expect(mine.overdue.total).toBe(1);
    expect(mine.top.map((action) => action.id)).toEqual([actions.a3!.id]);
    const byRole = await digestContent(
      ws.deps,
      subscription({
        scope: {
          courseTypeIds: [],
          dataGroups: [],
          templateIds: [],
          ownerUserIds: [],
          ownerRole: 'planning',
        },
      }),
      new Date(NOW),
    );
    expect(byRole.overdue.total).toBe(2);
    const ofType = await digestContent(
      ws.deps,
      subscription({
        scope: { courseTypeIds: [courseTypeId], dataGroups: [], templateIds: [], ownerUserIds: [] },
      }),
      new Date(NOW),
    );
    expect(ofType.overdue.total).toBe(4);
    const ofRecord = await digestContent(
      ws.deps,
      subscription({
        scope: {
          courseTypeIds: [],
          dataGroups: [],
          templateIds: [],
          ownerUserIds: [],
          recordId: actions.a3!.record.id,
        },
      }),
      new Date(NOW),
    );
    expect(ofRecord.top.map((action) => action.id)).toEqual([actions.a3!.id]);
    const otherType = await digestContent(
      ws.deps,
      subscription({
        scope: { courseTypeIds: ['ctp_none'], dataGroups: [], templateIds: [], ownerUserIds: [] },
      }),
      new Date(NOW),
    );
    expect(otherType.overdue.total).toBe(0);
    const none = await digestContent(
      ws.deps,
      subscription({
        scope: { courseTypeIds: [], dataGroups: ['invoice'], templateIds: [], ownerUserIds: [] },
      }),
      new Date(NOW),
    );
    expect(none.overdue.total).toBe(0);
    const { view } = await digestView(ws.deps, subscription(), none);
    expect(view.notes).toContain('Nothing overdue.');
  });

  it('stays within Slack’s limits with many long cards, saying how many more', async () => {
    const many = subscription({ top: 25 });
    const content = await digestContent(ws.deps, many, new Date(NOW));
    const long = {
      ...content,
      top: Array.from({ length: 25 }, (_, index) => ({
        ...content.top[0]!,
        id: `act_${index}`,
        name: 'x'.repeat(900),
      })),
      overdue: { total: 60, exact: true },
    };
    const { view } = await digestView(ws.deps, many, long);
    const message = renderBlocks([view], 'en');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks)).toContain('… and 35 more overdue');
    expect(message.text.length).toBeGreaterThan(0);
  });
});
