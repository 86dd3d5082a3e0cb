import { describe, expect, it } from 'vitest';
import { diffTrees, docChanges } from '../../src/diff/index.ts';
import { docMetaOf } from '../support/diff-doc-meta.ts';
import { bytesOf, sha256 } from '../support/git-trees.ts';

const page = (text: string) => ({ text, doc: docMetaOf(text) });
const compare = (before: string, after: string) => {
  const a = page(before);
  const b = page(after);
  return docChanges(a.text, a.doc, b.text, b.doc);
};

const BEFORE = `---
title: Single Sign-On
description: Connect your IdP
sidebar: sso
---
# Single Sign-On

Intro.

## Setup

Step one.

## Testing

Try it.

## Legacy

Old stuff.
`;

describe('doc changes', () => {
  it('reports the title, changed frontmatter fields and section changes of a page', () => {
    const after = BEFORE.replace('title: Single Sign-On', 'title: SSO')
      .replace('description: Connect your IdP', 'description: Connect any IdP')
      .replace('sidebar: sso\n', 'order: 2\n')
      .replace('Step one.', 'Step one, then two.')
      .replace('## Legacy\n\nOld stuff.\n', '## Troubleshooting\n\nHelp.\n');
    expect(compare(BEFORE, after)).toEqual({
      titleBefore: 'Single Sign-On',
      titleAfter: 'SSO',
      frontmatter: [
        { field: 'description', before: 'Connect your IdP', after: 'Connect any IdP' },
        { field: 'order', before: null, after: '2' },
        { field: 'sidebar', before: 'sso', after: null },
        { field: 'title', before: 'Single Sign-On', after: 'SSO' },
      ],
      sections: { added: ['Troubleshooting'], removed: ['Legacy'], changed: ['Setup'] },
      removedAnchors: ['legacy'],
    });
  });

  it('does not call a section changed when only its position or trailing spaces moved', () => {
    const after = BEFORE.replace('Intro.', 'Intro.  \n\n').replace('Try it.', 'Try it.   ');
    expect(compare(BEFORE, after).sections).toEqual({ added: [], removed: [], changed: [] });
  });

  it('compares frontmatter values by content, whatever the key order', () => {
    const a = { ...docMetaOf('x\n'), frontmatter: { meta: { a: 1, b: [1, 2] } } };
    const b = { ...docMetaOf('x\n'), frontmatter: { meta: { b: [1, 2], a: 1 } } };
    expect(docChanges('x\n', a, 'x\n', b).frontmatter).toEqual([]);
  });

  it('attaches doc changes and titles to files in diffTrees when both sides carry DocMeta', () => {
    const file = (path: string, text: string) => ({ path, sha256: sha256(bytesOf(text)), bytes: bytesOf(text), doc: docMetaOf(text) });
    const after = BEFORE.replace('Try it.', 'Try it twice.');
    const result = diffTrees(
      [file('docs/sso.mdx', BEFORE), file('docs/gone.mdx', '# Gone page\n')],
      [file('docs/sso.mdx', after), file('docs/new.mdx', '# New page\n')],
    );
    expect(result.files.map((change) => [change.status, change.path, change.title])).toEqual([
      ['removed', 'docs/gone.mdx', 'Gone page'],
      ['added', 'docs/new.mdx', 'New page'],
      ['modified', 'docs/sso.mdx', 'Single Sign-On'],
    ]);
    expect(result.files[2]!.doc?.sections.changed).toEqual(['Testing']);
    expect(result.files[0]!.doc).toBeUndefined();
  });
});
