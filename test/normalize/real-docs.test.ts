import { beforeAll, describe, expect, it } from 'vitest';
import { detectDocsRoot, normalizeFile } from '../../src/normalize/index.ts';
import type { NormalizedFile } from '../../src/types.ts';
import { publishedFiles } from './published-package.ts';

const ROOT = '.docs/organized/docs/';
let files: NormalizedFile[] = [];
let docsRoot: string | null = null;

beforeAll(async () => {
  const source = await publishedFiles('@workos/mcp-docs-server', '0.2.0');
  docsRoot = detectDocsRoot(source.map((file) => file.path));
  files = source.map((file) => normalizeFile(file, { docsRoot }));
}, 120_000);

function page(path: string): NormalizedFile {
  const found = files.find((candidate) => candidate.path === `${ROOT}${path}`);
  if (!found) throw new Error(`no ${path} in the package`);
  return found;
}

describe('normalize over @workos/mcp-docs-server@0.2.0', () => {
  it('detects .docs/organized/docs/ as the docs root', () => {
    expect(docsRoot).toBe(ROOT);
    expect(files).toHaveLength(563);
  });

  it('gives every page under the root a unique route, and navigation files none', () => {
    const pages = files.filter((normalized) => normalized.path.startsWith(ROOT) && normalized.path.endsWith('.mdx') && !/\/_/.test(normalized.path));
    expect(pages.length).toBeGreaterThan(500);
    expect(pages.filter((normalized) => normalized.route === null)).toEqual([]);
    expect(new Set(pages.map((normalized) => normalized.route)).size).toBe(pages.length);
    expect(page('authkit/_navigation.mdx').route).toBeNull();
    expect(page('sso/_sequence-diagrams/saml-protocol-security-considerations.md').route).toBeNull();
    expect(page('authkit/index.mdx').route).toBe('/authkit');
  });

  it('reads every file as text, every frontmatter without error, and notes nothing', () => {
    expect(files.filter((normalized) => normalized.binary || normalized.note !== null).map((normalized) => normalized.path)).toEqual([]);
    expect(files.filter((normalized) => normalized.doc?.frontmatterError).map((normalized) => normalized.path)).toEqual([]);
  });

  it('reads the AuthKit SSO page: title, headings and glossary section links', () => {
    const sso = page('authkit/sso.mdx');
    expect(sso.route).toBe('/authkit/sso');
    expect(sso.doc?.title).toBe('Single Sign-On');
    expect(sso.doc?.headings.slice(0, 3)).toEqual([
      { depth: 2, text: 'Introduction', slug: 'introduction', line: 10 },
      { depth: 2, text: 'Getting started', slug: 'getting-started', line: 16 },
      { depth: 2, text: '(1) Enable SSO', slug: '1-enable-sso', line: 20 },
    ]);
    expect(sso.doc?.links).toContainEqual({ target: '/glossary/idp', line: 12, kind: 'markdown', text: 'identity provider (IdP)' });
  });

  it('gives glossary terms the slugs that /glossary/<term> links point at', () => {
    const slugs = page('glossary.mdx').doc?.headings.map((heading) => heading.slug);
    expect(slugs).toEqual(expect.arrayContaining(['acs-url', 'idp', 'sp-entity-id', 'redirect-uri', 'connection']));
  });

  it('uses the {{ "url" }} ids of the events page as its section anchors', () => {
    expect(page('events/index.mdx').doc?.headings).toContainEqual({ depth: 2, text: 'API key events', slug: 'api-key', line: 21 });
  });

  it('reads navigation url entries with their titles', () => {
    expect(page('authkit/_navigation.mdx').doc?.links).toContainEqual({ target: '/authkit/sso', line: 43, kind: 'navigation', text: 'Single Sign-On' });
  });

  it('reads JSX card hrefs and frontmatter breadcrumb urls', () => {
    expect(page('admin-portal/example-apps.mdx').doc?.links[0]).toEqual({
      target: 'https://github.com/workos/node-example-applications/tree/main/node-admin-portal-example',
      line: 11,
      kind: 'html',
      text: null,
    });
    expect(page('integrations/okta-saml.mdx').doc?.links).toContainEqual({ target: '/integrations', line: 7, kind: 'frontmatter', text: 'Integrations' });
  });

  it('resolves nearly every root-relative body link to a page', () => {
    const routes = new Set(files.map((normalized) => normalized.route).filter((route) => route !== null));
    const body = files.flatMap((normalized) => normalized.doc?.links ?? []).filter((link) => link.kind !== 'frontmatter' && link.target.startsWith('/'));
    // A link resolves when some leading part of it is a page: the rest names sections (`/glossary/acs-url`).
    const resolves = (target: string) => {
      const segments = target.split(/[#?]/)[0]!.split('/').filter(Boolean);
      return segments.some((_, index) => routes.has(`/${segments.slice(0, segments.length - index).join('/')}`));
    };
    const unresolved = body.filter((link) => !resolves(link.target));
    expect(body.length).toBeGreaterThan(1_500);
    expect(unresolved.length).toBeLessThan(body.length * 0.01);
  });
});
