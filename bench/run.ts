import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench [name …]`: runs the named bench files (`stamping` or `bench/stamping.ts`), or every
 * `bench/*.ts` but this one. Each bench file default-exports an async function that prints its own table.
 */
const benchDir = import.meta.dirname;

async function benchFiles(names: readonly string[]): Promise<string[]> {
  if (names.length > 0) {
    return names.map((name) => {
      const file = name.endsWith('.ts') ? name : `${name}.ts`;
      return path.isAbsolute(file) || file.includes('/') ? path.resolve(file) : path.join(benchDir, file);
    });
  }
  const entries = await readdir(benchDir, { withFileTypes: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() &&
        entry.name.endsWith('.ts') &&
        entry.name !== 'run.ts' &&
        entry.name !== 'support.ts',
    )
    .map((entry) => path.join(benchDir, entry.name))
    .sort();
}

for (const file of await benchFiles(process.argv.slice(2))) {
  const bench = (await import(pathToFileURL(file).href)) as { default?: () => Promise<void> };
  if (typeof bench.default !== 'function') throw new Error(`${file} has no default export to run`);
  process.stdout.write(`\n# ${path.relative(process.cwd(), file)}\n`);
  await bench.default();
}
