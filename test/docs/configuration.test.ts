import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  composeOnlyKeys,
  documentedDefault,
  patternKeys,
  readRepoFile,
  root,
  schemaDefaults,
  schemaKeys,
} from './support.js';

interface TableRow {
  keys: string[];
  defaults: string[];
}

/** The rows of the README's configuration table: the keys of a row and their defaults, in order. */
function readmeTable(): TableRow[] {
  const readme = readRepoFile('README.md');
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
  );
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [keyCell = '', defaultCell = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      const keys = [...keyCell.matchAll(/`([A-Z][A-Z0-9_<>]*)`/g)].map((match) => match[1]!);
      const defaults = defaultCell.split(' / ').map((value) => value.replaceAll('`', '').trim());
      return { keys, defaults };
    });
}

describe('the README configuration table', () => {
  const rows = readmeTable();
  const documented = rows.flatMap((row) => row.keys);

  it('names every key of the env schema', () => {
    expect(schemaKeys.filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('names nothing the service does not read', () => {
    const known = [...schemaKeys, ...patternKeys];
    expect(documented.filter((key) => !known.includes(key))).toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('gives each key the schema’s default, or none where the schema has none', () => {
    for (const row of rows) {
      row.keys.forEach((key, index) => {
        if (!schemaKeys.includes(key)) return;
        const written = row.defaults.length === row.keys.length ? row.defaults[index] : row.defaults[0];
        const expected = documentedDefault(schemaDefaults[key]);
        if (expected === undefined) expect(['—', 'unset'], key).toContain(written);
        else expect(written, key).toBe(expected);
      });
    }
  });
});

describe('the README project layout', () => {
  it('names every top-level folder of src/ and adapters/', () => {
    const readme = readRepoFile('README.md');
    const layout = readme.slice(readme.indexOf('## Project layout'), readme.indexOf('## Documentation'));
    const folders = ['src', 'adapters'].flatMap((parent) =>
      readdirSync(path.join(root, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${parent}/${entry.name}/`),
    );
    expect(folders.filter((folder) => !layout.includes(folder))).toEqual([]);
  });
});

describe('.env.example', () => {
  const lines = readRepoFile('.env.example').split('\n');
  const entries = lines
    .map((line) => /^(# )?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ commented: match[1] !== undefined, key: match[2]!, value: match[3]! }));
  const keys = entries.map((entry) => entry.key);

  it('lists every key of the env schema', () => {
    expect(schemaKeys.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('lists nothing but schema keys, webhook secrets and the compose file’s own keys', () => {
    const stray = keys.filter(
      (key) =>
        !schemaKeys.includes(key) && !composeOnlyKeys.includes(key) && !key.startsWith('WEBHOOK_SECRET_'),
    );
    expect(stray).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows the schema’s default on every commented key that has one, and explains every section', () => {
    for (const entry of entries) {
      const expected = documentedDefault(schemaDefaults[entry.key]);
      if (entry.commented && expected !== undefined) expect(entry.value, entry.key).toBe(expected);
    }
    // Secrets are left empty, never filled with a value someone might keep.
    for (const entry of entries.filter((candidate) => !candidate.commented))
      expect(entry.value, entry.key).toBe('');
  });
});
