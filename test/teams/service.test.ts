import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startServiceProcess } from '../support/service-process.js';
import { cardIn, cardText } from './cards.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('Teams in the service (child process)', () => {
  it('serves /api/messages on the shared server when Teams is configured', async () => {
    const service = await startServiceProcess({
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: `teams_service_${process.pid}`,
      SEED_EXAMPLE: 'false',
      TEAMS_ANONYMOUS: 'true',
    });
    try {
      expect(service.logs).toContainEqual(
        expect.objectContaining({ msg: 'Microsoft Teams listens on /api/messages' }),
      );
      const response = await fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'activity-1',
          channelId: 'msteams',
          text: 'help',
          deliveryMode: 'expectReplies',
          from: { id: '29:someone', name: 'Someone', aadObjectId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' },
          recipient: { id: '28:stempel', name: 'Stempel' },
          conversation: { id: 'a:personal', conversationType: 'personal' },
          locale: 'en-US',
        }),
      });
      expect(response.status).toBe(200);
      const { activities } = (await response.json()) as { activities: Array<Record<string, unknown>> };
      // Not linked: the explanation, and nothing else.
      expect(cardText(cardIn(activities[0]!))).toContain('I do not know you yet');
      // The REST API still owns the rest of /api.
      expect((await fetch(`${service.url}/api/openapi.json`)).status).toBe(200);
    } finally {
      service.child.kill('SIGTERM');
      await service.exit();
    }
  });

  it('refuses to start in production with Teams switched on but not authenticated', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        MONGODB_URI: inject('mongoUri'),
        CONSOLE_SESSION_SECRET: 'a-long-random-console-session-secret-0123456789',
        TEAMS_ANONYMOUS: 'true',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('TEAMS_ANONYMOUS');
    expect(result.stderr).toContain('TEAMS_APP_ID');
  });
});
