import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/domain/actions/index.js';
import { stampByHand } from '../../src/workflow/actions/stamp-by-hand.js';
import { updateSettings } from '../../src/workflow/admin/settings.js';
import { escalationMoment, runEscalations } from '../../src/workflow/notices/escalations.js';
import { type ConsoleHarness, startConsole } from '../console/support.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';

let consoleApp: ConsoleHarness;
const actions: Record<string, Action> = {};
/** Thursday 15 October 2026, 10:00 in Amsterdam. */
const NOW = '2026-10-15T10:00:00+02:00';
const byHand = {
  start: { amount: 0, unit: 'days', direction: 'after', anchor: 'created' },
  end: { amount: 1, unit: 'days', direction: 'after', anchor: 'created' },
} as const;

beforeAll(async () => {
  consoleApp = await startConsole('digest_escalation');
  const ws = consoleApp.ws;
  await updateSettings(ws.deps, ws.users.admin, {
    patch: { escalation: { afterWorkingDays: 3, channel: { platform: 'console', channel: 'escalaties' } } },
  });
  const courseTypeId = (await seedCourseType(ws, 'esc')).id;
  const usual = await seedTemplate(ws, {
    key: 'usual',
    name: 'Gewoon [Opleiding:Naam]',
    event: undefined,
    timing: byHand,
  });
  const urgent = await seedTemplate(ws, {
    key: 'urgent',
    name: 'Dringend [Opleiding:Naam]',
    event: undefined,
    timing: byHand,
    escalation: { afterWorkingDays: 1 },
  });
  const stamp = async (key: string, template: string, end: string) => {
    const course = await seedCourse(ws, courseTypeId, { name: key });
    actions[key] = await stampByHand(ws.deps, ws.users.admin, {
      template,
      recordId: course.record.id,
      ownerUserId: ws.users.planner.id,
      start: new Date('2026-10-01T09:00:00+02:00'),
      end: new Date(end),
    });
  };
  await stamp('late', usual.id, '2026-10-08T09:00:00+02:00'); // Thursday a week ago: 5 working days overdue
  await stamp('recent', usual.id, '2026-10-13T09:00:00+02:00'); // Tuesday: 2 working days overdue
  await stamp('urgent', urgent.id, '2026-10-13T09:00:00+02:00'); // the template escalates after 1
  ws.clock.set(NOW);
});
afterAll(() => consoleApp.close());

async function channelMessages() {
  await consoleApp.delivery.worker.runOnce();
  return (
    await consoleApp.ws.database.db
      .collection('consoleInbox')
      .find({ 'target.channel': 'escalaties' })
      .toArray()
  ).map((doc) => doc.text as string);
}

describe('escalating overdue actions', () => {
  it('counts working days past the end, from the weekend and holidays on', async () => {
    const { calendar } = await consoleApp.ws.deps.workspace.get();
    // Due Friday 09:00; three working days later is Wednesday 09:00.
    expect(escalationMoment(new Date('2026-10-09T09:00:00+02:00'), 3, calendar).toISOString()).toBe(
      '2026-10-14T07:00:00.000Z',
    );
    // Due Thursday 24 December; the 25th and 26th are holidays, then a weekend: one working day later is the 28th.
    expect(escalationMoment(new Date('2026-12-24T16:00:00+01:00'), 1, calendar).toISOString()).toBe(
      '2026-12-28T15:00:00.000Z',
    );
  });

  it('leaves an action to the next run when the run dies before its message is queued', async () => {
    const dying = {
      available: true,
      send: async () => {
        throw new Error('the database went away');
      },
    };
    await expect(runEscalations(consoleApp.ws.deps, dying)).rejects.toThrow('the database went away');
    for (const key of ['late', 'urgent']) {
      expect((await consoleApp.ws.stores.actions.get(actions[key]!.id))?.notified?.escalated).toBeUndefined();
    }
  });

  it('escalates once to the channel, with the owner and the working days overdue, after the template’s or the workspace’s days', async () => {
    const other = await consoleApp.ws.secondInstance();
    try {
      const counts = await Promise.all([
        runEscalations(consoleApp.ws.deps, consoleApp.execution.processes.chat),
        runEscalations(other.deps, consoleApp.execution.processes.chat),
      ]);
      expect(counts[0]! + counts[1]!).toBe(2);
    } finally {
      await other.close();
    }
    expect(await runEscalations(consoleApp.ws.deps, consoleApp.execution.processes.chat)).toBe(0);
    const texts = await channelMessages();
    expect(texts).toHaveLength(2);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^Escalated: action ${actions.late!.number} "Gewoon late" is 5 working days overdue .* Owner: Planner\\.$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^Escalated: action ${actions.urgent!.number} "Dringend urgent" is 2 working days overdue`,
          ),
        ),
      ]),
    );
    expect((await consoleApp.ws.stores.actions.get(actions.recent!.id))?.notified?.escalated).toBeUndefined();
  });

  it('escalates nothing while no channel is set anywhere, and catches up once one is', async () => {
    const ws = consoleApp.ws;
    await updateSettings(ws.deps, ws.users.admin, { patch: { escalation: { afterWorkingDays: 3 } } });
    ws.clock.set('2026-10-20T10:00:00+02:00');
    expect(await runEscalations(ws.deps, consoleApp.execution.processes.chat)).toBe(0);
    await updateSettings(ws.deps, ws.users.admin, {
      patch: { escalation: { afterWorkingDays: 3, channel: { platform: 'console', channel: 'escalaties' } } },
    });
    expect(await runEscalations(ws.deps, consoleApp.execution.processes.chat)).toBe(1);
    expect((await ws.stores.actions.get(actions.recent!.id))?.notified?.escalated).toBeDefined();
    // Due Tuesday the 13th, escalated late on Tuesday the 20th: it says how late it is now.
    expect(await channelMessages()).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Escalated: action ${actions.recent!.number} "Gewoon recent" is 5 working days overdue`),
      ),
    );
  });
});
