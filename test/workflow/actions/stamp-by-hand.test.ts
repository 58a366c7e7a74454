import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionTemplate } from '../../../src/domain/templates/index.js';
import { cancelAction } from '../../../src/workflow/actions/commands.js';
import { getAction, listActions } from '../../../src/workflow/actions/queries.js';
import { stampByHand } from '../../../src/workflow/actions/stamp-by-hand.js';
import { seedCompany, seedRequest } from '../support/records.js';
import { seedTemplate } from '../support/templates.js';
import { openWorkspace, type TestWorkspace } from '../support/workspace.js';

let ws: TestWorkspace;
let callBack: ActionTemplate;
beforeAll(async () => {
  ws = await openWorkspace('workflow_stamp_by_hand');
  // docs/domain.md §8 example 1.
  const tenWorkingDays = { amount: 10, unit: 'working-days', direction: 'after', anchor: 'created' } as const;
  callBack = await seedTemplate(ws, {
    key: 'call-back-quote',
    name: 'Call back quote [Request:Number] – [Company:Name]',
    dataGroup: 'request',
    event: null,
    timing: { start: tenWorkingDays, end: tenWorkingDays },
    readRoles: ['sales'],
    writeRoles: ['sales'],
  });
});
afterAll(() => ws.close());

async function quote() {
  const company = await seedCompany(ws, { name: 'Acme BV' });
  return (await seedRequest(ws, company.id, { number: `Q-${company.id}` })).record;
}

describe('stamping by hand (docs/domain.md §8 example 1)', () => {
  it('a sales user stamps "call back" onto a request, due 10 working days later; only sales sees it', async () => {
    const request = await quote();

    const action = await stampByHand(ws.deps, ws.users.sales, {
      template: 'call-back-quote',
      recordId: request.id,
    });

    expect(action).toMatchObject({
      templateId: callBack.id,
      record: { group: 'request', id: request.id },
      name: `Call back quote Q-${(request as { companyId: string }).companyId} – Acme BV`,
      state: 'open',
      ownerUserId: null,
      stampedBy: ws.users.sales.id,
      readRoles: ['sales'],
      writeRoles: ['sales'],
      datesEditedByHand: false,
      history: [{ kind: 'stamped', actorUserId: ws.users.sales.id, after: 'open' }],
    });
    // Thursday 1 October + 10 working days = Thursday 15 October, 09:00 in Amsterdam.
    expect(action.start.toISOString()).toBe('2026-10-15T07:00:00.000Z');
    expect(action.end.toISOString()).toBe('2026-10-15T07:00:00.000Z');

    await expect(getAction(ws.deps, ws.users.planner, action.id)).rejects.toMatchObject({
      code: 'action.not-found',
    });
    const onRequest = { record: { group: 'request' as const, id: request.id }, limit: 10, skip: 0 };
    expect((await listActions(ws.deps, ws.users.planner, onRequest)).items).toEqual([]);
    expect((await listActions(ws.deps, ws.users.sales, onRequest)).items.map((item) => item.id)).toEqual([
      action.id,
    ]);
  });

  it('stamping it twice is refused and names the existing action', async () => {
    const request = await quote();
    const first = await stampByHand(ws.deps, ws.users.sales, { template: callBack.id, recordId: request.id });

    const second = stampByHand(ws.deps, ws.users.sales, { template: callBack.id, recordId: request.id });

    await expect(second).rejects.toMatchObject({
      category: 'conflict',
      code: 'action.already-stamped',
      message: `'call-back-quote' is already stamped on ${request.id} as action ${first.number}`,
      details: { actionId: first.id, number: first.number, state: 'open' },
    });
    const all = await listActions(ws.deps, ws.users.admin, {
      record: { group: 'request', id: request.id },
      limit: 10,
      skip: 0,
    });
    expect(all.total).toBe(1);
  });

  it('may be stamped again once the earlier action was cancelled; the cancelled one keeps its history', async () => {
    const request = await quote();
    const first = await stampByHand(ws.deps, ws.users.sales, { template: callBack.id, recordId: request.id });
    await cancelAction(ws.deps, ws.users.sales, { ref: first.id, reason: 'entered by mistake' });

    const again = await stampByHand(ws.deps, ws.users.sales, { template: callBack.id, recordId: request.id });

    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ state: 'open', identityKey: first.identityKey });
    expect(await ws.stores.actions.get(first.id)).toMatchObject({
      state: 'cancelled',
      identityKey: `${first.identityKey}#retired:${first.id}`,
    });
    await expect(
      stampByHand(ws.deps, ws.users.sales, { template: callBack.id, recordId: request.id }),
    ).rejects.toMatchObject({ code: 'action.already-stamped', details: { actionId: again.id } });
  });

  it('is refused to users outside the write roles', async () => {
    const request = await quote();
    await expect(
      stampByHand(ws.deps, ws.users.planner, { template: callBack.id, recordId: request.id }),
    ).rejects.toMatchObject({ category: 'forbidden', code: 'stamp.forbidden' });
  });

  it('takes dates and an owner from the stamper; a given start moves the linked end', async () => {
    const request = await quote();
    const action = await stampByHand(ws.deps, ws.users.sales, {
      template: callBack.id,
      recordId: request.id,
      ownerUserId: ws.users.sales.id,
      start: new Date('2026-10-06T12:00:00Z'),
      remarks: 'Asked to call after lunch',
    });
    expect(action).toMatchObject({
      ownerUserId: ws.users.sales.id,
      datesEditedByHand: true,
      remarks: 'Asked to call after lunch',
    });
    expect([action.start.toISOString(), action.end.toISOString()]).toEqual([
      '2026-10-06T12:00:00.000Z',
      '2026-10-06T12:00:00.000Z',
    ]);
  });

  it('names the field of an unknown template, record or owner', async () => {
    const request = await quote();
    await expect(
      stampByHand(ws.deps, ws.users.sales, { template: 'no-such-template', recordId: request.id }),
    ).rejects.toMatchObject({ category: 'not-found', field: 'template' });
    await expect(
      stampByHand(ws.deps, ws.users.sales, { template: callBack.id, recordId: 'req_missing' }),
    ).rejects.toMatchObject({ category: 'not-found', field: 'recordId' });
    await expect(
      stampByHand(ws.deps, ws.users.sales, {
        template: callBack.id,
        recordId: request.id,
        ownerUserId: 'u-x',
      }),
    ).rejects.toMatchObject({ category: 'not-found', field: 'ownerUserId' });
  });
});
