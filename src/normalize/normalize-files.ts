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
}

export interface NormalizedVersion {
  /** The folder holding the most pages (what older readers call the docs root); null without pages. */
  docsRoot: string | null;
  layout: DocsLayout;
  files: NormalizedFile[];
}

export function normalizeFiles(files: SourceFile[], options: NormalizeFilesOptions = {}): NormalizedVersion {
  const read = files.map((file) => normalizeFile(file, { docsRoot: null, limits: options.limits }));
  const { docsRoot, layout } = layoutOfVersion(read, options);
  const routed = read.map((file) => ({ ...file, route: routeOf(file.path, layout) }));
  return { docsRoot, layout, files: routed };
}

/** What the layout needs of a read file: its path and the targets of its links. */
export interface ReadFile {
  path: string;
  doc: { links: readonly { target: string }[] } | null;
}

/**
 * The version's docs layout from its files as read (without routes): detected from their paths and
 * links, or the configured root. Route each file with `routeOf(path, layout)`. A caller that writes
 * files as it reads them keeps only this much of each (see services/ingest.ts).
 */
export function layoutOfVersion(read: readonly ReadFile[], options: Pick<NormalizeFilesOptions, 'docsRoot' | 'settings'> = {}): Omit<NormalizedVersion, 'files'> {
  const layout =
    options.docsRoot === undefined
      ? detectDocsLayout(
          read.map((file) => ({ path: file.path, links: file.doc?.links.map((link) => link.target) ?? [] })),
          options.settings,
        )
      : singleRootLayout(options.docsRoot);
  const primary = [...layout.roots].sort((a, b) => b.pages - a.pages)[0];
  return { docsRoot: primary ? primary.folder : null, layout };
}
