import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatIdentity } from '../../src/store/users.js';
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
});
