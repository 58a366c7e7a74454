import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueSweep } from '../../src/workflow/execution/due-sweep.js';
import { actionsOf, onlyAction } from '../workflow/support/actions.js';
import { patchRecord, seedCourse, seedCourseType, seedPerson } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import { executionPorts, markAttendanceTemplate, recordingChat, storeParticipants } from './support.js';

let ws: TestWorkspace;
let courseTypeId: string;

beforeAll(async () => {
  ws = await openWorkspace('sweep');
  courseTypeId = (await seedCourseType(ws, 'bhv')).id;
});

afterAll(() => ws.close());

describe('due-sweep', () => {
  it('two instances sweeping 300 due actions at once execute each exactly once', async () => {
    const template = await seedTemplate(ws, markAttendanceTemplate(courseTypeId), ws.users.automator);
    const course = await seedCourse(ws, courseTypeId, { maxParticipants: 2000 });
    const person = await seedPerson(ws);
    await storeParticipants(ws.stores, { courseId: course.record.id, personId: person.id }, 300, {
      now: ws.clock.read(),
      prefix: 'prt-load',
    });
    await patchRecord(ws, course.record.id, { status: 'definitive' });
    expect(await actionsOf(ws, template.id)).toHaveLength(300);

    const second = await ws.secondInstance();
    const ports = executionPorts();
    const options = {
      batchSize: 50,
      concurrency: 8,
      budgetMs: 120_000,
      staleNoticeMs: 86_400_000,
      pendingEventGraceMs: 30_000,
    };
    const [a, b] = await Promise.all([
      runDueSweep(ws.deps, ports, options),
      runDueSweep(second.deps, ports, options),
    ]);
    await second.close();

    expect(a.executed + b.executed).toBe(300);
    const actions = await actionsOf(ws, template.id);
    expect(actions.every((action) => action.state === 'executed')).toBe(true);
    expect(
      actions.every((action) => action.history.filter((entry) => entry.kind === 'executed').length === 1),
    ).toBe(true);
    const updates = await ws.stores.audit.list({ entityType: 'dossier', limit: 5000 });
    const participantUpdates = updates.filter(
      (entry) => entry.kind === 'dossier.updated' && entry.entity.id.startsWith('prt-load-'),
    );
    expect(participantUpdates).toHaveLength(300);
    expect(new Set(participantUpdates.map((entry) => entry.entity.id)).size).toBe(300);
  }, 120_000);

  it('leaves an automatic action whose start is long past for a person, with a note', async () => {
    const template = await seedTemplate(
      ws,
      {
        key: 'go-definitive',
        name: 'Make [Course:Name] definitive',
        execution: 'automatic',
        dataGroup: 'course',
        event: { type: 'created', group: 'course' },
        process: { type: 'set-status', status: 'definitive' },
        timing: {
          start: { amount: 10, unit: 'days', direction: 'before', anchor: 'course.startDate' },
          end: { amount: 0, unit: 'days', direction: 'before', anchor: 'course.startDate' },
          timeOfDay: '09:00',
        },
        courseTypeIds: [courseTypeId],
      },
      ws.users.automator,
    );
    // Entered three days before it starts: its start moment was a week ago.
    const course = await seedCourse(ws, courseTypeId, {
      startDate: '2026-10-04T09:00:00+02:00',
      endDate: '2026-10-04T17:00:00+02:00',
    });
    const action = await onlyAction(ws, template.id, course.record.id);
    expect(action).toMatchObject({ state: 'open', autoExecute: false, stateReason: 'start-in-past' });

    const stats = await runDueSweep(ws.deps, executionPorts());
    expect(stats.executed).toBe(0);
    expect(await ws.stores.dossiers.get(course.record.id)).toMatchObject({ status: 'to-start' });
  });

  it('reminds the owner once at the start and once when overdue', async () => {
    const template = await seedTemplate(ws, {
      key: 'call-teacher',
      name: 'Call the teacher of [Course:Name]',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      ownerRule: { kind: 'course-contact' },
      timing: {
        start: { amount: 1, unit: 'days', direction: 'after', anchor: 'event' },
        end: { amount: 2, unit: 'days', direction: 'after', anchor: 'event' },
      },
      courseTypeIds: [courseTypeId],
    });
    const course = await seedCourse(ws, courseTypeId, {
      name: 'Evening class',
      contactUserId: ws.users.planner.id,
    });
    const action = await onlyAction(ws, template.id, course.record.id);
    const chat = recordingChat();
    const ports = executionPorts({ chat });
    const mine = () => chat.sent.filter((entry) => entry.message.actionId === action.id);

    await runDueSweep(ws.deps, ports);
    expect(mine()).toHaveLength(0);

    ws.clock.set(action.start.toISOString());
    await runDueSweep(ws.deps, ports);
    await runDueSweep(ws.deps, ports);
    expect(mine().map((entry) => entry.message.purpose)).toEqual(['reminder']);
    expect(mine()[0]?.target).toEqual({ kind: 'user', userId: ws.users.planner.id });
    expect(mine()[0]?.message.text).toBe(
      `Action ${action.number} "Call the teacher of Evening class" starts now and is due 3 Oct 2026, 09:00.`,
    );

    ws.clock.set(new Date(action.end.getTime() + 60_000).toISOString());
    await runDueSweep(ws.deps, ports);
    await runDueSweep(ws.deps, ports);
    expect(mine().map((entry) => entry.message.purpose)).toEqual(['reminder', 'overdue']);
  });
});

describe('due-sweep notices', () => {
  it('stop at the pass budget after one of each kind; the rest come with the next pass', async () => {
    const chat = recordingChat();
    const ports = executionPorts({ chat });
    const owner = ws.users.planner;
    await seedTemplate(ws, {
      ownerRule: { kind: 'user', userId: owner.id },
      timing: {
        start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
        end: { amount: 1, unit: 'hours', direction: 'after', anchor: 'event' },
      },
      courseTypeIds: [courseTypeId],
    });
    for (let n = 0; n < 3; n += 1) await seedCourse(ws, courseTypeId);
    ws.clock.advance(2 * 60 * 60 * 1000);
    const options = {
      batchSize: 50,
      concurrency: 8,
      budgetMs: 0,
      staleNoticeMs: 86_400_000,
      pendingEventGraceMs: 30_000,
    };
    const first = await runDueSweep(ws.deps, ports, options);
    expect([first.reminders, first.overdueNotices]).toEqual([1, 1]);
    const rest = await runDueSweep(ws.deps, ports, { ...options, budgetMs: 120_000 });
    expect([rest.reminders, rest.overdueNotices]).toEqual([2, 2]);
    expect(chat.sent).toHaveLength(6);
    expect(chat.sent.every(({ target }) => target.kind === 'user' && target.userId === owner.id)).toBe(true);
  });
});
