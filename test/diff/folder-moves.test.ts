import { describe, expect, it } from 'vitest';
import { findFolderMoves, folderPairOf } from '../../src/diff/folder-moves.ts';
import type { FileChange } from '../../src/types.ts';

const renamed = (oldPath: string, path: string, similarity = 1): FileChange => ({
  status: 'renamed',
  oldPath,
  path,
  similarity,
  additions: similarity < 1 ? 1 : 0,
  deletions: similarity < 1 ? 1 : 0,
});

describe('folder moves', () => {
  it('strips the segments both paths end with, giving the widest folder pair', () => {
    expect(folderPairOf('docs/user-management/sso/a.mdx', 'docs/authkit/sso/a.mdx')).toEqual({
      from: 'docs/user-management',
      to: 'docs/authkit',
    });
    expect(folderPairOf('a/b.txt', 'a/c/b.txt')).toEqual({ from: 'a', to: 'a/c' });
    expect(folderPairOf('x.md', 'new/x.md')).toEqual({ from: '.', to: 'new' });
    expect(folderPairOf('docs/a.md', 'docs/b.md')).toBeNull();
    expect(folderPairOf('audit-logs/create-schema.mdx', 'audit-logs/schema/create.mdx')).toBeNull();
  });

  it('reports a move when at least two renames share the folder prefix, counting the edited ones', () => {
    const moves = findFolderMoves([
      renamed('docs/user-management/a.mdx', 'docs/authkit/a.mdx'),
      renamed('docs/user-management/sso/b.mdx', 'docs/authkit/sso/b.mdx', 0.93),
      renamed('docs/user-management/overview.mdx', 'docs/authkit/index.mdx', 0.8),
      renamed('docs/lonely/x.mdx', 'docs/elsewhere/x.mdx'),
      renamed('docs/same-folder.mdx', 'docs/renamed-in-place.mdx'),
      { status: 'modified', path: 'docs/authkit/other.mdx', additions: 1, deletions: 0 },
    ]);
    expect(moves).toEqual([{ from: 'docs/user-management', to: 'docs/authkit', files: 2, edited: 1 }]);
  });

  it('reports a folder split into two destinations as two moves, the bigger first', () => {
    const moves = findFolderMoves([
      renamed('old/a.md', 'left/a.md'),
      renamed('old/b.md', 'right/b.md'),
      renamed('old/c.md', 'right/c.md'),
      renamed('old/d.md', 'left/d.md'),
      renamed('old/e.md', 'right/e.md'),
    ]);
    expect(moves.map((move) => [move.from, move.to, move.files])).toEqual([
      ['old', 'right', 3],
      ['old', 'left', 2],
    ]);
  });
});
