import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTemplate, unlinkTemplate } from '../../../src/workflow/templates/links.js';
import { actionsOf } from '../support/actions.js';
import { patchRecord, seedCourse, seedCourseType, seedParticipant } from '../support/records.js';
import { BEFORE_COURSE_START, seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_links');
});
afterAll(() => ws.close());

const iso = (date: Date) => date.toISOString();

describe('retroactive linking (docs/domain.md §4)', () => {
  it('a dry run lists records and dates and writes nothing; applying twice creates nothing the second time', async () => {
    const type = await seedCourseType(ws, 'link-courses');
    const template = await seedTemplate(ws, { timing: BEFORE_COURSE_START });
    const first = (await seedCourse(ws, type.id)).record;
    const second = (await seedCourse(ws, type.id, { startDate: '2026-12-07T09:00:00+01:00', endDate: null }))
      .record;
    const undated = (await seedCourse(ws, type.id, { startDate: null, endDate: null })).record;
    const link = { template: template.key, courseTypeId: type.id, stampExisting: true };

    const dryRun = await linkTemplate(ws.deps, ws.users.admin, { ...link, dryRun: true });

    expect(dryRun).toMatchObject({ dryRun: true, alreadyLinked: false, created: 0 });
    const planned = dryRun.stamps
      .map((stamp) => [stamp.record.id, iso(stamp.start), iso(stamp.end), stamp.state])
      .sort();
    expect(planned).toEqual(
      [
        [first.id, '2026-11-12T08:00:00.000Z', '2026-11-16T08:00:00.000Z', 'open'],
        [second.id, '2026-12-03T08:00:00.000Z', '2026-12-07T08:00:00.000Z', 'open'],
      ].sort(),
    );
    expect(dryRun.skipped).toMatchObject([
      { record: { id: undated.id }, reason: 'missing-anchor', anchor: 'course.startDate' },
    ]);
    expect(await actionsOf(ws, template.id)).toEqual([]);
    expect((await ws.stores.templates.get(template.id))?.courseTypeIds).toEqual([]);

    const applied = await linkTemplate(ws.deps, ws.users.admin, { ...link, dryRun: false });
    expect(applied).toMatchObject({ dryRun: false, alreadyLinked: false, created: 2 });
    expect((await ws.stores.templates.get(template.id))?.courseTypeIds).toEqual([type.id]);
    const stamped = await actionsOf(ws, template.id);
    expect(stamped.map((action) => action.record.id).sort()).toEqual([first.id, second.id].sort());
    expect(stamped.every((action) => action.stampedBy === ws.users.admin.id)).toBe(true);

    const again = await linkTemplate(ws.deps, ws.users.admin, { ...link, dryRun: false });
    expect(again).toMatchObject({ alreadyLinked: true, stamps: [], created: 0 });
    expect(again.skipped.filter((skip) => skip.reason === 'already-stamped')).toHaveLength(2);
    expect(await actionsOf(ws, template.id)).toHaveLength(2);

    // Linked now, it stamps new courses by itself.
    const later = (await seedCourse(ws, type.id)).record;
    expect((await actionsOf(ws, template.id)).map((action) => action.record.id)).toContain(later.id);
  });

  it('a participant template on a course event reaches current participants only, like the event would', async () => {
    const type = await seedCourseType(ws, 'link-participants');
    const template = await seedTemplate(ws, {
      dataGroup: 'participant',
      event: { type: 'status-changed', group: 'course', to: 'definitive' },
    });
    const definitive = (await seedCourse(ws, type.id)).record;
    const planned = (await seedParticipant(ws, definitive.id)).record;
    await seedParticipant(ws, definitive.id, { status: 'cancelled' });
    await patchRecord(ws, definitive.id, { status: 'definitive' });
    const notYet = (await seedCourse(ws, type.id)).record;
    await seedParticipant(ws, notYet.id);

    const dryRun = await linkTemplate(ws.deps, ws.users.admin, {
      template: template.id,
      courseTypeId: type.id,
      dryRun: true,
      stampExisting: true,
    });

    expect(dryRun.stamps.map((stamp) => stamp.record.id)).toEqual([planned.id]);
  });

  it('records that have ended get nothing, unless the template is about their ending', async () => {
    const type = await seedCourseType(ws, 'link-ended');
    const material = await seedTemplate(ws, {});
    const refund = await seedTemplate(ws, {
      event: { type: 'status-changed', group: 'course', to: 'cancelled' },
    });
    const running = (await seedCourse(ws, type.id)).record;
    const cancelled = (await seedCourse(ws, type.id)).record;
    await patchRecord(ws, cancelled.id, { status: 'cancelled' });
    const link = { courseTypeId: type.id, dryRun: true, stampExisting: true };

    const forMaterial = await linkTemplate(ws.deps, ws.users.admin, { ...link, template: material.id });
    const forRefund = await linkTemplate(ws.deps, ws.users.admin, { ...link, template: refund.id });

    expect(forMaterial.stamps.map((stamp) => stamp.record.id)).toEqual([running.id]);
    expect(forRefund.stamps.map((stamp) => stamp.record.id)).toEqual([cancelled.id]);
  });
});

