// The rendered patch must be something `git apply` turns the old tree into the new tree with.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diffTrees, renderFilePatch, renderPatch } from '../../src/diff/index.ts';
import { randomTreePair, seededRandom } from '../support/diff-random-trees.ts';
import { readTree } from '../support/git-real-package.ts';
import { bytesOf, git, inputFiles, lines, writeTree, type Tree } from '../support/git-trees.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function applyPatch(oldTree: Tree, patch: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docdelta-apply-'));
  dirs.push(dir);
  const work = path.join(dir, 'tree');
  writeTree(work, oldTree);
  writeFileSync(path.join(dir, 'change.patch'), patch);
  git(['apply', '--whitespace=nowarn', path.join(dir, 'change.patch')], { cwd: work });
  const files = await readTree(work);
  return Object.fromEntries(files.map((file) => [file.path, Buffer.from(file.bytes).toString('latin1')]));
}

const latin1 = (tree: Tree) =>
  Object.fromEntries(Object.entries(tree).map(([file, content]) => [file, Buffer.from(bytesOf(content)).toString('latin1')]));

function patchFor(oldTree: Tree, newTree: Tree): string {
  const oldFiles = inputFiles(oldTree);
  const newFiles = inputFiles(newTree);
  return renderPatch(diffTrees(oldFiles, newFiles), oldFiles, newFiles);
}

async function expectRoundTrip(oldTree: Tree, newTree: Tree): Promise<string> {
  const patch = patchFor(oldTree, newTree);
  expect(await applyPatch(oldTree, patch)).toEqual(latin1(newTree));
  return patch;
}

describe('patches', () => {
  it('renders a modified file as a git-style patch with 3 lines of context', () => {
    const oldText = lines(0, 9);
    const newText = oldText.replace('L0000005x', 'changed');
    const patch = renderFilePatch({ status: 'modified', path: 'a.txt', additions: 1, deletions: 1 }, { bytes: bytesOf(oldText) }, { bytes: bytesOf(newText) });
    expect(patch).toMatchInlineSnapshot(`
      "diff --git a/a.txt b/a.txt
      --- a/a.txt
      +++ b/a.txt
      @@ -3,7 +3,7 @@
       L0000002x
       L0000003x
       L0000004x
      -L0000005x
      +changed
       L0000006x
       L0000007x
       L0000008x
      "
    `);
  });

  it('marks a missing final newline and renders renames, adds and deletes with their headers', () => {
    const patch = patchFor(
      { 'docs/old name.md': '# Title\n\nbody\nmore\n', 'gone.txt': 'bye\n', 'tail.txt': 'a\nb' },
      { 'docs/new name.md': '# Title\n\nbody\nmore\nextra', 'fresh.txt': '', 'tail.txt': 'a\nb\n' },
    );
    expect(patch).toMatchInlineSnapshot(`
      "diff --git a/docs/old name.md b/docs/new name.md
      similarity index 79%
      rename from docs/old name.md
      rename to docs/new name.md
      --- a/docs/old name.md	
      +++ b/docs/new name.md	
      @@ -2,3 +2,4 @@
       
       body
       more
      +extra
      \\ No newline at end of file
      diff --git a/fresh.txt b/fresh.txt
      new file mode 100644
      diff --git a/gone.txt b/gone.txt
      deleted file mode 100644
      --- a/gone.txt
      +++ /dev/null
      @@ -1 +0,0 @@
      -bye
      diff --git a/tail.txt b/tail.txt
      --- a/tail.txt
      +++ b/tail.txt
      @@ -1,2 +1,2 @@
       a
      -b
      \\ No newline at end of file
      +b
      "
    `);
  });

  it('applies with git apply: renames, edits, adds, deletes, empty files, CRLF and quoted paths', async () => {
    await expectRoundTrip(
      {
        'docs/user-management/a.mdx': lines(0, 30),
        'docs/user-management/b.mdx': lines(100, 130),
        'docs/old name.md': 'x\ny\n',
        'src/café.txt': lines(200, 210),
        'crlf.txt': 'one\r\ntwo\r\nthree\r\n',
        'empty-gone.txt': '',
        'gone.txt': lines(300, 305),
        'tail.txt': 'no newline',
      },
      {
        'docs/authkit/a.mdx': lines(0, 30).replace('L0000010x', 'edited'),
        'docs/authkit/b.mdx': lines(100, 130),
        'docs/new name.md': 'x\ny\nz\n',
        'src/cafe.txt': `${lines(200, 209)}new\n`,
        'crlf.txt': 'one\r\n2\r\nthree\r\n',
        'empty-new.txt': '',
        'fresh.txt': 'hello',
        'tail.txt': 'no newline\n',
      },
    );
  });

  it('applies with git apply on generated tree pairs', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { oldTree, newTree } = randomTreePair(seededRandom(1000 + seed));
      await expectRoundTrip(oldTree, newTree);
    }
  });

  it('shows UTF-8 text as text, and compares a side that is not UTF-8 byte for byte', async () => {
    const utf8 = patchFor({ 'a.md': 'café\n日本\nsame 🙂\n' }, { 'a.md': 'café!\n日本\nsame 🙂\n' });
    expect(utf8).toContain('-café\n+café!\n 日本\n same 🙂\n');
    // "é" as one latin1 byte on the old side, as UTF-8 on the new: different bytes, so a changed line,
    // while the lines around it stay equal.
    const oldBytes = Uint8Array.from([...Buffer.from('top\ncaf'), 0xe9, ...Buffer.from('\nend\n')]);
    const newBytes = new Uint8Array(Buffer.from('top\ncafé\nend\n'));
    const mixed = patchFor({ 'b.md': oldBytes }, { 'b.md': newBytes });
    expect(mixed).toContain(' top\n-caf\ufffd\n+café\n end\n');
    // Two different bytes that are not UTF-8 read alike as text, yet the lines differ.
    const otherByte = Uint8Array.from([...Buffer.from('top\ncaf'), 0xe8, ...Buffer.from('\nend\n')]);
    expect(patchFor({ 'b.md': oldBytes }, { 'b.md': otherByte })).toContain(' top\n-caf\ufffd\n+caf\ufffd\n end\n');
    await expectRoundTrip({ 'c.md': 'ß\n日本\n' }, { 'c.md': 'ß\nü\n日本\n' });
  });

  it('says a binary file differs instead of printing its bytes', () => {
    const patch = patchFor({ 'logo.png': new Uint8Array([0x89, 0, 1]) }, { 'logo.png': new Uint8Array([0x89, 0, 2]) });
    expect(patch).toBe('diff --git a/logo.png b/logo.png\nBinary files a/logo.png and b/logo.png differ\n');
  });

  it('limits a whole-diff patch to the files a path filter selects', () => {
    const oldTree = { 'docs/a.md': 'a\n', 'other/b.md': 'b\n' };
    const newTree = { 'docs/a.md': 'A\n', 'other/b.md': 'B\n' };
    const oldFiles = inputFiles(oldTree);
    const newFiles = inputFiles(newTree);
    const patch = renderPatch(diffTrees(oldFiles, newFiles), oldFiles, newFiles, { path: 'docs' });
    expect(patch).toContain('diff --git a/docs/a.md b/docs/a.md');
    expect(patch).not.toContain('other/b.md');
  });
});
