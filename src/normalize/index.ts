// The normalize stage: pure functions from source files to the records store and diff read.
export { detectDocsLayout, detectDocsRoot, type LayoutSettings, type LinkedFile, reconcileLayouts } from './docs-layout.ts';
export { DEFAULT_NORMALIZE_LIMITS, type NormalizeLimits } from './limits.ts';
export { normalizeFile, type NormalizeOptions } from './normalize-file.ts';
export { layoutOfVersion, normalizeFiles, type NormalizeFilesOptions } from './normalize-files.ts';
export {
  DEFAULT_INDEX_NAMES,
  type DocsLayout,
  type DocsRoot,
  folderRouteOf,
  isMarkdownPath,
  isPartialPath,
  joinRoute,
  normalizeDocsRoot,
  rootOf,
  routeFor,
  routeOf,
  singleRootLayout,
} from './routes.ts';
