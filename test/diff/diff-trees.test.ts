import { describe, expect, it } from 'vitest';
import { ALGORITHM_VERSION, diffTrees, renderJson, toVersionDiff } from '../../src/diff/index.ts';
import { inputFiles, lines } from '../support/git-trees.ts';

describe('diffTrees', () => {
  it('orders files by path bytes, each rename at its new path', () => {
    const result = diffTrees(
      inputFiles({ 'b.txt': lines(0, 9), 'z/old.txt': lines(100, 109), 'ä.txt': 'a\n', '\u{1F600}.txt': 'x\n' }),
      inputFiles({ 'b.txt': lines(0, 8), 'a/new.txt': lines(100, 109), '\uFF01.txt': 'y\n', 'ä.txt': 'b\n', '\u{1F600}.txt': 'z\n' }),
    );
    // Bytewise: U+FF01 (EF BC 81) sorts before U+1F600 (F0 9F 98 80), unlike UTF-16 order.
    expect(result.files.map((change) => change.path)).toEqual(['a/new.txt', 'b.txt', 'ä.txt', '\uFF01.txt', '\u{1F600}.txt']);
  });

  it('counts identical content as 0/0 without diffing and flags binary files', () => {
    const result = diffTrees(
      inputFiles({ 'img/a.bin': new Uint8Array([0, 1, 2]), 'doc.md': 'same\n' }),
      inputFiles({ 'img/b.bin': new Uint8Array([0, 1, 2]), 'doc.md': 'same\n' }),
    );
    expect(result.files).toEqual([
      { status: 'renamed', path: 'img/b.bin', oldPath: 'img/a.bin', similarity: 1, additions: 0, deletions: 0, binary: true },
    ]);
  });

  it('finds only exact renames at a threshold of 100%', () => {
    const oldTree = { 'a.txt': lines(0, 9), 'b.txt': lines(20, 29) };
    const newTree = { 'a2.txt': lines(0, 9), 'b2.txt': lines(20, 28) + 'x\n' };
    const statuses = (threshold: number) =>
      diffTrees(inputFiles(oldTree), inputFiles(newTree), { renameThreshold: threshold }).files.map((change) => change.status);
    expect(statuses(100)).toEqual(['renamed', 'removed', 'added']);
    expect(statuses(50)).toEqual(['renamed', 'renamed']);
    expect(statuses(95)).toEqual(['renamed', 'removed', 'added']);
  });

  it('applies no rename limit unless asked, and says when one was applied', () => {
    const oldTree = { 'p.txt': lines(0, 9), 'q.txt': lines(100, 109) };
    const newTree = { 'p2.txt': lines(0, 8) + 'x\n', 'q2.txt': lines(100, 108) + 'y\n' };
    expect(diffTrees(inputFiles(oldTree), inputFiles(newTree)).summary.renamed).toBe(2);
    const limited = diffTrees(inputFiles(oldTree), inputFiles(newTree), { renameLimit: 1 });
    expect(limited.renameLimitApplied).toBe(true);
    expect(limited.summary).toMatchObject({ renamed: 0, added: 2, removed: 2 });
    expect(diffTrees(inputFiles(oldTree), inputFiles(newTree), { renameLimit: 2 }).renameLimitApplied).toBe(false);
  });

  it('refuses a tree that lists a path twice and a threshold outside 0..100', () => {
    const files = inputFiles({ 'a.txt': 'x\n' });
    expect(() => diffTrees([...files, ...files], [])).toThrow(/twice/);
    expect(() => diffTrees(files, [], { renameThreshold: 120 })).toThrow(/0 to 100/);
  });

  it('produces the API JSON: package, versions, summary, moves and files with oldPath only on renames', () => {
    const diff = toVersionDiff(
      '@workos/mcp-docs-server',
      '0.1.0',
      '0.2.0',
      diffTrees(inputFiles({ 'docs/a.mdx': lines(0, 9), 'docs/b.mdx': 'b\n' }), inputFiles({ 'docs/c.mdx': lines(0, 9), 'docs/b.mdx': 'B\n' })),
    );
    expect(JSON.parse(renderJson(diff))).toEqual({
      package: '@workos/mcp-docs-server',
      from: '0.1.0',
      to: '0.2.0',
      summary: { added: 0, removed: 0, modified: 1, renamed: 1, additions: 1, deletions: 1 },
      moves: [],
      files: [
        { status: 'modified', path: 'docs/b.mdx', additions: 1, deletions: 1 },
        { status: 'renamed', path: 'docs/c.mdx', oldPath: 'docs/a.mdx', similarity: 1, additions: 0, deletions: 0 },
      ],
    });
    expect(ALGORITHM_VERSION).toBeTruthy();
  });
});
