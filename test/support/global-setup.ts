import type { TestProject } from 'vitest/node';
import { resolveDatabase } from '../../src/store/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    databaseKind: string;
  }
}

/**
 * One database server for the whole run, chosen by the same resolution as `npm start`
 * (MONGODB_URI, else mongodb-memory-server, else the embedded wire server). Each test file then
 * opens its own database on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await resolveDatabase({
    uri: process.env.MONGODB_URI,
    fallback: (process.env.DATABASE_FALLBACK as 'auto' | 'memory-server' | 'embedded' | undefined) ?? 'auto',
  });
  process.stderr.write(`[tests] database: ${database.label}\n`);
  project.provide('mongoUri', database.uri);
  project.provide('databaseKind', database.kind);
  return () => database.stop();
}
