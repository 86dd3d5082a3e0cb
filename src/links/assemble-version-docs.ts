// Stored (or freshly normalized) files → the link checker's view of one version. Pure, so the loader
// and tests build it the same way.
import type { DocMeta } from '../types.ts';
import { isMarkdownPath, normalizeDocsRoot } from '../normalize/index.ts';
import { variantValues } from './page-variants.ts';
import type { DocsPage, LinkSource, VersionDocs } from './version-docs.ts';

export interface VersionFile {
  path: string;
  route: string | null;
  doc: DocMeta | null;
  /** The page's text; only pages need it (variant pickers, replacement candidates). */
  text: string;
}

export function assembleVersionDocs(version: string, docsRoot: string | null, files: readonly VersionFile[]): VersionDocs {
  const root = docsRoot === null ? null : normalizeDocsRoot(docsRoot);
  const pages: DocsPage[] = [];
  const sources: LinkSource[] = [];
  for (const file of files) {
    // Pages and the `_` files next to them (navigation) hold the links; a package README does not.
    if (root === null || !file.path.startsWith(root) || !isMarkdownPath(file.path) || !file.doc) continue;
    if (file.route !== null) {
      pages.push({ route: file.route, path: file.path, title: file.doc.title, headings: file.doc.headings, variants: variantValues(file.text), text: file.text });
    }
    if (file.doc.links.length > 0) sources.push({ path: file.path, route: file.route, links: file.doc.links, frontmatter: file.doc.frontmatter });
  }
  return { version, docsRoot: root, pages, sources, paths: files.map((file) => file.path) };
}

/** Markdown files under the docs root that are pages: the ones whose text is worth loading. */
export function isPageUnder(docsRoot: string | null, file: { path: string; route: string | null }): boolean {
  const root = docsRoot === null ? null : normalizeDocsRoot(docsRoot);
  return root !== null && file.route !== null && file.path.startsWith(root) && isMarkdownPath(file.path);
}
