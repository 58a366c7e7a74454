// `npm start` runs this first: it builds only when the sources differ from those of the last build, so a
// start without changes takes no compile (a full build is most of a start's time).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Everything the build reads; a change in any of them makes dist stale. */
export const BUILD_INPUTS = [
  'src',
  'adapters',
  'scripts/copy-static.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];
export const STAMP = 'dist/.build-stamp';
const ENTRY = 'dist/src/main.js';

function filesUnder(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(root, path.join(relative, entry.name)));
}

/** A hash of the inputs' paths and contents: unlike mtimes, a checkout that changes nothing stays valid. */
export function sourceHash(root) {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(root, input))) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Why a build is needed, or undefined when dist is that of the current sources. */
export function staleReason(root) {
  if (!existsSync(path.join(root, ENTRY))) return `${ENTRY} is missing`;
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp)) return 'no build stamp';
  return readFileSync(stamp, 'utf8').trim() === sourceHash(root) ? undefined : 'sources changed';
}

export function writeStamp(root) {
  writeFileSync(path.join(root, STAMP), `${sourceHash(root)}\n`);
}

function main() {
  const root = process.cwd();
  // The last step of `npm run build` itself, so any build counts, not only those started from here.
  if (process.argv.includes('--stamp')) {
    writeStamp(root);
    return 0;
  }
  const reason = staleReason(root);
  if (!reason) {
    process.stderr.write('stempel: build is up to date\n');
    return 0;
  }
  process.stderr.write(`stempel: building (${reason})\n`);
  const build = spawnSync('npm', ['run', '-s', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return build.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
