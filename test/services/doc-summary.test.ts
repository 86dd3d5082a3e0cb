// The four consumers of a version diff — the Slack digest, the changelog, MCP's what_changed (over
// HTTP with the SDK's real Client) and the Markdown renderer — describe one stored pair, and they
// must agree on which pages were added, removed and renamed outside folder moves, and which folders
// moved. The fixture has the cases that used to split them: a navigation file (`_navigation.mdx`,
// not a page), a page whose folder moved but which also went into a sub-folder (no move explains
// it), a page renamed elsewhere, and a page left behind (removed) in the moved folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChangelog, renderChangelogMarkdown } from '../../src/changelog/index.ts';
import { renderMarkdown } from '../../src/diff/index.ts';
import { runDigest } from '../../src/digest/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { getDocSummary } from '../../src/services/doc-summary.ts';
import { getVersionDiff } from '../../src/services/version-diff.ts';
import { type McpSession, openMcpSession } from '../mcp/support/mcp-session.ts';
import { callTool } from '../mcp/support/tool-results.ts';
import { seedPackage } from '../support/seed.ts';

const PKG = '@agree/docs';

const page = (title: string, topic: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: About ${topic}\n---\n\n# ${title}\n\n` +
  Array.from({ length: 6 }, (_, i) => `${topic} paragraph ${i + 1} says one thing about ${topic}.`).join('\n\n') +
  `\n${extra}`;

const V1: Record<string, string> = {
  'package.json': '{"name":"@agree/docs","version":"1.0.0"}\n',
  'docs/index.mdx': page('Home', 'home'),
  'docs/sso.mdx': page('Single Sign-On', 'sso', '\n## Setup\n\nOne step.\n'),
  'docs/user-management/index.mdx': page('User Management', 'overview'),
  'docs/user-management/users.mdx': page('Users', 'users'),
  'docs/user-management/sessions.mdx': page('Sessions', 'sessions'),
  'docs/user-management/mfa.mdx': page('Multi-Factor Auth', 'mfa'),
  'docs/user-management/legacy-tokens.mdx': page('Legacy Tokens', 'tokens'),
  'docs/guides/quickstart.mdx': page('Quickstart', 'quickstart'),
};

const V2: Record<string, string> = {
  'package.json': '{"name":"@agree/docs","version":"2.0.0"}\n',
  'docs/index.mdx': page('Home', 'home'),
  'docs/sso.mdx': page('Single Sign-On', 'sso', '\n## Setup\n\nOne step, then two.\n\n## Troubleshooting\n\nAsk.\n\nOr search.\n').replace('About sso', 'SSO for everyone'),
  'docs/authkit/index.mdx': page('User Management', 'overview'),
  'docs/authkit/users.mdx': page('Users', 'users'),
  'docs/authkit/sessions.mdx': page('Sessions', 'sessions'),
  // Under the moved folder's new name, but one folder deeper: the move does not explain it.
  'docs/authkit/security/mfa.mdx': page('Multi-Factor Auth', 'mfa'),
  'docs/get-started.mdx': page('Quickstart', 'quickstart'),
  'docs/authkit/passkeys.mdx': page('Passkeys', 'passkeys'),
  'docs/_navigation.mdx': '---\nitems:\n  - title: Users\n    url: /authkit/users\n---\n',
};

/** What a consumer listed, in one comparable shape: page titles per list, moves as `from→to` below `docs/`. */
interface Listed {
  added: string[];
  removed: string[];
  renamedAlone: string[];
  moves: string[];
}

const EXPECTED: Listed = {
  added: ['Passkeys'],
  removed: ['Legacy Tokens'],
  renamedAlone: ['Multi-Factor Auth', 'Quickstart'],
  moves: ['user-management→authkit'],
};

const sorted = (items: Iterable<string>) => [...items].sort();
const bare = (folder: string) => folder.replace(/^docs\//, '').replace(/\/+$/, '');

/** `docs/{a → b}/` (git's folded form) or `a/ → b/` as `a→b`, below `docs/`. */
function moveKey(text: string): string {
  const folded = /^(.*)\{(.*) → (.*)\}(.*)$/.exec(text);
  const [from, to] = folded ? [`${folded[1]}${folded[2]}${folded[4]}`, `${folded[1]}${folded[3]}${folded[4]}`] : text.split(' → ');
  return `${bare(from!)}→${bare(to!)}`;
}

/** Lines of a Markdown section, from its heading to the next heading of any level. */
function sectionLines(markdown: string, heading: RegExp): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('#'));
  return (end < 0 ? rest : rest.slice(0, end)).filter((line) => line.startsWith('- '));
}

