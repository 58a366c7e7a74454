import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIn, cardText } from './cards.js';
import { FAKE_TENANT } from './fake-connector.js';
import { messageActivity, startTeams, type TeamsHarness, teamsPerson } from './support.js';

const APP_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
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
  }));
  await teams.link(teams.ws.users.planner.id, planner);
});
afterAll(() => teams.close());

/** A turn that needs no outbound call: its answer comes back in the HTTP response. */
const turn = () =>
  messageActivity(teams, planner, 'help', { deliveryMode: 'expectReplies', serviceUrl: null });

describe('/api/messages with an app id configured', () => {
  it('accepts a request signed by Entra ID for this bot', async () => {
    const response = await teams.post(turn(), teams.connector.token({ aud: APP_ID }));
    expect(response.status).toBe(200);
    const [reply] = response.body.activities as Array<Record<string, unknown>>;
    expect(cardText(cardIn(reply!))).toContain('Stempel commands');
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
      teams.connector.token({ aud: '00000000-0000-4000-8000-000000000000' }),
      teams.connector.token({ aud: APP_ID, exp: now - 3600, nbf: now - 7200, iat: now - 7200 }),
      teams.connector.token({ aud: APP_ID, iss: 'https://issuer.example.org/' }),
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
