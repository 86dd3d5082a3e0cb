import { describe, expect, it } from 'vitest';
import { diffTrees, filterChanges, pathMatcher, toVersionDiff } from '../../src/diff/index.ts';
import { inputFiles, lines } from '../support/git-trees.ts';

describe('path filter', () => {
  it('matches a prefix by whole path segments', () => {
    const matches = pathMatcher('docs/auth');
    expect(matches('docs/auth')).toBe(true);
    expect(matches('docs/auth/sso.mdx')).toBe(true);
    expect(matches('docs/authkit/sso.mdx')).toBe(false);
    expect(pathMatcher('./docs/auth/')('docs/auth/x.md')).toBe(true);
  });

  it('matches globs with *, ** and ?', () => {
    expect(pathMatcher('docs/*.mdx')('docs/a.mdx')).toBe(true);
    expect(pathMatcher('docs/*.mdx')('docs/sub/a.mdx')).toBe(false);
    expect(pathMatcher('docs/**/*.mdx')('docs/a.mdx')).toBe(true);
    expect(pathMatcher('docs/**/*.mdx')('docs/sub/deep/a.mdx')).toBe(true);
    expect(pathMatcher('**/authkit')('x/y/authkit/index.mdx')).toBe(true);
    expect(pathMatcher('**/authkit')('authkit/index.mdx')).toBe(true);
    expect(pathMatcher('docs/?.md')('docs/a.md')).toBe(true);
    expect(pathMatcher('docs/?.md')('docs/ab.md')).toBe(false);
    expect(pathMatcher('docs/a+b(1).md')('docs/a+b(1).md')).toBe(true);
  });

  it('matches everything when no pattern is given', () => {
    expect(pathMatcher(undefined)('anything')).toBe(true);
    expect(pathMatcher([])('anything')).toBe(true);
  });

  it('selects a rename by either path and recomputes the summary and moves', () => {
    const oldTree = {
      'docs/user-management/a.mdx': lines(0, 9),
      'docs/user-management/b.mdx': lines(100, 109),
      'docs/other.mdx': 'x\n',
    };
    const newTree = {
      'docs/authkit/a.mdx': lines(0, 9),
      'docs/authkit/b.mdx': lines(100, 108) + 'y\n',
      'docs/other.mdx': 'y\n',
    };
    const diff = toVersionDiff('p', '1', '2', diffTrees(inputFiles(oldTree), inputFiles(newTree)));
    expect(diff.summary).toMatchObject({ modified: 1, renamed: 2 });

    const byOldPath = filterChanges(diff, 'docs/user-management');
    expect(byOldPath.files.map((change) => change.path)).toEqual(['docs/authkit/a.mdx', 'docs/authkit/b.mdx']);
    expect(byOldPath.summary).toEqual({ added: 0, removed: 0, modified: 0, renamed: 2, additions: 1, deletions: 1 });
    expect(byOldPath.moves).toMatchObject([{ from: 'docs/user-management', to: 'docs/authkit', files: 2, edited: 1 }]);

    const oneFile = filterChanges(diff, 'docs/authkit/a.mdx');
    expect(oneFile.files).toHaveLength(1);
    expect(oneFile.moves).toEqual([]);
    expect(oneFile.package).toBe('p');
  });
});