const boldTitles = (lines: string[]) => sorted(lines.map((line) => /\*\*(.+?)\*\*/.exec(line)?.[1] ?? line));
const firstCode = (line: string) => /`([^`]+)`/.exec(line)?.[1] ?? line;

function fromMarkdown(markdown: string, headings: { added: RegExp; removed: RegExp; renamed: RegExp; moves: RegExp }): Listed {
  return {
    added: boldTitles(sectionLines(markdown, headings.added)),
    removed: boldTitles(sectionLines(markdown, headings.removed)),
    renamedAlone: boldTitles(sectionLines(markdown, headings.renamed)),
    moves: sorted(sectionLines(markdown, headings.moves).map((line) => moveKey(firstCode(line)))),
  };
}

describe('one doc summary, four consumers', () => {
  let session: McpSession;
  let ctx: ServiceContext;

  beforeAll(async () => {
    session = await openMcpSession({
      env: { PUBLIC_BASE_URL: 'https://docdelta.example.com' },
      seed: (seeded) =>
        seedPackage(seeded, PKG, [
          { version: '1.0.0', files: V1 },
          { version: '2.0.0', files: V2 },
        ]),
    });
    ctx = session.ctx;
  });
  afterAll(() => session?.close());

  it('the summary itself: _navigation.mdx is another file, and two renames are left for no move to explain', async () => {
    const summary = await getDocSummary(ctx, { package: PKG, from: '1.0.0', to: '2.0.0' });
    expect(summary.otherFiles.map((change) => change.path).sort()).toEqual(['docs/_navigation.mdx', 'package.json']);
    expect(summary.renamedPages.map((change) => `${change.oldPath} → ${change.path}`).sort()).toEqual([
      'docs/guides/quickstart.mdx → docs/get-started.mdx',
      'docs/user-management/mfa.mdx → docs/authkit/security/mfa.mdx',
    ]);
    expect(summary.moves).toMatchObject([{ from: 'docs/user-management', to: 'docs/authkit', files: 3, pages: 3 }]);
    expect(summary.moves[0]!.pagesLeftBehind.map((change) => change.path)).toEqual(['docs/user-management/legacy-tokens.mdx']);
    expect(summary.editedPages[0]!.title).toBe('Single Sign-On');
    // Computed once per diff and shared, so no consumer can change what the others read.
    expect(await getDocSummary(ctx, { package: PKG, from: '1.0.0', to: '2.0.0' })).toBe(summary);
    expect(Object.isFrozen(summary) && Object.isFrozen(summary.addedPages)).toBe(true);
  });

  it('the Markdown renderer, the changelog, the digest and MCP list the same pages and moves', async () => {
    const markdown = renderMarkdown(await getVersionDiff(ctx, { package: PKG, from: '1.0.0', to: '2.0.0' }));
    const rendered = fromMarkdown(markdown, {
      added: /^## Added pages/,
      removed: /^## Removed pages/,
      renamed: /^## Pages renamed outside folder moves/,
      moves: /^## Folder moves/,
    });

    const changelog = await getChangelog(ctx, { package: PKG, limit: 1 });
    const entry = renderChangelogMarkdown(changelog);
    const logged = fromMarkdown(entry, {
      added: /^### New pages/,
      removed: /^### Removed pages/,
      renamed: /^### Renamed pages/,
      moves: /^### Folder moves/,
    });

    const digestRun = await runDigest(ctx, { dryRun: true, linkCounter: null, packages: [PKG] });
    const message = digestRun.details!.digests[0]!.message!;
    const sections = message.blocks.flatMap((block) => (block.type === 'section' && 'text' in block ? [block.text.text] : []));
    const digestList = (title: string) => {
      const text = sections.find((section) => section.startsWith(`*${title}`)) ?? '';
      return text.split('\n').filter((line) => line.startsWith('• '));
    };
    const linkTitle = (line: string) => /\|([^>]+)>/.exec(line)?.[1] ?? line;
    const digest: Listed = {
      added: sorted(digestList('New pages').map(linkTitle)),
      removed: sorted(digestList('Removed pages').map(linkTitle)),
      renamedAlone: sorted(digestList('Pages moved').map(linkTitle)),
      moves: sorted(digestList('Folder moves').map((line) => moveKey([...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]).join(' → ')))),
    };

    const answer = await callTool(session.client, 'what_changed', { package: PKG, from: '1.0.0', to: '2.0.0' });
    expect(answer.isError).toBe(false);
    const structured = answer.structured as {
      addedPages: { titles: string[] }[];
      removedPages: { titles: string[] }[];
      renamedPages: { title?: string | null }[];
      moves: { from: string; to: string }[];
      otherFiles: { path: string }[];
    };
    const mcp: Listed = {
      added: sorted(structured.addedPages.flatMap((group) => group.titles)),
      removed: sorted(structured.removedPages.flatMap((group) => group.titles)),
      renamedAlone: sorted(structured.renamedPages.map((change) => change.title ?? '')),
      moves: sorted(structured.moves.map((move) => `${bare(move.from)}→${bare(move.to)}`)),
    };

    expect({ markdown: rendered, changelog: logged, digest, mcp }).toEqual({ markdown: EXPECTED, changelog: EXPECTED, digest: EXPECTED, mcp: EXPECTED });

    // The navigation file is another file wherever other files are named or counted, never a page.
    expect(sectionLines(markdown, /^## Other files/).join('\n')).toContain('docs/_navigation.mdx');
    expect(markdown).toContain('  - removed, not moved: `docs/user-management/legacy-tokens.mdx`');
    expect(structured.otherFiles.map((change) => change.path)).toContain('docs/_navigation.mdx');
    expect(sections.find((section) => section.startsWith('*New pages'))).toMatch(/^\*New pages \(1\)\* and 1 other file\n/);
    expect(entry).toContain('2 other files changed (not pages).');
    for (const text of [markdown.split('## Other files')[0]!, answer.text.split('Other files changed')[0]!, entry, ...sections]) {
      expect(text).not.toContain('_navigation');
    }

    // Each also puts the same page first among the most changed.
    expect(sectionLines(entry, /^### Most changed pages/)[0]).toContain('**Single Sign-On**');
    expect(digestList('Changed pages')[0] ?? digestList('Most changed pages')[0]).toContain('|Single Sign-On>');
    expect(sectionLines(answer.text, /^## Most-changed pages/)[0]).toContain('**Single Sign-On**');
  });
});
