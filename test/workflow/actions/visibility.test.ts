import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../src/domain/actions/index.js';
import { assignAction, completeAction } from '../../../src/workflow/actions/commands.js';
import { getAction, listActions } from '../../../src/workflow/actions/queries.js';
import { onlyAction } from '../support/actions.js';
import { seedCourse, seedCourseType } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, START, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
let salesOnly: Action;
let forEveryone: Action;
beforeAll(async () => {
  ws = await openWorkspace('workflow_visibility');
  const type = await seedCourseType(ws, 'visibility');
  const salesTemplate = await seedTemplate(ws, {
    courseTypeIds: [type.id],
    readRoles: ['sales'],
    writeRoles: ['sales'],
  });
  const openTemplate = await seedTemplate(ws, { courseTypeIds: [type.id] });
  const { record: course } = await seedCourse(ws, type.id);
  salesOnly = await onlyAction(ws, salesTemplate.id, course.id);
  forEveryone = await onlyAction(ws, openTemplate.id, course.id);
});
afterAll(() => ws.close());

const page = { limit: 50, skip: 0 };
const ids = (items: readonly Action[]) => items.map((action) => action.id).sort();

describe('who sees an action (template read/write roles)', () => {
  it('a sales-only action looks missing to a planning user, in lists and by reference', async () => {
    await expect(getAction(ws.deps, ws.users.planner, salesOnly.id)).rejects.toMatchObject({
      category: 'not-found',
      code: 'action.not-found',
    });
    await expect(getAction(ws.deps, ws.users.planner, salesOnly.number)).rejects.toMatchObject({
      code: 'action.not-found',
    });
    await expect(completeAction(ws.deps, ws.users.planner, { ref: salesOnly.id })).rejects.toMatchObject({
      code: 'action.not-found',
    });
    const listed = await listActions(ws.deps, ws.users.planner, page);
    expect(ids(listed.items)).toEqual([forEveryone.id]);
    expect(listed.total).toBe(1);
  });

  it('a sales user and an admin see it', async () => {
    expect((await getAction(ws.deps, ws.users.sales, salesOnly.id)).id).toBe(salesOnly.id);
    expect(ids((await listActions(ws.deps, ws.users.sales, page)).items)).toEqual(
      ids([salesOnly, forEveryone]),
    );
    expect(ids((await listActions(ws.deps, ws.users.admin, page)).items)).toEqual(
      ids([salesOnly, forEveryone]),
    );
  });

  it('its owner always sees it and may work on it, whatever the roles', async () => {
    await assignAction(ws.deps, ws.users.admin, { ref: salesOnly.id, ownerUserId: ws.users.automator.id });
    const mine = await listActions(ws.deps, ws.users.automator, { ...page, owner: 'me' });
    expect(ids(mine.items)).toEqual([salesOnly.id]);
    expect((await getAction(ws.deps, ws.users.automator, salesOnly.id)).ownerUserId).toBe(
      ws.users.automator.id,
    );
    await expect(getAction(ws.deps, ws.users.planner, salesOnly.id)).rejects.toMatchObject({
      code: 'action.not-found',
    });
    await assignAction(ws.deps, ws.users.admin, { ref: salesOnly.id, ownerUserId: null });
  });
});

describe('colour code (docs/domain.md §6)', () => {
  it('is today on the day the window starts, future before it, and overdue once the end passed', async () => {
    // Both windows run from Thursday 1 October 09:00 to Saturday 3 October 09:00.
    ws.clock.set(START);
    expect((await getAction(ws.deps, ws.users.admin, forEveryone.id)).colour).toBe('today');
    expect(ids((await listActions(ws.deps, ws.users.admin, { ...page, colour: 'today' })).items)).toEqual(
      ids([salesOnly, forEveryone]),
    );

    ws.clock.set('2026-10-02T12:00:00+02:00');
    expect((await getAction(ws.deps, ws.users.admin, forEveryone.id)).colour).toBe('future');

    ws.clock.set('2026-10-05T09:00:00+02:00');
    const overdue = await listActions(ws.deps, ws.users.planner, { ...page, overdue: true });
    expect(ids(overdue.items)).toEqual([forEveryone.id]);
    expect(overdue.items[0]!.colour).toBe('overdue');
    ws.clock.set(START);
  });
});
