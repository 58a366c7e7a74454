import { MongoClient } from 'mongodb';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { DomainError } from '../domain/errors.js';
import { createLogger } from '../observability/logger.js';
import { createServiceDeps, workspaceDefaults } from '../service-deps.js';
import { readRuntimeFile, runtimeFilePath } from '../store/runtime-file.js';
import { type CliOutput, runCommand, usage } from './commands.js';

const io: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 done, 1 refused or failed, 2 wrong usage, 78 configuration (as the service). */
async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    io.err(usage);
    return argv.length === 0 ? 2 : 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`stempel-cli: invalid configuration: ${error.keys.join('; ')}`);
    return 78;
  }
  const database = await databaseOf(config);
  if (!database) {
    io.err(
      `stempel-cli: no database. Set MONGODB_URI, or start the service first (npm start): on its own ` +
        `in-process database it writes where that listens to ${runtimeFilePath(config.DATA_DIR)}, ` +
        'which the CLI reads (same DATA_DIR).',
    );
    return 78;
  }
  const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    const logger = createLogger({ level: 'warn', name: 'stempel-cli' }, process.stderr);
    const deps = await createServiceDeps(client.db(database.db), {
      logger,
      defaults: workspaceDefaults(config),
    });
    await runCommand(deps.workflow, argv, io);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`stempel-cli: ${error.message} (${error.code})`);
      const valid = error.details?.valid;
      if (Array.isArray(valid)) io.err(`valid: ${valid.join(', ')}`);
      if (error.code === 'cli.invalid') io.err(usage);
      return error.category === 'invalid-input' ? 2 : 1;
    }
    // parseArgs rejects unknown options and missing values with a TypeError that says which.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`stempel-cli: ${error.message}\n${usage}`);
      return 2;
    }
    throw error;
  } finally {
    await client.close();
  }
}

/** MONGODB_URI when set; otherwise the in-process database of the service running on this DATA_DIR. */
async function databaseOf(config: Config): Promise<{ uri: string; db: string } | undefined> {
  if (config.MONGODB_URI) return { uri: config.MONGODB_URI, db: config.MONGODB_DB };
  const running = await readRuntimeFile(config.DATA_DIR);
  if (!running) return undefined;
  io.err(`stempel-cli: using the ${running.kind} database of the service running as process ${running.pid}`);
  return { uri: running.uri, db: running.db };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(`stempel-cli: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
