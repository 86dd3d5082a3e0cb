import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { type Changelog, type ChangelogEntry, renderAtomFeed, renderChangelogMarkdown, summarizeDiff } from '../../src/changelog/index.ts';
import { codeSpan, escapeMarkdown } from '../../src/changelog/render-markdown-changelog.ts';
import { escapeXml, stripNonXml } from '../../src/changelog/render-atom-feed.ts';
import type { FileChange, VersionDiff } from '../../src/types.ts';
import { versionDiffOf } from '../support/version-diff.ts';

const doc = (sections: Partial<{ added: string[]; removed: string[]; changed: string[] }> = {}) => ({
  titleBefore: null,
  titleAfter: null,
  frontmatter: [],
  sections: { added: [], removed: [], changed: [], ...sections },
  removedAnchors: [],
});

const versionDiff = (files: FileChange[], moves: VersionDiff['moves'] = []) => versionDiffOf(files, moves, 'docs');

describe('summarizeDiff', () => {
  it('lists renames only when no folder move explains them, and ranks pages by changed lines', () => {
    const files: FileChange[] = [
      { status: 'renamed', path: 'docs/authkit/a.mdx', oldPath: 'docs/um/a.mdx', similarity: 1, additions: 0, deletions: 0, title: 'A' },
      { status: 'renamed', path: 'docs/authkit/b.mdx', oldPath: 'docs/um/b.mdx', similarity: 0.9, additions: 4, deletions: 2, title: 'B', doc: doc({ added: ['New'] }) },
      { status: 'renamed', path: 'docs/guides/c.mdx', oldPath: 'docs/c.mdx', similarity: 1, additions: 0, deletions: 0, title: 'C' },
      { status: 'renamed', path: 'docs/authkit/deep/d.mdx', oldPath: 'docs/um/d.mdx', similarity: 1, additions: 0, deletions: 0, title: 'D' },
      { status: 'modified', path: 'docs/x.mdx', additions: 30, deletions: 1, title: 'X', doc: doc({ changed: ['Setup'] }) },
      { status: 'modified', path: 'docs/y.md', additions: 1, deletions: 0, title: null },
      { status: 'modified', path: 'docs/logo.png', additions: 0, deletions: 0, binary: true },
      { status: 'added', path: 'docs/new.mdx', additions: 5, deletions: 0, title: 'New page' },
      { status: 'removed', path: 'docs/old.mdx', additions: 0, deletions: 5, title: 'Old page' },
      { status: 'added', path: 'package.json', additions: 1, deletions: 0 },
    ];
    const summary = summarizeDiff(versionDiff(files, [{ from: 'docs/um', to: 'docs/authkit', files: 2, edited: 1 }]));
    expect(summary.renamedPages.items.map((page) => page.path)).toEqual(['docs/guides/c.mdx', 'docs/authkit/deep/d.mdx']);
    expect(summary.mostChanged.map((page) => [page.path, page.additions + page.deletions])).toEqual([
      ['docs/x.mdx', 31],
      ['docs/authkit/b.mdx', 6],
      ['docs/y.md', 1],
    ]);
    expect(summary.mostChanged[0]!.sectionsChanged).toEqual(['Setup']);
    expect(summary.mostChanged[1]).toMatchObject({ oldPath: 'docs/um/b.mdx', sectionsAdded: ['New'] });
    expect(summary.addedPages).toEqual({ items: [{ path: 'docs/new.mdx', title: 'New page' }], total: 1 });
    expect(summary.removedPages.items[0]).toEqual({ path: 'docs/old.mdx', title: 'Old page' });
    expect(summary.otherFiles).toBe(2);
  });

  it('bounds every list and says how many there were', () => {
    const files: FileChange[] = Array.from({ length: 25 }, (_, i) => ({ status: 'added' as const, path: `docs/p${String(i).padStart(2, '0')}.mdx`, additions: 1, deletions: 0, title: `P${i}` }));
    const summary = summarizeDiff(versionDiff(files), { maxListed: 3 });
    expect(summary.addedPages.items.map((page) => page.title)).toEqual(['P0', 'P1', 'P2']);
    expect(summary.addedPages.total).toBe(25);
    const entry: ChangelogEntry = { package: 'docs', version: '2.0.0', previous: '1.0.0', date: '2025-01-01T00:00:00.000Z', url: 'https://x.test/d', changes: summary, files: 25 };
    expect(renderChangelogMarkdown({ package: 'docs', entries: [entry] })).toContain('- …and 22 more');
  });
});

