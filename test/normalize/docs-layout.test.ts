import { describe, expect, it } from 'vitest';
import { detectDocsLayout, folderRouteOf, type LinkedFile, reconcileLayouts, routeOf } from '../../src/normalize/index.ts';

const file = (path: string, links: string[] = []): LinkedFile => ({ path, links });
const routes = (files: LinkedFile[], settings = {}) => {
  const layout = detectDocsLayout(files, settings);
  return Object.fromEntries(files.map((entry) => [entry.path, routeOf(entry.path, layout)]));
};

describe('detectDocsLayout', () => {
  it('learns that .docs/raw is served at /docs and its reference section at /reference, from the links', () => {
    const sections = ['agents', 'memory', 'workflows', 'rag'];
    const files = [
      ...sections.map((section) => file(`.docs/raw/${section}/overview.mdx`, sections.map((other) => `/docs/${other}/overview`))),
      file('.docs/raw/reference/agents/agent.mdx', ['/reference/rag/chunk', '/docs/agents/overview']),
      file('.docs/raw/reference/rag/chunk.mdx', ['/reference/agents/agent#x', '/reference/rag/chunk']),
      file('.docs/raw/index.mdx'),
      file('.docs/organized/changelogs/core.md'),
    ];
    const layout = detectDocsLayout(files);
    expect(layout.roots.map((root) => [root.folder, root.route, root.basis])).toEqual([
      ['.docs/raw/reference/', '/reference', 'links'],
      ['.docs/raw/', '/docs', 'links'],
    ]);
    expect(routes(files)).toMatchObject({
      '.docs/raw/agents/overview.mdx': '/docs/agents/overview',
      '.docs/raw/reference/rag/chunk.mdx': '/reference/rag/chunk',
      '.docs/raw/index.mdx': '/docs',
      '.docs/organized/changelogs/core.md': null,
    });
  });

  it('learns the site from absolute links when the docs write no root-relative ones, leaving code hosts out', () => {
    const files = [
      file('.docs/docs/agents/overview.md', ['https://mastra.ai/reference/core/agent', 'https://github.com/o/r/blob/main/docs/x.md', 'https://mastra.ai/blog/launch']),
      file('.docs/reference/core/agent.md', ['https://mastra.ai/docs/agents/overview', 'https://mastra.ai/guides/start']),
      file('.docs/guides/start.md', ['https://mastra.ai/docs/agents/overview#tools', 'https://mastra.ai/reference/core/agent']),
    ];
    const layout = detectDocsLayout(files);
    expect(layout.roots.map((root) => [root.folder, root.route])).toEqual([['.docs/', '/']]);
    expect(layout.baseUrl).toBe('https://mastra.ai');
    expect(routeOf('.docs/guides/start.md', layout)).toBe('/guides/start');
  });

  it('drops route groups and serves README and index pages as their folder', () => {
    const files = [
      file('site/(docs)/(getting-started)/install.md', ['/setup/advanced']),
      file('site/(docs)/setup/README.md', ['/install']),
      file('site/(docs)/setup/advanced.mdx', ['/setup', '/install']),
      file('site/(docs)/index.md', ['/setup/advanced', '/install']),
    ];
    const layout = detectDocsLayout(files);
    expect(layout.roots.map((root) => [root.folder, root.route])).toEqual([['site/', '/']]);
    expect(routes(files)).toEqual({
      'site/(docs)/(getting-started)/install.md': '/install',
      'site/(docs)/setup/README.md': '/setup',
      'site/(docs)/setup/advanced.mdx': '/setup/advanced',
      'site/(docs)/index.md': '/',
    });
    expect(folderRouteOf('site/(docs)/setup', layout)).toBe('/setup');
    expect(routes(files, { routeGroups: false, indexNames: ['index'] })['site/(docs)/setup/README.md']).toMatch(/\/\(docs\)\/setup\/README$/);
  });

  it('falls back to a conventionally named folder, then to the package Markdown, saying so', () => {
    const named = detectDocsLayout([file('docs/api.md'), file('docs/guide/intro.md'), file('README.md')]);
    expect(named.roots).toMatchObject([{ folder: 'docs/', route: '/', basis: 'folder-name' }]);
    const readmeStyle = detectDocsLayout([file('README.md'), file('CHANGELOG.md'), file('guide/setup.md'), file('node_modules/x/README.md')]);
    expect(readmeStyle.roots).toMatchObject([{ folder: '', route: '/', basis: 'package-root' }]);
    expect(readmeStyle.pages).toBe(2);
    expect(routeOf('CHANGELOG.md', readmeStyle)).toBeNull();
    const none = detectDocsLayout([file('package.json'), file('dist/index.js')]);
    expect(none.pages).toBe(0);
    expect(none.warnings[0]).toMatch(/^no pages found: 2 files, 0 Markdown; looked for/);
  });

  it('learns routes from the first 50,000 link targets written, repeats counted, and from absolute links after them', () => {
    const teaching = ['/docs/b', '/docs/c', '/docs/a'];
    const pages = (first: string[], second = teaching) => [file('content/a.md', first), file('content/b.md', second), file('content/c.md'), file('docs/x.md')];
    const filler = (count: number) => Array.from({ length: count }, () => '/nowhere');
    expect(detectDocsLayout(pages(filler(50_000 - teaching.length))).roots).toMatchObject([{ folder: 'content/', route: '/docs', basis: 'links' }]);
    expect(detectDocsLayout(pages(filler(50_000 - teaching.length + 1))).roots).toMatchObject([{ folder: 'content/', route: '/', basis: 'folder-name' }]);
    const absolute = teaching.map((path) => `https://site.example${path}`);
    expect(detectDocsLayout(pages(filler(50_000), absolute))).toMatchObject({ roots: [{ folder: 'content/', route: '/docs', basis: 'links' }], baseUrl: 'https://site.example' });
  });

  it('takes the roots from the settings, at the route given or the one links teach', () => {
    const files = [file('content/a.md', ['/docs/b', '/docs/c']), file('content/b.md', ['/docs/a', '/docs/c']), file('content/c.md', ['/docs/a']), file('notes/x.md')];
    const learned = detectDocsLayout(files, { roots: [{ folder: 'content' }] });
    expect(learned.roots).toMatchObject([{ folder: 'content/', route: '/docs', basis: 'settings' }]);
    expect(learned.source).toBe('settings');
    const fixed = detectDocsLayout(files, { roots: [{ folder: 'notes', route: '/notes' }] });
    expect(routeOf('notes/x.md', fixed)).toBe('/notes/x');
    expect(routeOf('content/a.md', fixed)).toBeNull();
  });
});

describe('reconcileLayouts', () => {
  it('reads a version whose links teach nothing with the scheme its partner learned', () => {
    const before = [file('docs/Reference/Hooks.md', ['./Server.md']), file('docs/Reference/Server.md'), file('docs/Guides/Index.md')];
    const after = [
      file('docs/Reference/Hooks.md', ['https://fastify.dev/docs/latest/Reference/Server/', 'https://fastify.dev/docs/latest/Guides/']),
      file('docs/Reference/Server.md', ['https://fastify.dev/docs/latest/Reference/Hooks/']),
      file('docs/Guides/Index.md', ['https://fastify.dev/docs/latest/Reference/Hooks']),
    ];
    const [a, b] = reconcileLayouts(detectDocsLayout(before), detectDocsLayout(after), before.map((entry) => entry.path), after.map((entry) => entry.path));
    expect(b.roots).toMatchObject([{ folder: 'docs/', route: '/docs/latest', basis: 'links' }]);
    expect(a.roots).toMatchObject([{ folder: 'docs/', route: '/docs/latest' }]);
    expect(a.baseUrl).toBe('https://fastify.dev');
    expect(routeOf('docs/Guides/Index.md', a)).toBe('/docs/latest/Guides');
  });
});
