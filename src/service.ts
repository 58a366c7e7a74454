import express from 'express';
import { MongoClient } from 'mongodb';
import type { Config } from './config/config.js';
import { healthRoutes } from './http/health.js';
import { type HttpServer, listen } from './http/server.js';
import type { Logger } from './observability/logger.js';
import { Scheduler } from './scheduler/scheduler.js';
import { type ResolvedDatabase, resolveDatabase } from './store/database.js';

export interface RunningService {
  readonly url: string;
  readonly database: ResolvedDatabase;
  stop(reason: string): Promise<void>;
}

/**
 * The composition root: resolves the database, wires the scheduler and HTTP server, and owns the order
 * of start-up and shutdown.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const database = await resolveDatabase({
    uri: config.MONGODB_URI,
    fallback: config.DATABASE_FALLBACK,
    dataDir: config.DATA_DIR,
    logger,
  });
  const log = database.kind === 'embedded' ? logger.warn.bind(logger) : logger.info.bind(logger);
  log({ database: database.kind }, `database: ${database.label}`);

  const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(config.MONGODB_DB);

  const scheduler = new Scheduler({ db, logger, processEveryMs: config.SCHEDULER_PROCESS_EVERY_MS });
  let shuttingDown = false;

  const app = express();
  app.disable('x-powered-by');
  app.use(
    healthRoutes({
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
    }),
  );

  const http: HttpServer = await listen(app, config.HOST, config.PORT);
  if (config.SCHEDULER_ENABLED) await scheduler.start();
  logger.info({ url: http.url }, 'stempel is ready');

  let stopping: Promise<void> | undefined;
  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason, step: 'readiness-off' }, 'shutdown: readiness off');
      shuttingDown = true;
      await http.close(config.SHUTDOWN_GRACE_MS);
      logger.info({ step: 'http-closed' }, 'shutdown: stopped accepting requests');
      await scheduler.drain(config.SHUTDOWN_GRACE_MS);
      logger.info({ step: 'scheduler-drained' }, 'shutdown: scheduler drained');
      await client.close();
      await database.stop();
      logger.info({ step: 'database-closed' }, 'shutdown: database closed');
    })();
    return stopping;
  };

  return { url: http.url, database, stop };
}
