/** All databases and their collections. A database exists while it has at least one collection. */
import { ErrorCode, MongoCommandError } from '../errors.js';
import { Collection } from './collection.js';
import type { Doc } from './values.js';

const INVALID_DATABASE_CHARACTERS = /[/\\. "$\0]/;

export function validateDatabaseName(name: string): void {
  if (name === '' || name.length >= 64 || INVALID_DATABASE_CHARACTERS.test(name)) {
    throw new MongoCommandError(ErrorCode.InvalidNamespace, `Invalid database name: '${name}'`);
  }
}

export function validateCollectionName(database: string, name: string): void {
  if (
    name === '' ||
    name.includes('\0') ||
    name.startsWith('.') ||
    name.includes('$') ||
    name.startsWith('system.')
  ) {
    throw new MongoCommandError(ErrorCode.InvalidNamespace, `Invalid collection name: ${database}.${name}`);
  }
}

export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();

  collection(database: string, name: string): Collection | undefined {
    return this.databases.get(database)?.get(name);
  }

  /** The collection, created implicitly as MongoDB does on first write. */
  ensureCollection(database: string, name: string, options: Doc = {}): Collection {
    const existing = this.collection(database, name);
    if (existing) return existing;
    validateDatabaseName(database);
    validateCollectionName(database, name);
    let collections = this.databases.get(database);
    if (!collections) {
      collections = new Map();
      this.databases.set(database, collections);
    }
    const collection = new Collection(database, name, options);
    collections.set(name, collection);
    return collection;
  }

  collections(database: string): Collection[] {
    return [...(this.databases.get(database)?.values() ?? [])];
  }

  allCollections(): Collection[] {
    return [...this.databases.values()].flatMap((collections) => [...collections.values()]);
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  dropCollection(database: string, name: string): Collection | undefined {
    const collections = this.databases.get(database);
    const collection = collections?.get(name);
    if (!collections || !collection) return undefined;
    collections.delete(name);
    if (collections.size === 0) this.databases.delete(database);
    return collection;
  }

  dropDatabase(database: string): boolean {
    return this.databases.delete(database);
  }
}
