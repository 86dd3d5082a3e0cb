import { afterEach, describe, expect, it } from 'vitest';
import { diffTrees, ignoreWhitespace, renderNumstat, type DiffInputFile } from '../../src/diff/index.ts';
import { countIgnoringWhitespace } from '../../src/diff/whitespace.ts';
import { docMetaOf } from '../support/diff-doc-meta.ts';
import { git, gitTreePair, inputFiles, type GitTreePair, type Tree } from '../support/git-trees.ts';

const pairs: GitTreePair[] = [];
afterEach(() => {
  for (const pair of pairs.splice(0)) pair.dispose();
});

const bytes = (text: string) => new TextEncoder().encode(text);

function pages(tree: Record<string, string>): DiffInputFile[] {
  return inputFiles(tree).map((file) => ({ ...file, doc: docMetaOf(tree[file.path]!) }));
}

describe('whitespace-only changes', () => {
  it('counts lines as git diff -w does: whitespace inside lines ignored, line breaks kept', () => {
    expect(countIgnoringWhitespace(bytes('a b\nc\n'), bytes('a  b\nc\n'))).toEqual({ additions: 0, deletions: 0 });
    expect(countIgnoringWhitespace(bytes('a b\n'), bytes('a\u00a0b\n'))).toEqual({ additions: 0, deletions: 0 });
    expect(countIgnoringWhitespace(bytes('a b\n'), bytes('a b\n\n'))).toEqual({ additions: 1, deletions: 0 });
    expect(countIgnoringWhitespace(bytes('a b\n'), bytes('a\nb\n'))).toEqual({ additions: 2, deletions: 1 });
  });

  it('marks a page whose only change is a non-breaking space, and the frontmatter field it touched', () => {
    const before = { 'docs/sso.mdx': '---\ntitle: SSO\ndescription: Single sign on\n---\n# SSO\n\nText.\n' };
    const after = { 'docs/sso.mdx': '---\ntitle: SSO\ndescription: Single\u00a0sign on\n---\n# SSO\n\nText.\n' };
    const [change] = diffTrees(pages(before), pages(after)).files;
    expect(change).toMatchObject({ status: 'modified', additions: 1, deletions: 1, whitespaceOnly: true, ignoringWhitespace: { additions: 0, deletions: 0 } });
    expect(change!.doc!.frontmatter).toEqual([{ field: 'description', before: 'Single sign on', after: 'Single\u00a0sign on', whitespaceOnly: true }]);
  });

  it('does not mark a page that also changed visibly, but counts what -w would show', () => {
    const before = { 'docs/a.mdx': '---\ndescription: One two\n---\nkeep\nold line\n' };
    const after = { 'docs/a.mdx': '---\ndescription: One\u00a0two!\n---\nkeep  \nnew line\n' };
    const [change] = diffTrees(pages(before), pages(after)).files;
    expect(change!.whitespaceOnly).toBeUndefined();
    expect(change!.ignoringWhitespace).toEqual({ additions: 2, deletions: 2 });
    expect(change!.doc!.frontmatter[0]!.whitespaceOnly).toBeUndefined();
  });

  it('-w hides what git diff -w hides and counts what it counts', () => {
    const oldTree: Tree = {
      'spaces.md': 'a b\n\tc\nd\n',
      'mixed.md': 'one two\nthree\nfour\n',
      'blank.md': 'x\n',
      'moved/keep.md': 'p q\nr\ns\nt\n',
    };
    const newTree: Tree = {
      'spaces.md': 'a   b\n    c\nd  \n',
      'mixed.md': 'one  two\nTHREE\nfour\n',
      'blank.md': 'x\n\n',
      'renamed/keep.md': 'p  q\nr\ns\nt\n',
    };
    const pair = gitTreePair(oldTree, newTree);
    pairs.push(pair);
    const diff = diffTrees(inputFiles(oldTree), inputFiles(newTree));
    const theirs = git(['diff', '-M', '-w', '--numstat', pair.oldTree, pair.newTree], { cwd: pair.dir }).toString();
    expect(renderNumstat(ignoreWhitespace(diff))).toBe(theirs);
    expect(diff.files.filter((change) => change.whitespaceOnly).map((change) => change.path)).toEqual(['renamed/keep.md', 'spaces.md']);
    const hidden = ignoreWhitespace(diff);
    expect(hidden.summary).toMatchObject({ modified: 2, renamed: 1, additions: 2, deletions: 1 });
  });

  it('drops whitespace-only frontmatter fields under -w', () => {
    const before = { 'a.mdx': '---\ndescription: One two\ntitle: A\n---\nbody\n' };
    const after = { 'a.mdx': '---\ndescription: One\u00a0two\ntitle: B\n---\nbody\n' };
    const diff = ignoreWhitespace(diffTrees(pages(before), pages(after)));
    expect(diff.files[0]!.doc!.frontmatter.map((field) => field.field)).toEqual(['title']);
    expect(diff.files[0]).toMatchObject({ additions: 1, deletions: 1 });
  });
});
