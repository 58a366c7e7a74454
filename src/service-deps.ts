import type { Db } from 'mongodb';
import type { Config } from './config/config.js';
import { noChatDelivery } from './delivery/port.js';
import type { WorkspaceSettings } from './domain/workspace.js';
import { IdempotencyStore } from './http/api/idempotency.js';
import type { Logger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { addressPolicy } from './outbound/address-policy.js';
import { createWebhookClient } from './outbound/webhook-client.js';
import { IdempotencyKeyStore } from './store/idempotency-keys.js';
import { createStores, ensureIndexes } from './store/stores.js';
import { type WorkflowDeps, WorkspaceProvider } from './workflow/deps.js';
import type { ExecutionPorts } from './workflow/execution/execute-action.js';
import { defaultExecutionSettings } from './workflow/execution/lease.js';

// Kept apart from service.ts so that the CLI can wire the use cases without loading the HTTP server,
// the scheduler and the database resolution.

/** The workspace until an administrator stores settings of its own. */
export function workspaceDefaults(
  config: Pick<Config, 'DEFAULT_TIME_ZONE' | 'DEFAULT_LOCALE'>,
): WorkspaceSettings {
  return {
    calendar: {
      timeZone: config.DEFAULT_TIME_ZONE,
      country: 'NL',
      closingDays: [],
      defaultTimeOfDay: '09:00',
    },
    locale: config.DEFAULT_LOCALE,
    escalation: { afterWorkingDays: 3 },
  };
}

/** Everything the use cases and the API need, on one database. */
export interface ServiceDeps {
  readonly workflow: WorkflowDeps;
  readonly idempotency: IdempotencyStore;
  /** The outside world of processes (SMTP, webhooks, chat) and the execution settings. */
  readonly execution: ExecutionPorts;
  /** Served at /metrics; components feed it (docs/operations.md). */
  readonly metrics: Metrics;
}

/** No SMTP and no chat: e-mail actions are rejected and chat messages fail, each saying why. */
export function offlineExecutionPorts(): ExecutionPorts {
  return {
    processes: {
      chat: noChatDelivery,
      secret: () => undefined,
      webhooks: createWebhookClient({
        policy: addressPolicy({ allowed: [], requireHttps: false }),
        timeoutMs: 10_000,
      }),
    },
    settings: defaultExecutionSettings,
  };
}

export async function createServiceDeps(
  db: Db,
  options: {
    logger: Logger;
    defaults: WorkspaceSettings;
    clock?: () => Date;
    /** The ports, or how to make them from the use cases' deps (the chat outbox needs those). */
    execution?: ExecutionPorts | ((workflow: WorkflowDeps) => ExecutionPorts);
    /** The configured webhook secrets' names, checked when templates are saved. */
    webhookSecretNames?: readonly string[];
    metrics?: Metrics;
  },
): Promise<ServiceDeps> {
  const stores = createStores(db);
  const idempotencyKeys = new IdempotencyKeyStore(db);
  const idempotency = new IdempotencyStore(idempotencyKeys);
  await Promise.all([ensureIndexes(stores), idempotencyKeys.ensureIndexes()]);
  const clock = options.clock ?? (() => new Date());
  const workflow: WorkflowDeps = {
    stores,
    clock,
    logger: options.logger,
    workspace: new WorkspaceProvider(stores, options.defaults, clock),
    ...(options.webhookSecretNames ? { webhookSecretNames: options.webhookSecretNames } : {}),
  };
  const execution =
    typeof options.execution === 'function'
      ? options.execution(workflow)
      : (options.execution ?? offlineExecutionPorts());
  return { workflow, idempotency, execution, metrics: options.metrics ?? new Metrics() };
}
