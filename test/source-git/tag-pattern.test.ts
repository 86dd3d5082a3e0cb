// Issue 16 item 9: tag patterns were compiled to backtracking regular expressions, so `*a*a…*b`
// (33 a's) took 46 s against a 44-character tag and a 190-character tag hung a sync past 60 s.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitSource } from '../../src/source/git/index.ts';
import { MAX_TAG_NAME_LENGTH, tagMatcher } from '../../src/source/git/ref-names.ts';
import { matchGlob } from '../../src/source/git/tag-glob.ts';
import { tempDir } from '../support/context.ts';
import { seededRandom } from '../support/diff-random-trees.ts';
import { createRepo, type FixtureRepo } from './fixture-repo.ts';

const EVIL = `*${'a*'.repeat(33)}b`;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/** The obvious definition, fine as an oracle on short inputs: a regular expression. */
function reference(pattern: string, text: string): boolean {
  const source = Array.from(pattern, (char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+/]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'su').test(text);
}

describe('tag patterns', () => {
  it('answers the `*a*a…*b` pattern (33 a\'s) against a 44-character tag in milliseconds', () => {
    const matches = tagMatcher(EVIL);
    const { value, ms } = timed(() => matches('a'.repeat(44)));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(50);
    expect(matches(`${'a'.repeat(44)}b`)).toBe(true);
  });

  it('answers it against a 190-character tag in milliseconds, and never matches a tag over the length bound', () => {
    const matches = tagMatcher(EVIL);
    const { value, ms } = timed(() => [matches('a'.repeat(190)), matches(`${'a'.repeat(150)}x${'a'.repeat(39)}`), matches(`${'a'.repeat(189)}b`)]);
    expect(value).toEqual([false, false, true]);
    expect(ms).toBeLessThan(50);
    expect(tagMatcher('v*')(`v${'1'.repeat(MAX_TAG_NAME_LENGTH)}`)).toBe(false);
  });

  it('agrees with the plain definition of * and ? on thousands of random short cases', () => {
    const random = seededRandom(16);
    const pick = (alphabet: string, max: number) =>
      Array.from({ length: Math.floor(random() * (max + 1)) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 5_000; i += 1) {
      const pattern = pick('ab*?/.', 7);
      const text = pick('ab/.', 9);
      expect(matchGlob(pattern, text), `${JSON.stringify(pattern)} vs ${JSON.stringify(text)}`).toBe(reference(pattern, text));
    }
    expect(matchGlob('v?.*', 'v\u{1F600}.0')).toBe(true);
    expect(matchGlob('*', '')).toBe(true);
    expect(matchGlob('?', '')).toBe(false);
  });
});

describe('a git source with a hostile tag pattern and a 190-character tag', () => {
  let repo: FixtureRepo;
  let cacheRoot: string;
  const longTag = `v${'a'.repeat(189)}`;

  beforeAll(async () => {
    repo = await createRepo();
    await repo.commitAndTag({ 'docs/index.md': '# One\n' }, `${'a'.repeat(40)}b`, '2024-01-01T00:00:00Z');
    await repo.commitAndTag({ 'docs/index.md': '# Two\n' }, longTag, '2024-02-01T00:00:00Z');
    cacheRoot = await tempDir('docdelta-git-cache-');
  });
  afterAll(async () => {
    await repo?.dispose();
    await fs.rm(cacheRoot, { recursive: true, force: true });
  });

  it('lists the matching versions quickly instead of hanging', async () => {
    expect(longTag).toHaveLength(190);
    const source = new GitSource({ packageName: 'evil-pattern', location: repo.dir, docsFolder: 'docs', cacheRoot, tags: EVIL });
    const started = performance.now();
    const listing = await source.listVersions();
    expect(listing.versions.map((version) => version.version)).toEqual([`${'a'.repeat(40)}b`]);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
