import { afterEach, describe, expect, it } from 'vitest';
import { diffTrees, foldRenamePath, renderStat, toVersionDiff } from '../../src/diff/index.ts';
import { seededRandom } from '../support/diff-random-trees.ts';
import { git, gitTreePair, inputFiles, lines, type GitTreePair, type Tree } from '../support/git-trees.ts';

const pairs: GitTreePair[] = [];
afterEach(() => {
  for (const pair of pairs.splice(0)) pair.dispose();
});

/** Git's own `--numstat` names for a set of exact renames (one distinct content per pair). */
function gitRenameNames(renames: [string, string][]): string[] {
  const oldTree: Tree = {};
  const newTree: Tree = {};
  renames.forEach(([from, to], i) => {
    oldTree[from] = newTree[to] = lines(10 * i, 10 * i + 3);
  });
  const pair = gitTreePair(oldTree, newTree);
  pairs.push(pair);
  const out = git(['diff', '-M', '--numstat', pair.oldTree, pair.newTree], { cwd: pair.dir }).toString();
  return out.trimEnd().split('\n').map((line) => line.split('\t')[2]!);
}

describe('rename path folding', () => {
  it.each([
    ['docs/user-management/actions.mdx', 'docs/authkit/actions.mdx', 'docs/{user-management → authkit}/actions.mdx'],
    ['reference/api-keys.mdx', 'reference/api-authentication/index.mdx', 'reference/{api-keys.mdx → api-authentication/index.mdx}'],
    ['a/b.txt', 'a/c/b.txt', 'a/{ → c}/b.txt'],
    ['a/c/d.txt', 'a/d.txt', 'a/{c → }/d.txt'],
    ['pkg/foo/bar.go', 'pkgs/foo/bar.go', '{pkg → pkgs}/foo/bar.go'],
    ['a/b/c', 'a/b/c/d', 'a/b/{c → c/d}'],
    ['top.txt', 'top2.txt', 'top.txt → top2.txt'],
    ['lib/x/deep/file.c', 'lib/y/deep/file.c', 'lib/{x → y}/deep/file.c'],
    ['src/café.txt', 'src/cafe.txt', '"src/caf\\303\\251.txt" → src/cafe.txt'],
    ['a/docs/user-management/actions.mdx', 'b/docs/authkit/actions.mdx', '{a/docs/user-management → b/docs/authkit}/actions.mdx'],
  ])('shows %s -> %s as %s', (from, to, expected) => {
    expect(foldRenamePath(from, to)).toBe(expected);
  });

  it('folds exactly like git --numstat on the spec case 16 renames', () => {
    const renames: [string, string][] = [
      ['a/b.txt', 'a/c/b.txt'],
      ['a/c/d.txt', 'a/d.txt'],
      ['docs/user-management/actions.mdx', 'docs/authkit/actions.mdx'],
      ['lib/x/deep/file.c', 'lib/y/deep/file.c'],
      ['pkg/foo/bar.go', 'pkgs/foo/bar.go'],
      ['reference/api-keys.mdx', 'reference/api-authentication/index.mdx'],
      ['src/café.txt', 'src/cafe.txt'],
      ['top.txt', 'top2.txt'],
    ];
    expect(gitRenameNames(renames)).toEqual(renames.map(([from, to]) => foldRenamePath(from, to, '=>')));
  });

  it('folds exactly like git --numstat on random paths with shared heads and tails', () => {
    const random = seededRandom(7);
    const segments = ['a', 'b', 'ab', 'ba', 'docs', 'doc', 'x.md', 'a.md'];
    const randomPath = (prefix: string) => {
      const depth = 1 + Math.floor(random() * 3);
      const parts = Array.from({ length: depth }, () => segments[Math.floor(random() * segments.length)]!);
      return `${prefix}${parts.join('/')}.txt`;
    };
    // Old paths live under o/ or shared/ and new ones under n/ or shared/, with a unique marker per
    // pair, so no path is ever also a folder of another path in the same tree.
    const renames: [string, string][] = Array.from({ length: 60 }, (_, i) => {
      const from = randomPath(random() < 0.5 ? `o${i}/` : `shared/o${i}`);
      const to = random() < 0.5 ? from.replace(/^(o|shared\/o)(\d+)/, 'n$2') : randomPath(random() < 0.5 ? `n${i}/` : `shared/n${i}`);
      return [from, to];
    });
    const byNewPath = new Map(renames.map(([from, to]) => [to, foldRenamePath(from, to, '=>')]));
    const expected = [...byNewPath.keys()].sort().map((to) => byNewPath.get(to)!);
    expect(gitRenameNames(renames)).toEqual(expected);
  });
});

