import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatIdentity } from '../../src/store/users.js';
import { updateUser } from '../../src/workflow/admin/users.js';
import { linkChatIdentity, resolveChatUser, unlinkChatIdentity } from '../../src/workflow/identities.js';
import { openWorkspace, type TestWorkspace } from './support/workspace.js';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openWorkspace('workflow_identities');
});
afterAll(() => ws.close());

const linksOf = async (userId: string) =>
  (await ws.stores.audit.list({ entityType: 'user', entityId: userId, limit: 100 })).filter(
    (entry) => entry.kind === 'user.identity-linked',
  );

describe('chat identities', () => {
  it('links an identity once when its first requests arrive at once, on two instances', async () => {
    const planner = ws.users.planner;
    const second = await ws.secondInstance();
    const identity: ChatIdentity = { platform: 'slack', teamId: 'T0IDS', userId: 'U0FIRST' };
    const found = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        resolveChatUser(index % 2 ? second.deps : ws.deps, identity, async () => planner.email),
      ),
    );
    await second.close();
    expect(found.map((user) => user?.id)).toEqual(Array(10).fill(planner.id));
    const stored = (await ws.stores.users.get(planner.id))!;
    expect(stored.chatIdentities.filter((known) => known.platform === 'slack')).toEqual([identity]);
    expect(await linksOf(planner.id)).toHaveLength(1);
  });

  it('an administrator linking twice links once; unlinking leaves the other identities', async () => {
    const sales = ws.users.sales;
    const slack: ChatIdentity = { platform: 'slack', teamId: 'T0IDS', userId: 'U0SALES' };
    const teams: ChatIdentity = { platform: 'teams', aadObjectId: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    await Promise.all([
      linkChatIdentity(ws.deps, ws.users.admin, { userId: sales.id, identity: slack }),
      linkChatIdentity(ws.deps, ws.users.admin, { userId: sales.id, identity: slack }),
      linkChatIdentity(ws.deps, ws.users.admin, { userId: sales.id, identity: teams }),
    ]);
    expect((await ws.stores.users.get(sales.id))!.chatIdentities).toHaveLength(2);
    expect(await linksOf(sales.id)).toHaveLength(2);

    const after = await unlinkChatIdentity(ws.deps, ws.users.admin, { userId: sales.id, identity: slack });
    expect(after.chatIdentities).toEqual([teams]);
    await expect(
      unlinkChatIdentity(ws.deps, ws.users.admin, { userId: sales.id, identity: slack }),
    ).rejects.toMatchObject({ code: 'identity.not-found' });
  });

  it('keeps a link made while the user was being edited, and the edit itself', async () => {
    const automator = ws.users.automator;
    const read = (await ws.stores.users.get(automator.id))!;
    const identity: ChatIdentity = { platform: 'slack', teamId: 'T0IDS', userId: 'U0EDITED' };
    // The edit read the user before the link was written, and writes after it.
    await ws.stores.users.addChatIdentity(automator.id, identity, new Date());
    await ws.stores.users.replace({ ...read, name: 'Automator renamed', timeZone: undefined });
    const stored = (await ws.stores.users.get(automator.id))!;
    expect(stored).toMatchObject({ name: 'Automator renamed', chatIdentities: [identity] });

    // An edit through the use case clears an optional field when asked to.
    await updateUser(ws.deps, ws.users.admin, { id: automator.id, patch: { timeZone: 'Europe/London' } });
    expect((await ws.stores.users.get(automator.id))!.timeZone).toBe('Europe/London');
    await updateUser(ws.deps, ws.users.admin, { id: automator.id, patch: { timeZone: null } });
    const cleared = (await ws.stores.users.get(automator.id))!;
    expect(cleared.timeZone).toBeUndefined();
    expect(cleared.chatIdentities).toEqual([identity]);
  });

  it('links one identity to one user when two administrators link it to two users at once', async () => {
    const second = await ws.secondInstance();
    try {
      for (let round = 0; round < 10; round += 1) {
        const identity: ChatIdentity = { platform: 'slack', teamId: 'T0RACE', userId: `U0RACE${round}` };
        const outcomes = await Promise.allSettled([
          linkChatIdentity(ws.deps, ws.users.admin, { userId: ws.users.planner.id, identity }),
          linkChatIdentity(second.deps, ws.users.admin, { userId: ws.users.sales.id, identity }),
        ]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((outcome) => outcome.status === 'rejected');
        expect(refused?.reason).toMatchObject({ code: 'identity.linked-elsewhere', field: 'identity' });
        const holders = await Promise.all(
          [ws.users.planner.id, ws.users.sales.id].map(async (id) =>
            (await ws.stores.users.get(id))!.chatIdentities.some(
              (known) => known.platform === 'slack' && known.userId === identity.userId,
            ),
          ),
        );
        expect(holders.filter(Boolean)).toHaveLength(1);
      }
    } finally {
      await second.close();
    }
  });

  it('takes over a claim its user does not hold (a link cut off halfway), but not one being linked', async () => {
    const claims = ws.database.db.collection('chatIdentityClaims');
    const fresh: ChatIdentity = { platform: 'teams', aadObjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
    // Claimed this moment for sales, whose link has not written its second half yet.
    await claims.insertOne({
      _id: `teams:${fresh.aadObjectId}` as never,
      userId: ws.users.sales.id,
      at: ws.clock.read(),
    });
    await expect(
      linkChatIdentity(ws.deps, ws.users.admin, { userId: ws.users.planner.id, identity: fresh }),
    ).rejects.toMatchObject({ code: 'identity.linked-elsewhere' });

    const identity: ChatIdentity = { platform: 'teams', aadObjectId: '6ba7b810-9dad-41d1-80b4-00c04fd430c8' };
    await claims.insertOne({
      _id: `teams:${identity.aadObjectId}` as never,
      userId: ws.users.sales.id,
      at: new Date(ws.clock.read().getTime() - 3_600_000),
    });
    const linked = await linkChatIdentity(ws.deps, ws.users.admin, { userId: ws.users.planner.id, identity });
    expect(linked.chatIdentities).toContainEqual(identity);
    expect(await ws.stores.users.findByChatIdentity(identity)).toMatchObject({ id: ws.users.planner.id });
  });

  it('gives identities linked before claims existed their claim when it starts', async () => {
    const identity: ChatIdentity = { platform: 'slack', teamId: 'T0OLD', userId: 'U0OLD' };
    await ws.database.db
      .collection('users')
      .updateOne({ _id: ws.users.automator.id as never }, { $push: { chatIdentities: identity } as never });
    await ws.stores.users.ensureIndexes();
    await expect(
      linkChatIdentity(ws.deps, ws.users.admin, { userId: ws.users.sales.id, identity }),
    ).rejects.toMatchObject({ code: 'identity.linked-elsewhere' });
    expect(
      await ws.database.db.collection('chatIdentityClaims').findOne({ _id: 'slack:T0OLD:U0OLD' as never }),
    ).toMatchObject({ userId: ws.users.automator.id });
  });
});
