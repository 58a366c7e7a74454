import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../src/workflow/digests/run.js';
import { seedConsoleRecords } from '../console/fixtures.js';
import { ConsoleClient, type ConsoleHarness, startConsole } from '../console/support.js';
import { CHANNEL, messageActivity, startTeams, type TeamsHarness, teamsPerson } from '../teams/support.js';

describe('a console channel digest', () => {
  let consoleApp: ConsoleHarness;
  beforeAll(async () => {
    consoleApp = await startConsole('digest_console');
    await seedConsoleRecords(consoleApp.ws);
  });
  afterAll(() => consoleApp.close());

  it('is switched on from the console for a named channel, and everyone reads it there', async () => {
    const client = new ConsoleClient(consoleApp.url);
    await client.actAs('u-planner');
    const missing = await client.fetchPost('/command', { text: '/actie digest aan dagelijks 9:00' });
    expect(missing.text).toContain('Name the channel: channel:planning.');
    const on = await client.fetchPost('/command', { text: '/actie digest on daily 9:00 channel:planning' });
    expect(on.text).toContain('Digest on');
    expect(on.text).toContain('view-digest');
    const subscription = (await consoleApp.ws.stores.digests.byAddress('console:channel:planning'))!;
    expect(
      await runDigest(
        consoleApp.ws.deps,
        consoleApp.execution.digests!,
        subscription.id,
        new Date('2026-10-02T07:00:00Z'),
      ),
    ).toMatchObject({ outcome: 'sent' });
    await consoleApp.delivery.worker.runOnce();
    const other = new ConsoleClient(consoleApp.url);
    await other.actAs('u-sales');
    const page = await other.get('');
    expect(page.text).toContain('Actions digest · #planning');
  });
});

describe('a Teams channel digest', () => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await startTeams('digest-teams');
    await seedConsoleRecords(teams.ws);
  });
  afterAll(() => teams.close());

  it('is switched on in the channel and posted there proactively', async () => {
    const person = teamsPerson('planner');
    await teams.link(teams.ws.users.planner.id, person);
    const on = await teams.post(
      messageActivity(teams, person, 'digest on weekdays 08:30', { conversation: CHANNEL }),
    );
    expect(on.status).toBeLessThan(300);
    const subscription = await teams.ws.stores.digests.byAddress(`teams:${CHANNEL.id}`);
    expect(subscription?.schedule.cron).toBe('30 8 * * 1-5');
    expect(
      await runDigest(
        teams.ws.deps,
        teams.execution.digests!,
        subscription!.id,
        new Date('2026-10-02T06:30:00Z'),
      ),
    ).toMatchObject({ outcome: 'sent' });
    await teams.delivery.worker.runOnce();
    const posted = teams.connector.calls.filter(
      (call) => call.method === 'POST' && call.conversationId === CHANNEL.id,
    );
    expect(JSON.stringify(posted.at(-1))).toContain('Actions digest');
  });
});