describe('unlinking', () => {
  it('a dry run lists the open actions; with cancelOpen they are cancelled and the link is gone', async () => {
    const type = await seedCourseType(ws, 'unlink');
    const otherType = await seedCourseType(ws, 'unlink-other');
    const template = await seedTemplate(ws, { courseTypeIds: [type.id, otherType.id] });
    const courses = [(await seedCourse(ws, type.id)).record, (await seedCourse(ws, type.id)).record];
    const elsewhere = (await seedCourse(ws, otherType.id)).record;
    const unlink = { template: template.id, courseTypeId: type.id, cancelOpen: true };

    const dryRun = await unlinkTemplate(ws.deps, ws.users.admin, { ...unlink, dryRun: true });

    expect(dryRun).toMatchObject({ dryRun: true, wasLinked: true, cancelled: 0 });
    expect(dryRun.openActions.map((action) => action.record.id).sort()).toEqual(
      courses.map((c) => c.id).sort(),
    );
    expect((await actionsOf(ws, template.id)).map((action) => action.state)).toEqual([
      'open',
      'open',
      'open',
    ]);
    expect((await ws.stores.templates.get(template.id))?.courseTypeIds).toEqual([type.id, otherType.id]);

    const applied = await unlinkTemplate(ws.deps, ws.users.admin, { ...unlink, dryRun: false });

    expect(applied.cancelled).toBe(2);
    const after = await actionsOf(ws, template.id);
    const states = Object.fromEntries(after.map((action) => [action.record.id, action.state]));
    expect(states).toEqual({
      [courses[0]!.id]: 'cancelled',
      [courses[1]!.id]: 'cancelled',
      [elsewhere.id]: 'open',
    });
    expect(after.find((action) => action.state === 'cancelled')?.history.at(-1)).toMatchObject({
      kind: 'cancelled',
      codes: ['template-unlinked'],
    });
    expect((await ws.stores.templates.get(template.id))?.courseTypeIds).toEqual([otherType.id]);
    expect((await seedCourse(ws, type.id)).outcome.stamped).toEqual([]);
  });

  it('without cancelOpen, unlinking leaves the stamped actions open', async () => {
    const type = await seedCourseType(ws, 'unlink-keep');
    const template = await seedTemplate(ws, { courseTypeIds: [type.id] });
    await seedCourse(ws, type.id);

    const result = await unlinkTemplate(ws.deps, ws.users.admin, {
      template: template.id,
      courseTypeId: type.id,
      dryRun: false,
      cancelOpen: false,
    });

    expect(result).toMatchObject({ wasLinked: true, cancelled: 0 });
    expect(result.openActions).toHaveLength(1);
    expect((await actionsOf(ws, template.id)).map((action) => action.state)).toEqual(['open']);
  });
});
