// Many generated tree pairs, each compared with the machine's git: the same renames, adds, removes
// and modifications in the same order, and the same `--minimal --numstat` counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffTrees } from '../../src/diff/index.ts';
import type { FileChange } from '../../src/types.ts';
import { minimalCounts } from '../support/diff-minimal-reference.ts';
import { randomTreePair, seededRandom } from '../support/diff-random-trees.ts';
import {
  bytesOf,
  git,
  gitNameStatus,
  gitNumstat,
  GitScratchRepo,
  inputFiles,
  nameStatusOf,
  numstatOf,
  type Tree,
} from '../support/git-trees.ts';

const PAIRS = 200;
let repo: GitScratchRepo;
beforeAll(() => {
  repo = new GitScratchRepo();
});
afterAll(() => repo.dispose());

// Before 2.50, git's --minimal still drops some frequent lines (rename-spec case 15), so there its
// counts may exceed the true minimum; newer git must match exactly.
function gitMinimalIsExact(): boolean {
  const [major = 0, minor = 0] = git(['--version']).toString().match(/(\d+)\.(\d+)/)!.slice(1).map(Number);
  return major > 2 || (major === 2 && minor >= 50);
}

function sides(change: FileChange, oldTree: Tree, newTree: Tree) {
  const oldPath = change.status === 'renamed' ? change.oldPath : change.path;
  return {
    before: change.status === 'added' ? new Uint8Array(0) : bytesOf(oldTree[oldPath]!),
    after: change.status === 'removed' ? new Uint8Array(0) : bytesOf(newTree[change.path]!),
  };
}

describe('random tree pairs against git', () => {
  it(`pairs and counts like git diff -M --minimal on ${PAIRS} seeded tree pairs`, () => {
    const exact = gitMinimalIsExact();
    let renames = 0;
    let olderGitExcess = 0;
    for (let seed = 1; seed <= PAIRS; seed++) {
      const { oldTree, newTree } = randomTreePair(seededRandom(seed));
      const result = diffTrees(inputFiles(oldTree), inputFiles(newTree));
      const pair = repo.pair(oldTree, newTree);
      expect(nameStatusOf(result.files), `seed ${seed}`).toEqual(gitNameStatus(pair));
      renames += result.summary.renamed;

      const theirs = gitNumstat(pair, ['--minimal']);
      const mine = numstatOf(result.files);
      result.files.forEach((change, i) => {
        const label = `seed ${seed} ${change.path}`;
        if (!change.binary) {
          const { before, after } = sides(change, oldTree, newTree);
          expect({ additions: change.additions, deletions: change.deletions }, label).toEqual(minimalCounts(before, after));
        }
        if (mine[i] === theirs[i] || exact) {
          expect(mine[i], label).toBe(theirs[i]);
          return;
        }
        // The only difference allowed is old git's excess: the same net change, more lines both ways.
        const [added, deleted] = theirs[i]!.split('\t').map(Number) as [number, number];
        expect(added - change.additions, label).toBe(deleted - change.deletions);
        expect(added, label).toBeGreaterThan(change.additions);
        olderGitExcess++;
      });
    }
    expect(renames).toBeGreaterThan(PAIRS);
    expect(olderGitExcess).toBeLessThan(PAIRS / 10);
  }, 300_000);
});
