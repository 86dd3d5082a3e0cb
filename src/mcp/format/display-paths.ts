// Paths in answers are shown relative to the docs root (`.docs/organized/docs/`), which is said
// once: over a release's worth of pages that saves a fifth of the answer. Tools accept a path either
// way, so a model can pass back exactly what it was shown.
import { normalizeDocsRoot } from '../../normalize/index.ts';

export interface PathView {
  /** The folder prefix stripped from shown paths (`a/b/`), or '' when paths are shown whole. */
  root: string;
  show(path: string): string;
}

/** One view for both versions of a pair; if their docs roots differ, paths are shown whole. */
export function pathView(docsRoots: readonly (string | null)[]): PathView {
  const roots = new Set(docsRoots.map((root) => (root === null ? '' : (normalizeDocsRoot(root) ?? ''))));
  const root = roots.size === 1 ? [...roots][0]! : '';
  return {
    root,
    show: (path) => (root && path.startsWith(root) ? path.slice(root.length) : path),
  };
}

/** A user-given path with `./` and surplus slashes removed. */
export function cleanPath(input: string): string {
  return input.trim().replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

/** The paths a user may have meant, in the order to try them: as given, then under the docs root. */
export function candidatePaths(input: string, root: string): string[] {
  const path = cleanPath(input);
  if (!root || path.startsWith(root)) return [path];
  return [path, `${root}${path.replace(/^\/+/, '')}`];
}
