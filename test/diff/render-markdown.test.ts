import { describe, expect, it } from 'vitest';
import { diffTrees, renderMarkdown, toVersionDiff, type DiffInputFile } from '../../src/diff/index.ts';
import { docMetaOf } from '../support/diff-doc-meta.ts';
import { bytesOf, lines, sha256 } from '../support/git-trees.ts';

function tree(files: Record<string, string>): DiffInputFile[] {
  return Object.entries(files).map(([path, text]) => ({
    path,
    sha256: sha256(bytesOf(text)),
    bytes: bytesOf(text),
    doc: /\.mdx?$/.test(path) ? docMetaOf(text) : null,
  }));
}

const SSO = `---
title: Single Sign-On
description: Connect your IdP
---
# Single Sign-On

## Setup

Step one.

## Legacy

Old stuff.
`;

describe('markdown changelog', () => {
  it('lists moves first, then pages added, removed, renamed and modified, then other files', () => {
    const before = tree({
      'docs/user-management/a.mdx': `# Actions\n\n${lines(0, 9)}`,
      'docs/user-management/b.mdx': `# Branding\n\n${lines(100, 109)}`,
      'docs/sso.mdx': SSO,
      'docs/old.mdx': '# Old *page*\n\nbye\n',
      'dist/index.js': 'a\n',
    });
    const after = tree({
      'docs/authkit/a.mdx': `# Actions\n\n${lines(0, 8)}changed\n`,
      'docs/authkit/b.mdx': `# Branding\n\n${lines(100, 109)}`,
      'docs/sso.mdx': SSO.replace('description: Connect your IdP', 'description: Connect any IdP')
        .replace('Step one.', 'Step one, two.')
        .replace('## Legacy\n\nOld stuff.\n', '## Testing\n\nTry it.\n'),
      'docs/new.mdx': '---\ntitle: Events\n---\nbody\n',
      'dist/index.js': 'b\n',
    });
    const diff = toVersionDiff('@workos/mcp-docs-server', '0.1.0', '0.2.0', diffTrees(before, after));
    expect(renderMarkdown(diff)).toMatchInlineSnapshot(`
      "# @workos/mcp-docs-server 0.1.0 → 0.2.0

      6 files changed: 1 added, 1 removed, 2 modified, 2 renamed, +10 -9

      ## Folder moves (1)

      - \`docs/{user-management → authkit}/\`: 2 files, 1 edited

      ## Added pages (1)

      - **Events** — \`docs/new.mdx\`

      ## Removed pages (1)

      - **Old \\*page\\*** — \`docs/old.mdx\`

      ## Pages moved with their folder (2)

      - **Actions** — \`docs/{user-management → authkit}/a.mdx\` (90% similar, +1 −1)
        - sections changed: Actions
      - **Branding** — \`docs/{user-management → authkit}/b.mdx\` (100% similar, +0 −0)

      ## Modified pages (1)

      - **Single Sign-On** — \`docs/sso.mdx\` (+4 −4)
        - \`description\`: \`Connect your IdP\` → \`Connect any IdP\`
        - sections added: Testing
        - sections removed: Legacy
        - sections changed: Setup
        - anchors gone: \`#legacy\`

      ## Other files (1)

      - modified \`dist/index.js\` (+1 −1)
      "
    `);
  });
});
