import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support.js';

/** The files a clone of the repository has. */
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && existsSync(path.join(root, file)))
  .filter((file) => !/\.(png|jpe?g|gif|ico)$/.test(file) && file !== 'package-lock.json');

const markdown = tracked.filter((file) => file.endsWith('.md'));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchorsOf(file: string): Set<string> {
  const headings = readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) =>
      line
        .replace(/^#+ /, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replaceAll(' ', '-'),
    );
  return new Set(headings);
}

describe('the repository stands alone', () => {
  it('has no file that points outside it into the team’s shared folder', () => {
    const outside = ['..', 'shared'].join('/');
    const offenders = tracked.filter((file) => readFileSync(path.join(root, file), 'utf8').includes(outside));
    expect(offenders).toEqual([]);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const [relative = '', anchor] = target.split('#');
        const resolved = relative === '' ? file : path.normalize(path.join(path.dirname(file), relative));
        if (resolved.startsWith('..') || !existsSync(path.join(root, resolved))) {
          broken.push(`${file}: ${target}`);
        } else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
          broken.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('refers to sections of docs/domain.md and docs/architecture.md that exist', () => {
    const sections = (file: string) =>
      new Set(
        [...readFileSync(path.join(root, file), 'utf8').matchAll(/^## (\d+)\. /gm)].map((match) => match[1]!),
      );
    const known = { domain: sections('docs/domain.md'), architecture: sections('docs/architecture.md') };
    const missing: string[] = [];
    for (const file of tracked) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/(domain|architecture)\.md\]?(?:\([^)]*\))? §(\d+)(?:–§(\d+))?/g)) {
        const doc = match[1] as 'domain' | 'architecture';
        for (const section of [match[2], match[3]].filter(Boolean)) {
          if (!known[doc].has(section!)) missing.push(`${file}: ${doc}.md §${section}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
