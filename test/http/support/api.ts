import type { AddressInfo } from 'node:net';
import { ConsoleInbox } from '../../../adapters/console/inbox.js';
import { createChatDelivery } from '../../../src/chat-delivery.js';
import type { Backpressure } from '../../../src/http/backpressure.js';
import { createLogger } from '../../../src/observability/logger.js';
import { buildApp, createServiceDeps, type ServiceDeps, workspaceDefaults } from '../../../src/service.js';
import { offlineExecutionPorts } from '../../../src/service-deps.js';
import type { ApiScope } from '../../../src/store/api-tokens.js';
import { ConsoleInboxStore } from '../../../src/store/console-inbox.js';
import type { UserRecord } from '../../../src/store/users.js';
import { newUserId } from '../../../src/workflow/admin/users.js';
import type { ExecutionPorts } from '../../../src/workflow/execution/execute-action.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { testDigestPorts } from '../../support/digests.js';
import { ContractChecker } from './contract.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely; their assertions check the shape.
type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** A raw body (e.g. YAML) sent as is with `contentType`. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * The real Express app with the real routes on the real database, listening on an ephemeral loopback
 * port; tests talk to it with fetch, exactly as a client would.
 */
export interface ApiHarness {
  readonly url: string;
  readonly database: TestDatabase;
  readonly deps: ServiceDeps;
  request<T = Json>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** A user stored directly (tests need someone to hold the first token). */
  user(overrides?: Partial<UserRecord>): Promise<UserRecord>;
  /** The published OpenAPI document as a checker, to ask what it accepts. */
  contract(): Promise<ContractChecker>;
  /** A token for a user with the given scopes. */
  token(user: UserRecord, scopes?: ApiScope[], options?: { expiresAt?: Date }): Promise<string>;
  close(): Promise<void>;
}

export async function startApi(
  name: string,
  options: { clock?: () => Date; execution?: ExecutionPorts; limits?: Backpressure; digests?: boolean } = {},
): Promise<ApiHarness> {
  const database = await openTestDatabase(name);
  const logger = createLogger({ level: 'silent' });
  const deps = await createServiceDeps(database.db, {
    logger,
    defaults: workspaceDefaults({ DEFAULT_TIME_ZONE: 'Europe/Amsterdam', DEFAULT_LOCALE: 'en' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.execution ? { execution: options.execution } : {}),
    // Digests need a chat delivery to reach channels: the console inbox, as on the embedded default.
    ...(!options.execution && options.digests
      ? {
          execution: (workflow) => ({
            ...offlineExecutionPorts(),
            digests: testDigestPorts(
              database.db,
              createChatDelivery(workflow, {
                platforms: [new ConsoleInbox(new ConsoleInboxStore(database.db))],
              }),
            ).ports,
          }),
        }
      : {}),
  });
  const readiness = { check: async () => ({ ready: true, checks: {} }) };
  const server = (
    options.limits ? buildApp(deps, readiness, undefined, [], { limits: options.limits }) : buildApp(deps)
  ).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let contract: ContractChecker | undefined;
  const published = async () => {
    contract ??= new ContractChecker(await (await fetch(`${url}/api/openapi.json`)).json());
    return contract;
  };

  return {
    url,
    database,
    deps,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.raw !== undefined) {
        body = options.raw;
        headers['content-type'] = options.contentType ?? 'application/json';
      } else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`${url}/api${path}`, { method, headers, ...(body ? { body } : {}) });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      const parsed = type.includes('json') && text ? JSON.parse(text) : text;
      const problems = (await published()).check({
        method,
        url: new URL(`${url}/api${path}`),
        requestBody: body,
        requestType: headers['content-type'],
        status: response.status,
        responseType: type,
        responseBody: parsed,
      });
      if (problems.length > 0) throw new Error(`The API left its OpenAPI document:\n${problems.join('\n')}`);
      return { status: response.status, headers: response.headers, text, body: parsed };
    },
    contract: published,
    async user(overrides = {}) {
      const now = new Date();
      const id = overrides.id ?? newUserId();
      const user: UserRecord = {
        id,
        name: `User ${id}`,
        email: `${id}@example.test`,
        roles: [],
        admin: false,
        automaticWorkflow: false,
        locale: 'en',
        active: true,
        chatIdentities: [],
        createdAt: now,
        updatedAt: now,
        ...overrides,
      };
      await deps.workflow.stores.users.insert(user);
      return user;
    },
    async token(user, scopes = ['admin'], options = {}) {
      const created = await deps.workflow.stores.apiTokens.create({
        name: `test token for ${user.id}`,
        userId: user.id,
        scopes,
        now: new Date(),
        ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
      });
      return created.token;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** The harness and a token of an administrator with every scope: the usual start of a test file. */
export async function startApiAsAdmin(name: string): Promise<{ api: ApiHarness; token: string }> {
  const api = await startApi(name);
  return { api, token: await api.token(await api.user({ admin: true })) };
}
