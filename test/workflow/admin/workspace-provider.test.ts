import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.js';
import type { ServiceDeps } from '../../../src/service.js';
import { createServiceDeps } from '../../../src/service-deps.js';
import { updateSettings } from '../../../src/workflow/admin/settings.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { DEFAULT_SETTINGS, testClock } from '../support/workspace.js';

describe('WorkspaceProvider', () => {
  let database: TestDatabase;
  let first: ServiceDeps;
  let second: ServiceDeps;
  const clock = testClock();

  beforeAll(async () => {
    database = await openTestDatabase('workspace-provider');
    const options = {
      logger: createLogger({ level: 'silent' }),
      defaults: DEFAULT_SETTINGS,
      clock: clock.read,
    };
    first = await createServiceDeps(database.db, options);
    second = await createServiceDeps(database.db, options);
  });
  afterAll(() => database.close());

  it('expires its cache by the injected clock, not the machine clock', async () => {
    expect((await second.workflow.workspace.get()).locale).toBe('en');
    // Another instance changes the settings; this one keeps its cached copy until its clock moves on.
    const admin = {
      id: 'admin',
      name: 'Admin',
      roles: [],
      admin: true,
      automaticWorkflow: true,
      locale: 'en' as const,
      active: true,
    };
    await updateSettings(first.workflow, admin, { patch: { locale: 'nl' } });
    expect((await second.workflow.workspace.get()).locale).toBe('en');
    clock.advance(6_000);
    expect((await second.workflow.workspace.get()).locale).toBe('nl');
  });
});
