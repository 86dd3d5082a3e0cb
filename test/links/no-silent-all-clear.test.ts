// A link check that could not check is never an all-clear: the report says why, and the digest says
// "links not checked" rather than "no broken links".
import { describe, expect, it } from 'vitest';
import { buildDigestMessage } from '../../src/digest/build-digest.ts';
import { summarizeDocChanges } from '../../src/diff/doc-summary.ts';
import { linkWarnings } from '../../src/links/report-warnings.ts';
import { detectDocsLayout, type DocsLayout, singleRootLayout } from '../../src/normalize/index.ts';
import { versionDiffOf } from '../support/version-diff.ts';

const withPages: DocsLayout = { ...singleRootLayout('docs'), pages: 10, source: 'detected' };
const facts = (version: string, checked: number, broken: number, layout = withPages) => ({ version, layout, files: 12, checked, broken });

describe('link report warnings', () => {
  it('says a version has no pages, with what detection looked for', () => {
    const empty = detectDocsLayout([{ path: 'package.json', links: [] }, { path: 'dist/index.js', links: [] }]);
    const warnings = linkWarnings(facts('1.0.0', 0, 0, empty), facts('2.0.0', 30, 0), { scanning: false });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'no-pages', version: '1.0.0', blocking: true });
    expect(warnings[0]!.message).toMatch(/no pages found: 2 files, 0 Markdown; looked for .md\/.mdx files in folders named docs/);
    expect(warnings[0]!.message).toContain('docdelta settings docs.roots=');
  });

  it('says a route scheme that resolves under half of the internal links is likely wrong', () => {
    const [warning] = linkWarnings(facts('1.0.0', 40, 1), facts('2.0.0', 100, 93), { scanning: false });
    expect(warning).toMatchObject({ code: 'scheme-mismatch', version: '2.0.0', blocking: true });
    expect(warning!.message).toContain('only 7% of its 100 internal links resolve to a page under docs/ at /');
    // A few broken links are a finding, not a wrong scheme; too few links say nothing either way.
    expect(linkWarnings(facts('1.0.0', 40, 5), facts('2.0.0', 100, 20), { scanning: false })).toEqual([]);
    expect(linkWarnings(facts('1.0.0', 5, 5), facts('2.0.0', 10, 10), { scanning: false })).toEqual([]);
  });

  it('says when nothing was checked at all, unless an outside folder was scanned', () => {
    expect(linkWarnings(facts('1.0.0', 0, 0), facts('2.0.0', 0, 0), { scanning: false }).map((warning) => warning.code)).toEqual(['nothing-checked']);
    expect(linkWarnings(facts('1.0.0', 0, 0), facts('2.0.0', 0, 0), { scanning: true })).toEqual([]);
  });
});

describe('the digest', () => {
  it('says the links were not checked, and why, instead of a count', () => {
    const diff = versionDiffOf([{ status: 'modified', path: 'docs/a.md', additions: 1, deletions: 0 }], [], '@acme/docs');
    const base = { summary: summarizeDocChanges(diff), from: { version: diff.from, publishedAt: null }, to: { version: diff.to, publishedAt: null }, releases: [diff.to], docsRoot: 'docs', baseUrl: 'https://docdelta.example.com' };
    const warned = JSON.stringify(buildDigestMessage({ ...base, brokenLinks: null, linkWarning: '2.0.0: no pages found: 3 files, 0 Markdown' }));
    expect(warned).toContain(':warning: Links not checked: 2.0.0: no pages found: 3 files, 0 Markdown');
    expect(warned).not.toContain('No broken links');
    expect(JSON.stringify(buildDigestMessage({ ...base, brokenLinks: 0 }))).toContain('No broken links');
  });
});
