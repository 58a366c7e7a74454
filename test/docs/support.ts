import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, loadConfig } from '../../src/config/config.js';

export const root = path.resolve(import.meta.dirname, '../..');

export function readRepoFile(relative: string): string {
  return readFileSync(path.join(root, relative), 'utf8');
}

/** Every key of the service's environment schema. */
export const schemaKeys = Object.keys(configSchema.shape).sort();

/** The defaults the schema fills in when nothing is set. */
export const schemaDefaults: Record<string, unknown> = loadConfig({});

/** Variables read outside the schema, by pattern: webhook secrets are named by the templates. */
export const patternKeys = ['WEBHOOK_SECRET_<NAME>'];

/** Variables only compose.yaml reads (for the mongo service and image choice), never the service. */
export const composeOnlyKeys = [
  'MONGO_ROOT_PASSWORD',
  'STEMPEL_DB_PASSWORD',
  'STEMPEL_PORT',
  'MONGO_IMAGE',
  'NODE_IMAGE',
];

/** How a default is written in the docs: the value itself, or nothing for keys without one. */
export function documentedDefault(value: unknown): string | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  return String(value);
}
