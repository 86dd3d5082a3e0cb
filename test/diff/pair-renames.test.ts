import { describe, expect, it } from 'vitest';
import { diffTrees, pairRenames } from '../../src/diff/index.ts';
import { inputFiles, lines } from '../support/git-trees.ts';

const oldTree = { 'a/one.txt': lines(0, 19), 'a/two.txt': lines(100, 119), 'keep.txt': lines(200, 209), 'gone.txt': lines(300, 309) };
const newTree = { 'b/one.txt': lines(0, 18) + 'x\n', 'b/two.txt': lines(100, 119), 'keep.txt': lines(200, 208) + 'y\n', 'new.txt': lines(400, 409) };

describe('pairRenames', () => {
  it('finds the renames diffTrees finds, and diffTrees given them gives the same result', () => {
    for (const renameThreshold of [50, 95, 100]) {
      const renames = pairRenames(inputFiles(oldTree), inputFiles(newTree), { renameThreshold });
      const plain = diffTrees(inputFiles(oldTree), inputFiles(newTree), { renameThreshold });
      expect(renames.pairs.length).toBe(plain.summary.renamed);
      expect(diffTrees(inputFiles(oldTree), inputFiles(newTree), { renameThreshold, renames })).toEqual(plain);
    }
  });

  it('reads only the files on one side: files changed in place may still be empty', () => {
    const withoutInPlaceBytes = (files: ReturnType<typeof inputFiles>) =>
      files.map((file) => (file.path === 'keep.txt' ? { ...file, bytes: new Uint8Array() } : file));
    expect(pairRenames(withoutInPlaceBytes(inputFiles(oldTree)), withoutInPlaceBytes(inputFiles(newTree)))).toEqual(
      pairRenames(inputFiles(oldTree), inputFiles(newTree)),
    );
  });

  it('refuses renames that do not fit the trees', () => {
    const misfit = { pairs: [{ oldPath: 'keep.txt', newPath: 'new.txt', score: 60000 }], limitApplied: false };
    expect(() => diffTrees(inputFiles(oldTree), inputFiles(newTree), { renames: misfit })).toThrow(/does not fit these trees/);
  });
});
