// A whole version at once: files are read first, then the docs layout is detected from their paths and
// links (or taken from the settings), then every file gets its route under that layout.
import type { NormalizedFile, SourceFile } from '../types.ts';
import { detectDocsLayout, type LayoutSettings } from './docs-layout.ts';
import type { NormalizeLimits } from './limits.ts';
import { normalizeFile } from './normalize-file.ts';
import { type DocsLayout, routeOf, singleRootLayout } from './routes.ts';

export interface NormalizeFilesOptions {
  /** undefined: detect; null: no pages; a string: this folder served at `/`, whatever detection would say. */
  docsRoot?: string | null;
  /** Layout settings of the package (roots, route groups, index names); used when `docsRoot` is undefined. */
  settings?: LayoutSettings;
  limits?: Partial<NormalizeLimits>;
  /** Reads the files without routes (`normalizeFile` with no docs root) another way, e.g. reusing a previous version's results. */
  read?: (files: SourceFile[]) => NormalizedFile[];
}

export interface NormalizedVersion {
  /** The folder holding the most pages (what older readers call the docs root); null without pages. */
  docsRoot: string | null;
  layout: DocsLayout;
  files: NormalizedFile[];
}

export function normalizeFiles(files: SourceFile[], options: NormalizeFilesOptions = {}): NormalizedVersion {
  const read = options.read ? options.read(files) : files.map((file) => normalizeFile(file, { docsRoot: null, limits: options.limits }));
  const layout =
    options.docsRoot === undefined
      ? detectDocsLayout(
          read.map((file) => ({ path: file.path, links: file.doc?.links.map((link) => link.target) ?? [] })),
          options.settings,
        )
      : singleRootLayout(options.docsRoot);
  const routed = read.map((file) => ({ ...file, route: routeOf(file.path, layout) }));
  const primary = [...layout.roots].sort((a, b) => b.pages - a.pages)[0];
  return { docsRoot: primary ? primary.folder : null, layout, files: routed };
}
