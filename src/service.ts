import { randomBytes } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import { type Db, MongoClient } from 'mongodb';
import { ConsoleInbox } from '../adapters/console/inbox.js';
import { consoleRouter } from '../adapters/console/routes.js';
import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/index.js';
import { TeamsSurface, teamsSettingsOf } from '../adapters/teams/index.js';
import { type ChatDeliveryStack, createChatDelivery, digestPortsOf } from './chat-delivery.js';
import { type Config, consoleRequiresLogin, isWeakSecret, slackModeOf } from './config/config.js';
import { createApiRouter } from './http/api/api-router.js';
import { Backpressure } from './http/backpressure.js';
import { healthRoutes, type ReadinessProbe } from './http/health.js';
import { metricsRoute, requestObservability } from './http/observability.js';
import { type HttpServer, listen } from './http/server.js';
import type { Logger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import {
  deliveryMetrics,
  executionMetrics,
  observeDatabasePool,
  observeScheduler,
  recordSweepPass,
} from './observability/service-metrics.js';
import { DigestJobs } from './scheduler/digest-jobs.js';
import { scheduleDueSweep } from './scheduler/due-sweep-job.js';
import { scheduleEscalations } from './scheduler/escalation-job.js';
import { scheduleLiveCopies } from './scheduler/live-copies-job.js';
import { Scheduler } from './scheduler/scheduler.js';
import { scheduleTimeConditions } from './scheduler/time-conditions-job.js';
import { seedExampleWorkspace, shouldSeed } from './seed/index.js';
import { createServiceDeps, type ServiceDeps, workspaceDefaults } from './service-deps.js';
import { executionPortsFromConfig } from './service-ports.js';
import { ConsoleInboxStore } from './store/console-inbox.js';
import { type ResolvedDatabase, resolveDatabase } from './store/database.js';
import { InboundRequestStore } from './store/inbound-requests.js';
import { removeRuntimeFile, writeRuntimeFile } from './store/runtime-file.js';
import { SlackInstallationStore } from './store/slack-installations.js';
import { TeamsConversationStore } from './store/teams-conversations.js';
import { ensureBootstrapAdmins, ensureBootstrapToken } from './workflow/admin/bootstrap.js';
import type { WorkflowDeps } from './workflow/deps.js';
import { runDigest } from './workflow/digests/run.js';

export { createServiceDeps, type ServiceDeps, workspaceDefaults } from './service-deps.js';

export interface RunningService {
  readonly url: string;
  readonly database: ResolvedDatabase;
  stop(reason: string): Promise<void>;
}

/** The OpenAPI document's version: the contract's, which changes less often than the package's. */
export const API_VERSION = '1.0.0';

export interface ConsoleOptions {
  inbox: ConsoleInbox;
  requireLogin: boolean;
  sessionSecret: string;
}

/**
 * The HTTP application: request ids and the access log, health probes, /metrics, the REST API under /api
 * and the web console. Tests run it in-process.
 */
export function buildApp(
  deps: ServiceDeps,
  readiness?: ReadinessProbe,
  consoleOptions?: ConsoleOptions,
  /** Chat platforms' request URLs; they read their own raw bodies (signatures), so they come first. */
  platformRoutes: readonly Router[] = [],
  options: { metricsToken?: string | undefined; limits?: Backpressure | undefined } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  const { limits } = options;
  app.use(requestObservability({ logger: deps.workflow.logger, metrics: deps.metrics }));
  // Probes and metrics come first: they never wait behind the time limit or the cap on heavy requests.
  if (readiness) app.use(healthRoutes(readiness));
  app.use(metricsRoute(deps.metrics, options.metricsToken));
  for (const routes of platformRoutes) app.use(routes);
  if (limits) app.use(limits.timeLimit);
  app.use(
    '/api',
    createApiRouter({
      deps: deps.workflow,
      execution: deps.execution,
      idempotency: deps.idempotency,
      logger: deps.workflow.logger,
      version: API_VERSION,
      heavy: limits?.heavy,
    }),
  );
  if (consoleOptions) {
    if (limits) app.use(['/console/board', '/console/dossiers'], limits.heavy);
    app.use(
      '/console',
      consoleRouter({
        deps: deps.workflow,
        execution: deps.execution,
        logger: deps.workflow.logger,
        ...consoleOptions,
      }),
    );
    app.get('/', (_req, res) => res.redirect(302, '/console'));
  }
  return app;
}

/** The Slack adapter when Slack is configured (docs/slack.md); nothing of Slack exists otherwise. */
function slackAdapterFromConfig(config: Config, db: Db, logger: Logger): SlackAdapter | undefined {
  const mode = slackModeOf(config);
  if (mode === 'off') return undefined;
  return createSlackAdapter({
    mode,
    signingSecret: config.SLACK_SIGNING_SECRET,
    botToken: config.SLACK_BOT_TOKEN,
    appToken: config.SLACK_APP_TOKEN,
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    allowedTeams: config.SLACK_ALLOWED_TEAMS,
    apiUrl: config.SLACK_API_URL,
    timeoutMs: config.SLACK_TIMEOUT_MS,
    installations: new SlackInstallationStore(db),
    logger,
  });
}

/**
 * Configured administrators and the bootstrap token, made sure of at every start. Both steps are
 * idempotent and safe when several instances start at once.
 */
export async function bootstrapAccess(
  deps: WorkflowDeps,
  config: Pick<Config, 'BOOTSTRAP_ADMINS' | 'BOOTSTRAP_API_TOKEN'>,
): Promise<void> {
  const admins = await ensureBootstrapAdmins(deps, config.BOOTSTRAP_ADMINS);
  if (admins.length > 0) deps.logger.info({ admins: admins.length }, 'bootstrap administrators ensured');
  const [first] = admins;
  if (!config.BOOTSTRAP_API_TOKEN || !first) return;
  if (isWeakSecret(config.BOOTSTRAP_API_TOKEN)) {
    // Production refuses to start with such a token (config.ts); elsewhere it is allowed, loudly.
    deps.logger.warn('BOOTSTRAP_API_TOKEN is weak; production would refuse it');
  }
  await ensureBootstrapToken(deps, first, config.BOOTSTRAP_API_TOKEN);
  deps.logger.info({ user: first.email }, 'bootstrap API token ensured');
}

/** Microsoft Teams when the configuration switches it on (docs/teams.md): its surface and its store. */
async function openTeams(config: Config, db: Db, logger: Logger): Promise<TeamsSurface | undefined> {
  const settings = teamsSettingsOf(config);
  if (!settings) return undefined;
  const conversations = new TeamsConversationStore(db);
  await conversations.ensureIndexes();
  if (settings.mode === 'anonymous') logger.warn('Teams runs without authentication (TEAMS_ANONYMOUS=true)');
  logger.info({ mode: settings.mode }, 'Microsoft Teams listens on /api/messages');
  return new TeamsSurface(settings, conversations, logger);
}

/**
 * The composition root: resolves the database, wires the use cases, scheduler and HTTP server, and owns
 * the order of start-up and shutdown.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const database = await resolveDatabase({
    uri: config.MONGODB_URI,
    fallback: config.DATABASE_FALLBACK,
    dataDir: config.DATA_DIR,
    logger,
  });
  const log = database.kind === 'embedded' ? logger.warn.bind(logger) : logger.info.bind(logger);
  log(
    { database: database.kind, reason: database.reason },
    `database: ${database.label} (${database.reason})`,
  );

  const metrics = new Metrics();
  metrics.collectProcessMetrics();
  const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 10_000 });
  observeDatabasePool(client, metrics);
  await client.connect();
  const db = client.db(config.MONGODB_DB);
  // The console inbox is always one of the chat platforms: the fallback that reaches every user.
  const inbox = new ConsoleInbox(new ConsoleInboxStore(db));
  await inbox.ensureIndexes();
  const slack = slackAdapterFromConfig(config, db, logger);
  const teams = await openTeams(config, db, logger);
  const scheduler = new Scheduler({ db, logger, processEveryMs: config.SCHEDULER_PROCESS_EVERY_MS });
  const digestJobs = new DigestJobs(scheduler, logger);
  let delivery: ChatDeliveryStack | undefined;
  const deps = await createServiceDeps(db, {
    logger,
    defaults: workspaceDefaults(config),
    execution: (workflow) => {
      delivery = createChatDelivery(workflow, {
        platforms: [inbox, ...(slack ? [slack.platform] : []), ...(teams ? [teams.platform] : [])],
        events: deliveryMetrics(metrics),
      });
      return {
        ...executionPortsFromConfig(config, delivery.outbox),
        observer: executionMetrics(metrics),
        digests: digestPortsOf(delivery, digestJobs),
      };
    },
    webhookSecretNames: Object.keys(config.WEBHOOK_SECRETS),
    metrics,
  });
  const chat = delivery!;
  metrics.onScrape(async () =>
    metrics.deliveryQueueDepth.set(await deps.workflow.stores.deliveries.queueDepth()),
  );
  const inbound = new InboundRequestStore(db);
  await inbound.ensureIndexes();
  const slackRuntime = slack?.attach({
    deps: deps.workflow,
    execution: deps.execution,
    delivery: chat,
    inbound,
  });
  await bootstrapAccess(deps.workflow, config);
  // The seed logs its own outcome and never throws: a failed example must not stop the service.
  if (shouldSeed(config)) await seedExampleWorkspace(deps.workflow, { logger });

  observeScheduler(scheduler.agenda, metrics);
  await scheduleDueSweep(scheduler, deps.workflow, deps.execution, {
    intervalMs: config.SWEEP_INTERVAL_MS,
    slots: config.SWEEP_SLOTS,
    sweep: {
      batchSize: config.SWEEP_BATCH_SIZE,
      concurrency: config.SWEEP_CONCURRENCY,
      budgetMs: config.SWEEP_BUDGET_MS,
      pendingEventGraceMs: config.SWEEP_REPAIR_GRACE_MS,
    },
    onPass: (stats, seconds) => recordSweepPass(metrics, stats, seconds),
  });
  await scheduleLiveCopies(scheduler, chat.live, logger);
  await scheduleEscalations(scheduler, deps.workflow, chat.outbox);
  await scheduleTimeConditions(scheduler, deps.workflow);
  digestJobs.define(
    (subscriptionId, occurrence) =>
      runDigest(deps.workflow, deps.execution.digests!, subscriptionId, occurrence),
    deps.workflow.clock,
  );
  await digestJobs.ensure(deps.workflow.stores.digests.each());
  let shuttingDown = false;

  const app = buildApp(
    deps,
    {
      check: async () => {
        const databaseUp = await db
          .command({ ping: 1 })
          .then(() => true)
          .catch(() => false);
        const checks = {
          database: databaseUp,
          scheduler: scheduler.started || !config.SCHEDULER_ENABLED,
          accepting: !shuttingDown,
        };
        return { ready: Object.values(checks).every(Boolean), checks };
      },
    },
    {
      inbox,
      requireLogin: consoleRequiresLogin(config),
      sessionSecret: config.CONSOLE_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    },
    [
      ...(slackRuntime?.router ? [slackRuntime.router] : []),
      ...(teams ? [teams.router({ deps: deps.workflow, execution: deps.execution, live: chat.live })] : []),
    ],
    {
      metricsToken: config.METRICS_TOKEN,
      limits: new Backpressure({
        maxHeavy: config.HTTP_MAX_HEAVY_REQUESTS,
        timeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
        logger,
      }),
    },
  );

  const http: HttpServer = await listen(app, config.HOST, config.PORT);
  await slackRuntime?.start();
  if (slack) logger.info({ mode: slackModeOf(config) }, 'slack is on');
  chat.worker.start();
  if (config.SCHEDULER_ENABLED) await scheduler.start();
  // An in-process database listens on a port of its own choosing; the CLI finds it through this file.
  const inProcessDatabase = database.kind !== 'external';
  if (inProcessDatabase) {
    await writeRuntimeFile(config.DATA_DIR, {
      pid: process.pid,
      kind: database.kind,
      uri: database.uri,
      db: config.MONGODB_DB,
      startedAt: new Date().toISOString(),
    });
  }
  logger.info({ url: http.url }, 'stempel is ready');

  let stopping: Promise<void> | undefined;
  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      // `at` (ms since the process started) orders the steps where two share a millisecond of `time`.
      logger.info({ reason, step: 'readiness-off', at: performance.now() }, 'shutdown: readiness off');
      shuttingDown = true;
      await http.close(config.SHUTDOWN_GRACE_MS);
      await slackRuntime?.stop();
      logger.info({ step: 'http-closed', at: performance.now() }, 'shutdown: stopped accepting requests');
      await scheduler.drain(config.SHUTDOWN_GRACE_MS);
      logger.info({ step: 'scheduler-drained', at: performance.now() }, 'shutdown: scheduler drained');
      await chat.worker.stop();
      logger.info({ step: 'delivery-stopped', at: performance.now() }, 'shutdown: chat delivery stopped');
      if (inProcessDatabase) await removeRuntimeFile(config.DATA_DIR, process.pid);
      await client.close();
      await database.stop();
      logger.info({ step: 'database-closed', at: performance.now() }, 'shutdown: database closed');
    })();
    return stopping;
  };

  return { url: http.url, database, stop };
}