const hostile = 'A <script>alert(1)</script> & "quotes" \'apos\' ]]> `tick` **bold** [link](javascript:x) \u0000nul \u0007bell \ud800lone 😀';

function hostileChangelog(): Changelog {
  const summary = summarizeDiff(
    versionDiff([
      { status: 'added', path: 'docs/`odd` <path>.mdx', additions: 1, deletions: 0, title: hostile },
      { status: 'modified', path: 'docs/x.mdx', additions: 2, deletions: 1, title: 'X', doc: doc({ added: [hostile] }) },
    ]),
  );
  return {
    package: '@scope/docs',
    entries: [
      { package: '@scope/docs', version: '2.0.0', previous: '1.0.0', date: '2025-02-01T00:00:00.000Z', url: 'https://x.test/p/@scope/docs/diff/1.0.0...2.0.0?a=1&b=2', changes: summary, files: 2 },
      { package: '@scope/docs', version: '1.0.0', previous: null, date: '2025-01-01T00:00:00.000Z', url: 'https://x.test/p/@scope/docs', changes: null, files: 1 },
    ],
  };
}

describe('the Atom feed', () => {
  it('stays well-formed XML whatever the doc text holds, and carries the text escaped', () => {
    const xml = renderAtomFeed(hostileChangelog(), { selfUrl: 'https://x.test/changelog.xml?package=@scope/docs&limit=5', siteUrl: 'https://x.test/' });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.includes('\u0000') || xml.includes('\u0007')).toBe(false);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' }).parse(xml).feed;
    expect(feed.link[0]['@href']).toBe('https://x.test/changelog.xml?package=@scope/docs&limit=5');
    const [latest, first] = feed.entry;
    expect(latest.id).toBe('urn:docdelta:changelog:%40scope%2Fdocs:2.0.0');
    expect(first.id).toBe('urn:docdelta:changelog:%40scope%2Fdocs:1.0.0');
    expect(first.title['#text']).toBe('@scope/docs 1.0.0: first version docdelta stored (1 file)');
    // Once the XML layer is undone, the content is an HTML fragment in which doc text is escaped
    // exactly once: a feed reader shows the title as written and runs nothing.
    const html: string = latest.content['#text'];
    expect(html).toContain('<strong>A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;apos&#39; ]]&gt; `tick` **bold**');
    expect(html).not.toContain('<script>');
    expect(html).toContain('😀');
    expect(html).toContain('<code>docs/`odd` &lt;path&gt;.mdx</code>');
    expect(html).toContain('<a href="https://x.test/p/@scope/docs/diff/1.0.0...2.0.0?a=1&amp;b=2">See the full diff</a>');
  });

  it('is stable for an empty changelog', () => {
    const xml = renderAtomFeed({ package: null, entries: [] }, { selfUrl: 'https://x.test/changelog.xml', siteUrl: 'https://x.test/' });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
  });
});

describe('Markdown escaping', () => {
  it('escapes markup in doc text and fences code spans around backticks', () => {
    expect(escapeMarkdown('<b>x</b> **y** [z](u) # h')).toBe('\\<b\\>x\\</b\\> \\*\\*y\\*\\* \\[z\\](u) \\# h');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`edge`')).toBe('`` `edge` ``');
  });

  it('renders the hostile changelog without live markup', () => {
    const markdown = renderChangelogMarkdown(hostileChangelog());
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).toContain('``docs/`odd` <path>.mdx``');
    expect(markdown).toContain('\\[link\\](javascript:x)');
  });

  it('keeps XML-invalid characters out of feed text only', () => {
    expect(stripNonXml('a\u0000b\u0001c\ud800d\uffffe\tf')).toBe('abcde\tf');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
