import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceHash, staleReason, writeStamp } from '../../scripts/build-if-changed.mjs';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'stempel-build-'));
  await mkdir(path.join(root, 'src'), { recursive: true });
  await mkdir(path.join(root, 'adapters/console'), { recursive: true });
  await writeFile(path.join(root, 'src/main.ts'), 'export {};\n');
  await writeFile(path.join(root, 'adapters/console/page.ts'), 'export const page = 1;\n');
  await writeFile(path.join(root, 'package-lock.json'), '{}\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('npm start builds only when the sources changed', () => {
  it('builds when there is no build yet, and not again once stamped', async () => {
    expect(staleReason(root)).toBe('dist/src/main.js is missing');
    await mkdir(path.join(root, 'dist/src'), { recursive: true });
    await writeFile(path.join(root, 'dist/src/main.js'), '');
    expect(staleReason(root)).toBe('no build stamp');
    writeStamp(root);
    expect(staleReason(root)).toBeUndefined();
  });

  it('builds again after a source, a new file or the lock file changed; touching without change does not', async () => {
    const before = sourceHash(root);
    await writeFile(path.join(root, 'src/main.ts'), 'export {};\n');
    expect(staleReason(root)).toBeUndefined();

    await writeFile(path.join(root, 'adapters/console/page.ts'), 'export const page = 2;\n');
    expect(staleReason(root)).toBe('sources changed');
    writeStamp(root);
    await writeFile(path.join(root, 'src/new-module.ts'), 'export {};\n');
    expect(staleReason(root)).toBe('sources changed');
    writeStamp(root);
    await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
    expect(staleReason(root)).toBe('sources changed');
    expect(sourceHash(root)).not.toBe(before);
  });

  it('ignores what the build does not read', async () => {
    writeStamp(root);
    await writeFile(path.join(root, 'README.md'), '# notes\n');
    await mkdir(path.join(root, 'test'), { recursive: true });
    await writeFile(path.join(root, 'test/a.test.ts'), '');
    expect(staleReason(root)).toBeUndefined();
  });
});
