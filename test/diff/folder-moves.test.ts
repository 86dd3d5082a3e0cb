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

  it('reports a move only when it explains at least half of the old folder, and lists what it leaves out', () => {
    const reference = Array.from({ length: 40 }, (_, i) => `.docs/reference/page-${i}.md`);
    const harness = ['overview', 'setup', 'config', 'tools', 'state', 'events', 'errors', 'faq'].map((name) => `.docs/harness/${name}.md`);
    const changes = [
      // 3 of 40 reference pages went to integrations: a few renames, not a folder move.
      ...reference.slice(0, 3).map((path) => renamed(path, path.replace('reference', 'integrations'))),
      // 2 of 8 harness pages went to agents: not a move either.
      renamed('.docs/harness/tools.md', '.docs/agents/tools.md'),
      renamed('.docs/harness/state.md', '.docs/agents/state.md'),
      // 3 of 4 guides moved: a move, with the one it does not explain listed.
      renamed('.docs/guides/a.md', '.docs/learn/a.md'),
      renamed('.docs/guides/b.md', '.docs/learn/b.md'),
      renamed('.docs/guides/c.md', '.docs/learn/c.md'),
    ];
    const fromPaths = [...reference, ...harness, '.docs/guides/a.md', '.docs/guides/b.md', '.docs/guides/c.md', '.docs/guides/d.md'];
    expect(findFolderMoves(changes, fromPaths)).toEqual([
      { from: '.docs/guides', to: '.docs/learn', files: 3, edited: 0, folderFiles: 4, uncoveredCount: 1, uncovered: ['.docs/guides/d.md'] },
    ]);
    // Without the old file list there is nothing to measure the folder by: every shared prefix counts.
    expect(findFolderMoves(changes).map((move) => move.from)).toEqual(['.docs/guides', '.docs/reference', '.docs/harness']);
  });
});

