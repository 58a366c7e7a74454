import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterAddress } from '../../adapters/teams/identity.js';
import { cardIn, cardText } from './cards.js';
import { FAKE_TENANT } from './fake-connector.js';
import { messageActivity, startTeams, type TeamsHarness, teamsPerson } from './support.js';

const APP_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
/** The client app the tests' tokens come from, named as a trusted caller (production names none). */
const CALLER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
let teams: TeamsHarness;
const planner = teamsPerson('planner');

beforeAll(async () => {
  // A SingleTenant bot whose Entra ID (signing keys included) is the fake at the network edge.
  teams = await startTeams('teams-auth', (connector) => ({
    mode: 'authenticated',
    appId: APP_ID,
    tenantId: FAKE_TENANT,
    credential: { kind: 'secret', password: 'not-used-by-these-tests' },
    authority: connector.url,
    tenantCallers: [CALLER],
  }));
  await teams.link(teams.ws.users.planner.id, planner);
});
afterAll(() => teams.close());

/** A turn that needs no outbound call: its answer comes back in the HTTP response. */
const turn = () =>
  messageActivity(teams, planner, 'help', { deliveryMode: 'expectReplies', serviceUrl: null });

describe('/api/messages with an app id configured', () => {
  it('accepts a request signed by Entra ID for this bot', async () => {
    const response = await teams.post(turn(), teams.connector.token({ aud: APP_ID, azp: CALLER }));
    expect(response.status).toBe(200);
    const [reply] = response.body.activities as Array<Record<string, unknown>>;
    expect(cardText(cardIn(reply!))).toContain('Stempel commands');
  });

  it("refuses a valid token of the bot's tenant that another app asked for (any app there can)", async () => {
    const forged = teams.connector.token({ aud: APP_ID, azp: '00000000-0000-4000-8000-00000000beef' });
    expect((await teams.post(turn(), forged)).status).toBe(401);
    expect((await teams.post(turn(), teams.connector.token({ aud: APP_ID }))).status).toBe(401);
  });

  it('refuses an activity from another tenant, whatever its token', async () => {
    const foreign = {
      ...turn(),
      conversation: {
        id: 'a:foreign',
        conversationType: 'personal',
        tenantId: '11111111-2222-4333-8444-555555555555',
      },
      channelData: { tenant: { id: '11111111-2222-4333-8444-555555555555' } },
    };
    const response = await teams.post(foreign, teams.connector.token({ aud: APP_ID, azp: CALLER }));
    expect(response.status).toBe(403);
    expect(await teams.conversations.get('a:foreign')).toBeUndefined();
  });

  it('refuses a request without a token', async () => {
    expect((await teams.post(turn())).status).toBe(401);
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect((await teams.post(turn(), teams.connector.token({ aud: APP_ID }, privateKey))).status).toBe(401);
  });

  it('refuses a token for another app, an expired one, and one from another issuer', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      teams.connector.token({ aud: '00000000-0000-4000-8000-000000000000', azp: CALLER }),
      teams.connector.token({ aud: APP_ID, azp: CALLER, exp: now - 3600, nbf: now - 7200, iat: now - 7200 }),
      teams.connector.token({ aud: APP_ID, azp: CALLER, iss: 'https://issuer.example.org/' }),
    ];
    for (const token of tokens) expect((await teams.post(turn(), token)).status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await fetch(teams.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify(turn()),
    });
    expect(response.status).toBe(401);
  });
});

describe('linking by the roster of a bot that serves one tenant', () => {
  const home = FAKE_TENANT.toLowerCase();
  it('takes the UPN of a member of its own tenant, before the mail attribute', () => {
    const member = {
      userPrincipalName: 'ans@debrug.example',
      email: 'director@debrug.example',
      tenantId: FAKE_TENANT,
    };
    expect(rosterAddress(member, home)).toBe('ans@debrug.example');
  });

  it('takes nobody from another tenant, and no guest', () => {
    expect(
      rosterAddress(
        { email: 'director@debrug.example', tenantId: '11111111-2222-4333-8444-555555555555' },
        home,
      ),
    ).toBeUndefined();
    expect(
      rosterAddress(
        { userPrincipalName: 'x@debrug.example', tenantId: FAKE_TENANT, userRole: 'guest' },
        home,
      ),
    ).toBeUndefined();
    expect(rosterAddress({ userPrincipalName: 'x@debrug.example' }, home)).toBeUndefined();
  });
});
