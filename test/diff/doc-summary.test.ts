// The rules every consumer's listing follows: which changed files are pages, which renames a folder
// move explains, which pages a move left behind, and which pages changed most.
import { describe, expect, it } from 'vitest';
import { isPagePath, summarizeDocChanges } from '../../src/diff/index.ts';
import type { FileChange } from '../../src/types.ts';
import { versionDiffOf } from '../support/version-diff.ts';

const sections = (added: number, changed = 0) => ({
  titleBefore: 'T',
  titleAfter: 'T',
  frontmatter: [],
  sections: { added: Array.from({ length: added }, (_, i) => `A${i}`), removed: [], changed: Array.from({ length: changed }, (_, i) => `C${i}`) },
  removedAnchors: [],
});

describe('summarizeDocChanges', () => {
  it('calls Markdown/MDX files pages, except navigation data and partials (any `_` folder or file)', () => {
    expect(['docs/a.mdx', 'docs/b.md', 'README.MD'].map(isPagePath)).toEqual([true, true, true]);
    expect(['docs/_navigation.mdx', 'docs/_partials/note.mdx', 'docs/logo.png', 'docs/data.json'].map(isPagePath)).toEqual([false, false, false, false]);
    const files: FileChange[] = [
      { status: 'added', path: 'docs/_navigation.mdx', additions: 4, deletions: 0, title: null },
      { status: 'added', path: 'docs/new.mdx', additions: 4, deletions: 0, title: 'New' },
      // A page that became a partial is still a page that went away from its URL.
      { status: 'renamed', path: 'docs/_partials/old.mdx', oldPath: 'docs/old.mdx', similarity: 1, additions: 0, deletions: 0, title: null },
    ];
    const summary = summarizeDocChanges(versionDiffOf(files));
    expect(summary.addedPages.map((change) => change.path)).toEqual(['docs/new.mdx']);
    expect(summary.otherFiles.map((change) => change.path)).toEqual(['docs/_navigation.mdx']);
    expect(summary.renamedPages.map((change) => change.oldPath)).toEqual(['docs/old.mdx']);
  });

  it('lets a folder move explain only the renames it is the folder pair of, and names the pages it left behind', () => {
    const move = { from: 'docs/um', to: 'docs/authkit', files: 2, edited: 0 };
    const files: FileChange[] = [
      { status: 'renamed', path: 'docs/authkit/a.mdx', oldPath: 'docs/um/a.mdx', similarity: 1, additions: 0, deletions: 0, title: 'A' },
      { status: 'renamed', path: 'docs/authkit/sso/b.mdx', oldPath: 'docs/um/sso/b.mdx', similarity: 1, additions: 0, deletions: 0, title: 'B' },
      // Inside both folders, but one level deeper / under a new name: no move says where it went.
      { status: 'renamed', path: 'docs/authkit/deep/c.mdx', oldPath: 'docs/um/c.mdx', similarity: 1, additions: 0, deletions: 0, title: 'C' },
      { status: 'renamed', path: 'docs/authkit/dee.mdx', oldPath: 'docs/um/d.mdx', similarity: 0.9, additions: 1, deletions: 1, title: 'D' },
      { status: 'renamed', path: 'docs/authkit/logo.png', oldPath: 'docs/um/logo.png', similarity: 1, additions: 0, deletions: 0, binary: true },
      { status: 'removed', path: 'docs/um/gone.mdx', additions: 0, deletions: 3, title: 'Gone' },
      { status: 'removed', path: 'docs/elsewhere.mdx', additions: 0, deletions: 3, title: 'Elsewhere' },
    ];
    const summary = summarizeDocChanges(versionDiffOf(files, [{ ...move, files: 3 }]));
    expect(summary.movedPages.map((change) => change.title)).toEqual(['A', 'B']);
    expect(summary.renamedPages.map((change) => change.title)).toEqual(['C', 'D']);
    expect(summary.moves).toEqual([{ ...move, files: 3, pages: 2, pagesLeftBehind: [files[5]] }]);
    expect(summary.otherFiles.map((change) => change.path)).toEqual(['docs/authkit/logo.png']);
  });

  it('ranks edited pages by lines changed, then by sections changed, then by path; binary and unchanged pages are not edited', () => {
    const files: FileChange[] = [
      { status: 'modified', path: 'docs/b.mdx', additions: 5, deletions: 5, title: 'B', doc: sections(1) },
      { status: 'modified', path: 'docs/a.mdx', additions: 5, deletions: 5, title: 'A', doc: sections(1) },
      { status: 'modified', path: 'docs/c.mdx', additions: 5, deletions: 5, title: 'C', doc: sections(1, 2) },
      { status: 'modified', path: 'docs/big.mdx', additions: 40, deletions: 1, title: 'Big' },
      { status: 'modified', path: 'docs/bin.mdx', additions: 0, deletions: 0, binary: true },
      { status: 'renamed', path: 'docs/same2.mdx', oldPath: 'docs/same.mdx', similarity: 1, additions: 0, deletions: 0, title: 'Same' },
      { status: 'modified', path: 'docs/data.json', additions: 90, deletions: 90 },
    ];
    const summary = summarizeDocChanges(versionDiffOf(files));
    expect(summary.editedPages.map((change) => change.title)).toEqual(['Big', 'C', 'A', 'B']);
    expect(summary.modifiedPages).toHaveLength(5);
    expect(summary.otherFiles.map((change) => change.path)).toEqual(['docs/data.json']);
  });
});
