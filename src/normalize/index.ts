// The normalize stage: pure functions from source files to the records store and diff read.
export { detectDocsRoot } from './docs-root.ts';
export { DEFAULT_NORMALIZE_LIMITS, type NormalizeLimits } from './limits.ts';
export { normalizeFile, type NormalizeOptions } from './normalize-file.ts';

export { isMarkdownPath, isPartialPath, normalizeDocsRoot, routeFor } from './routes.ts';
