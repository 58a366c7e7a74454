import { randomBytes } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import { inject } from 'vitest';

export interface TestDatabase {
  client: MongoClient;
  db: Db;
  uri: string;
  /** 'external' (MONGODB_URI), 'memory-server' or 'embedded'. */
  kind: string;
  close(): Promise<void>;
}

/**
 * Opens a fresh, uniquely named database on the server chosen in global setup. Call it once per test
 * file (in beforeAll) so files never see each other's data; close() drops the database.
 */
export async function openTestDatabase(name = 'test', options: { uri?: string } = {}): Promise<TestDatabase> {
  const uri = options.uri ?? inject('mongoUri');
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  const dbName = `${name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  const db = client.db(dbName);
  return {
    client,
    db,
    uri,
    kind: inject('databaseKind'),
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}