describe('stat output', () => {
  it('prints a status letter, the name, the count and the bar, then the totals and the folder moves', () => {
    const oldTree = {
      'docs/user-management/a.mdx': lines(0, 9),
      'docs/user-management/b.mdx': lines(100, 109),
      'docs/gone.mdx': 'bye\n',
      'docs/page.mdx': 'one\ntwo\n',
      'docs/nbsp.mdx': 'a b\n',
      'logo.png': new Uint8Array([1, 0, 1]),
    };
    const newTree = {
      'docs/authkit/a.mdx': lines(0, 8) + 'changed\n',
      'docs/authkit/b.mdx': lines(100, 109),
      'docs/new.mdx': 'hi\n',
      'docs/page.mdx': 'one\n2\n',
      'docs/nbsp.mdx': 'a\u00a0b\n',
      'logo.png': new Uint8Array([1, 0, 2]),
    };
    const diff = toVersionDiff('pkg', '1.0.0', '2.0.0', diffTrees(inputFiles(oldTree), inputFiles(newTree)));
    expect(renderStat(diff)).toMatchInlineSnapshot(`
      " R docs/{user-management => authkit}/a.mdx | 2 +-
       R docs/{user-management => authkit}/b.mdx | 0
       D docs/gone.mdx                           | 1 -
       M docs/nbsp.mdx                           | 2 +- (whitespace only)
       A docs/new.mdx                            | 1 +
       M docs/page.mdx                           | 2 +-
       M logo.png                                | Bin
       7 files changed, 4 insertions(+), 4 deletions(-)
       1 added, 1 removed, 3 modified, 2 renamed, 1 of them whitespace only
       moved docs/{user-management => authkit}/ (2 files, 1 edited)
      "
    `);
    expect(renderStat(diff, { path: 'docs/authkit' })).toMatchInlineSnapshot(`
      " R docs/{user-management => authkit}/a.mdx | 2 +-
       R docs/{user-management => authkit}/b.mdx | 0
       2 files changed, 1 insertion(+), 1 deletion(-)
       0 added, 0 removed, 0 modified, 2 renamed
       moved docs/{user-management => authkit}/ (2 files, 1 edited)
      "
    `);
  });

  it('lays out columns and scales bars exactly like git diff --stat, at any width', () => {
    const long = 'docs/a-rather-long-folder-name/with/several/levels/of/nesting/page.mdx';
    const oldTree: Tree = { [long]: lines(0, 299), 'docs/small.mdx': lines(0, 3), 'docs/mid.mdx': lines(0, 40), 'docs/old-name.mdx': lines(500, 520) };
    const newTree: Tree = {
      [long]: lines(0, 99) + lines(1000, 1250),
      'docs/small.mdx': lines(0, 2) + 'x\n',
      'docs/mid.mdx': lines(10, 60),
      'docs/new-name.mdx': lines(500, 518) + 'y\n',
      'docs/fresh.mdx': lines(2000, 2007),
    };
    const pair = gitTreePair(oldTree, newTree);
    pairs.push(pair);
    const diff = diffTrees(inputFiles(oldTree), inputFiles(newTree));
    for (const width of [40, 60, 80, 120, 200]) {
      const theirs = git(['diff', '-M', `--stat=${width}`, pair.oldTree, pair.newTree], { cwd: pair.dir }).toString().split('\n');
      const mine = renderStat(diff, { width: width + 2 }).split('\n');
      const files = mine.slice(0, diff.files.length).map((line) => line.replace(/^ [ADMR] /, ' '));
      expect(files, `width ${width}`).toEqual(theirs.slice(0, diff.files.length).map((line) => line.trimEnd()));
      expect(mine[diff.files.length]).toBe(theirs[diff.files.length]);
    }
  });
});
