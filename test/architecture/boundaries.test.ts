import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports, as written (static and dynamic imports, re-exports). */
function importsOf(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
}

const offenders = (folders: string[], bad: (spec: string, file: string) => boolean) =>
  folders.flatMap(sourcesUnder).flatMap((file) =>
    importsOf(file)
      .filter((spec) => bad(spec, file))
      .map((spec) => `${relative(root, join(root, file))} imports ${spec}`),
  );

describe('architecture boundaries (ARCHITECTURE.md §1, §5)', () => {
  it('keeps the surfaces away from the store: src/http, src/chat and adapters import nothing from src/store', () => {
    expect(offenders(['src/http', 'src/chat', 'adapters'], (spec) => /(^|\/)store\//.test(spec))).toEqual([]);
  });

  it('keeps the workflow away from configuration, adapters and the driver', () => {
    const bad = (spec: string) =>
      /(^|\/)(config|outbound|http|adapters)\//.test(spec) ||
      spec === 'mongodb' ||
      spec.startsWith('mongodb/');
    expect(offenders(['src/workflow', 'src/domain'], bad)).toEqual([]);
    const reaching = sourcesUnder('src/workflow').filter((file) =>
      /process\.env|\bfetch\(|11000|isDuplicateKeyError/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(reaching).toEqual([]);
  });

  it('keeps the domain pure: no store, no workflow, no I/O modules', () => {
    const bad = (spec: string) =>
      /(^|\/)(store|workflow|http|chat)\//.test(spec) ||
      /^node:(fs|net|http|https|dns|child_process)$/.test(spec);
    expect(offenders(['src/domain'], bad)).toEqual([]);
  });
});
