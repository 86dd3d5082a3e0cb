// What the link checker knows about one version: its pages (routes, titles, headings) and every file that
// holds links. Plain data, so everything after loading is pure and testable without a database.
import type { DocLink, Heading, DocMeta } from '../types.ts';
import { type DocsLayout, isMarkdownPath, rootOf, routeOf } from '../normalize/index.ts';

export interface DocsPage {
  route: string;
  path: string;
  title: string | null;
  headings: Heading[];
  /**
   * Values of the page's variant pickers (`- $ frontend="nextjs, remix"` in WorkOS quick starts): the site
   * serves `/authkit/nextjs/nodejs/…` as the page with those picked, so section routes may start with them.
   */
  variants: string[];
  /** Anchors the page declares in HTML (`<a id="decorate-request"></a>`, `<a name="x">`), besides its headings. */
  htmlAnchors: string[];
  /** The page's text, for finding a replacement when it is removed; empty when not loaded. */
  text: string;
}

/** A Markdown file with links: a page, or a file the site reads but does not serve (`_navigation.mdx`). */
export interface LinkSource {
  path: string;
  /** Null for files that are not pages. */
  route: string | null;
  links: DocLink[];
  frontmatter: Record<string, unknown>;
}

export interface VersionDocs {
  version: string;
  /** Which folders hold pages and where they are served (detected, or from the package settings). */
  layout: DocsLayout;
  pages: DocsPage[];
  sources: LinkSource[];
  /** Every file path of the version, for relative `.mdx` links and assets. */
  paths: string[];
}

// Stored (or freshly normalized) files → the link checker's view of one version. Pure, so the loader
// and tests build it the same way.

export interface VersionFile {
  path: string;
  doc: DocMeta | null;
  /** The page's text; only pages need it (variant pickers, replacement candidates). */
  text: string;
}

export function assembleVersionDocs(version: string, layout: DocsLayout, files: readonly VersionFile[]): VersionDocs {
  const pages: DocsPage[] = [];
  const sources: LinkSource[] = [];
  for (const file of files) {
    // Pages and the `_` files next to them (navigation) hold the links; a file outside every root does not.
    if (!isMarkdownPath(file.path) || !file.doc || rootOf(file.path, layout) === null) continue;
    const route = routeOf(file.path, layout);
    if (route !== null) {
      pages.push({ route, path: file.path, title: file.doc.title, headings: file.doc.headings, variants: variantValues(file.text), htmlAnchors: htmlAnchors(file.text), text: file.text });
    }
    if (file.doc.links.length > 0) sources.push({ path: file.path, route, links: file.doc.links, frontmatter: file.doc.frontmatter });
  }
  return { version, layout, pages, sources, paths: files.map((file) => file.path) };
}


// Variant pickers in a page's text: `- $ frontend="nextjs, remix, vanilla"` shows the item for those
// frameworks. The site puts the picked values in the URL, so they are route segments of the page.

const PICKER = /^[ \t]*[-*][ \t]+\$[ \t]+[A-Za-z][\w-]{0,40}="([^"\n]{1,400})"/gm;
const MAX_VALUES = 200;

function variantValues(text: string): string[] {
  const values = new Set<string>();
  for (const match of text.matchAll(PICKER)) {
    for (const value of match[1]!.split(',')) {
      const trimmed = value.trim();
      if (/^[\w.-]{1,60}$/.test(trimmed)) values.add(trimmed);
      if (values.size >= MAX_VALUES) return [...values];
    }
  }
  return [...values];
}

// Explicit anchors: Markdown written for GitHub and for sites alike uses `<a id>` where a heading's slug
// would not do (error codes in a table, an old anchor kept for links); HTML lets the value go unquoted.
const HTML_ANCHOR = /<a\s[^>]{0,200}?\b(?:id|name)\s*=\s*(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s"'>]{1,200}))/gi;
const MAX_ANCHORS = 5_000;

export function htmlAnchors(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(HTML_ANCHOR)) {
    found.add((match[1] ?? match[2] ?? match[3])!);
    if (found.size >= MAX_ANCHORS) break;
  }
  return [...found];
}
