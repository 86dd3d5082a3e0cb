import { describe, expect, it } from 'vitest';
import { detectDocsRoot, normalizeDocsRoot, normalizeFile, routeFor } from '../../src/normalize/index.ts';

const ROOT = '.docs/organized/docs/';

describe('routeFor', () => {
  it.each([
    ['.docs/organized/docs/authkit/index.mdx', '/authkit'],
    ['.docs/organized/docs/authkit/sso.mdx', '/authkit/sso'],
    ['.docs/organized/docs/index.mdx', '/'],
    ['.docs/organized/docs/glossary.mdx', '/glossary'],
    ['.docs/organized/docs/reference/sso/get-authorization-url/error-codes.mdx', '/reference/sso/get-authorization-url/error-codes'],
    ['.docs/organized/docs/reference/sso/get-authorization-url/index.mdx', '/reference/sso/get-authorization-url'],
    ['.docs/organized/docs/guide.md', '/guide'],
    ['.docs/organized/docs/Guide.MDX', '/Guide'],
  ])('routes %s to %s', (path, route) => {
    expect(routeFor(path, ROOT)).toBe(route);
  });

  it.each([
    ['a navigation file', '.docs/organized/docs/authkit/_navigation.mdx'],
    ['a file in an _-folder', '.docs/organized/docs/sso/_sequence-diagrams/saml.md'],
    ['a file outside the docs root', 'README.md'],
    ['a sibling folder sharing a prefix', '.docs/organized/docs-old/a.mdx'],
    ['a non-Markdown file', '.docs/organized/docs/logo.svg'],
    ['a hidden folder', '.docs/organized/docs/.drafts/a.mdx'],
  ])('gives %s no route', (_name, path) => {
    expect(routeFor(path, ROOT)).toBeNull();
  });

  it('gives no routes without a docs root', () => {
    expect(routeFor('docs/a.mdx', null)).toBeNull();
  });

  it('accepts the root written with or without slashes, and the package root as ""', () => {
    expect(routeFor('docs/a/index.md', 'docs')).toBe('/a');
    expect(routeFor('docs/a/index.md', './docs/')).toBe('/a');
    expect(routeFor('index.md', '')).toBe('/');
    expect(routeFor('guide/intro.md', '')).toBe('/guide/intro');
  });

  it('gives no routes for a root that climbs out of the package', () => {
    expect(normalizeDocsRoot('../docs')).toBeNull();
    expect(routeFor('docs/a.md', 'x/../docs')).toBeNull();
  });
});

describe('detectDocsRoot', () => {
  it('finds .docs/organized/docs/ in the WorkOS package layout', () => {
    expect(
      detectDocsRoot([
        'package.json',
        'README.md',
        'dist/index.js',
        '.docs/organized/changelogs/workos-platform.json',
        '.docs/organized/docs/glossary.mdx',
        '.docs/organized/docs/authkit/index.mdx',
        '.docs/organized/docs/authkit/_navigation.mdx',
      ]),
    ).toBe(ROOT);
  });

  it('finds docs/ in an ordinary repository', () => {
    expect(detectDocsRoot(['README.md', 'CHANGELOG.md', 'docs/index.md', 'docs/guide/setup.md', 'docs/api.md', 'src/index.ts'])).toBe('docs/');
  });

  it('picks the conventional folder holding the most pages', () => {
    expect(detectDocsRoot(['docs/a.md', 'website/content/a.mdx', 'website/content/b.mdx'])).toBe('website/content/');
  });

  it('prefers the deeper folder when two hold the same pages', () => {
    expect(detectDocsRoot(['content/docs/a.md', 'content/docs/b.md'])).toBe('content/docs/');
  });

  it('does not count navigation files and partials as pages', () => {
    expect(detectDocsRoot(['docs/_nav.mdx', 'docs/_a.mdx', 'guides/a.md'])).toBe('guides/');
  });

  it('returns null when no conventional folder holds a page', () => {
    expect(detectDocsRoot(['README.md', 'src/index.ts'])).toBeNull();
    expect(detectDocsRoot([])).toBeNull();
  });
});

describe('normalizeFile with a docs root', () => {
  const files = [
    { path: 'docs/a.md', bytes: new TextEncoder().encode('# A\n') },
    { path: 'other/b.md', bytes: new TextEncoder().encode('# B\n') },
  ];

  it('routes the pages under the root detected across a version', () => {
    const docsRoot = detectDocsRoot(files.map((file) => file.path));
    expect(docsRoot).toBe('docs/');
    expect(files.map((file) => normalizeFile(file, { docsRoot }).route)).toEqual(['/a', null]);
  });

  it('uses the root the caller names over detection, and null for none', () => {
    expect(files.map((file) => normalizeFile(file, { docsRoot: 'other' }).route)).toEqual([null, '/b']);
    expect(files.map((file) => normalizeFile(file, { docsRoot: null }).route)).toEqual([null, null]);
  });
});
