import { type Db, MongoClient } from 'mongodb';
import { pino } from 'pino';
import type { User } from '../../../src/domain/rights/user.js';
import { WorkspaceSettingsSchema } from '../../../src/store/settings.js';
import { createStores, ensureIndexes, type Stores } from '../../../src/store/stores.js';
import type { UserRecord } from '../../../src/store/users.js';
import { type WorkflowDeps, WorkspaceProvider } from '../../../src/workflow/deps.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

/** Thursday 1 October 2026, 10:00 in Amsterdam: a working day well before the courses the tests plan. */
export const START = '2026-10-01T10:00:00+02:00';

/** A clock the test moves by hand; use cases read it through `deps.clock`. */
export interface TestClock {
  readonly read: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = START): TestClock {
  let now = new Date(start);
  return {
    read: () => now,
    set: (iso) => {
      now = new Date(iso);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** The workspace every test runs in: Dutch calendar in Amsterdam, English action names. */
export const DEFAULT_SETTINGS = WorkspaceSettingsSchema.parse({ calendar: {}, locale: 'en' });

export function workflowDeps(stores: Stores, clock: TestClock): WorkflowDeps {
  return {
    stores,
    clock: clock.read,
    logger: pino({ level: 'silent' }),
    workspace: new WorkspaceProvider(stores, DEFAULT_SETTINGS),
  };
}

export interface TestUsers {
  readonly admin: User;
  /** Role 'planning'. */
  readonly planner: User;
  /** Role 'sales'. */
  readonly sales: User;
  /** Role 'planning' and the automatic-workflow right. */
  readonly automator: User;
}

/**
 * The users of a test workspace. `idPrefix` changes their ids but not their e-mails, so a second
 * workspace can play "another installation" that knows the same people under other ids.
 */
function usersFor(idPrefix: string): TestUsers {
  const user = (name: string, fields: Partial<User>): User => ({
    id: `${idPrefix}${name}`,
    name: name[0]!.toUpperCase() + name.slice(1),
    email: `${name}@institute.test`,
    roles: [],
    admin: false,
    automaticWorkflow: false,
    locale: 'en',
    active: true,
    ...fields,
  });
  return {
    admin: user('admin', { admin: true }),
    planner: user('planner', { roles: ['planning'] }),
    sales: user('sales', { roles: ['sales'] }),
    automator: user('automator', { roles: ['planning'], automaticWorkflow: true }),
  };
}

export interface TestWorkspace {
  readonly database: TestDatabase;
  readonly stores: Stores;
  readonly deps: WorkflowDeps;
  readonly clock: TestClock;
  readonly users: TestUsers;
  /** A second instance on the same database: its own MongoClient, stores and deps, sharing the clock. */
  secondInstance(): Promise<{ deps: WorkflowDeps; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** A fresh database with indexes and users, for one test file (open in beforeAll, close in afterAll). */
export async function openWorkspace(
  name: string,
  options: { userIdPrefix?: string; start?: string; uri?: string } = {},
): Promise<TestWorkspace> {
  const database = await openTestDatabase(name, options.uri ? { uri: options.uri } : {});
  const stores = createStores(database.db);
  await ensureIndexes(stores);
  const clock = testClock(options.start);
  const users = usersFor(options.userIdPrefix ?? 'u-');
  const now = clock.read();
  for (const user of Object.values(users)) {
    const record: UserRecord = { ...user, chatIdentities: [], createdAt: now, updatedAt: now };
    await stores.users.insert(record);
  }
  const clients: MongoClient[] = [];
  return {
    database,
    stores,
    deps: workflowDeps(stores, clock),
    clock,
    users,
    secondInstance: async () => {
      const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 5_000 });
      await client.connect();
      clients.push(client);
      const db: Db = client.db(database.db.databaseName);
      return { deps: workflowDeps(createStores(db), clock), close: () => client.close() };
    },
    close: async () => {
      await Promise.all(clients.map((client) => client.close()));
      await database.close();
    },
  };
}
