// A path filter as people type it. The same page can be named three ways:
//   from the package root   .docs/organized/docs/authkit/sso.mdx   (what git and the diff print)
//   from the docs root      authkit/sso.mdx, authkit/               (what the docs site's repo uses)
//   as a route              /authkit/sso                            (what a browser shows)
// Each reading is tried in that order against the files of both versions; the first that names
// any file wins, so a filter never silently means nothing. When no reading names a file, the
// caller warns and shows the closest paths.
import { closest } from '../suggest.ts';
import { pathMatcher } from './path-filter.ts';

const PAGE_EXTENSIONS = ['.mdx', '.md'];

const trimSlashes = (text: string) => text.replace(/^\.\/+/, '').replace(/^\/+/, '').replace(/\/+$/, '');

/** The patterns one filter may mean, in the order they are tried. */
export function pathReadings(input: string, docsRoot: string | null): string[][] {
  const given = input.trim();
  if (given === '') return [];
  const readings: string[][] = [[given]];
  const root = docsRoot ? trimSlashes(docsRoot) : '';
  if (root) {
    const inner = trimSlashes(given);
    if (inner && !inner.startsWith(`${root}/`) && inner !== root) readings.push([`${root}/${inner}`]);
    // A route: `/authkit/sso` is the page `authkit/sso.mdx` or the section `authkit/sso/`.
    if (given.startsWith('/') && !/[*?]/.test(given) && !/\.[a-z0-9]+$/i.test(inner)) {
      const base = inner ? `${root}/${inner}` : root;
      readings.push([base, ...PAGE_EXTENSIONS.map((extension) => `${base}${extension}`)]);
    }
  }
  return readings;
}

export interface PathResolution {
  /** The patterns to filter with (the first reading that names a file, else the input as given). */
  patterns: string[];
  /** True when some reading names at least one file of either version. */
  matched: boolean;
  /** Package-root paths closest to the input, for the warning when nothing matched. */
  closest: string[];
}

/** Folders of the given files (`a/b/c.mdx` → `a`, `a/b`), as filter candidates too. */
function foldersOf(paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders];
}

/**
 * Picks the reading of `input` that names files among `paths` (both versions' files). Nothing is
 * selected by an empty filter; that case never reaches here.
 */
export function resolvePathFilter(input: string, docsRoot: string | null, paths: readonly string[]): PathResolution {
  const readings = pathReadings(input, docsRoot);
  for (const patterns of readings) {
    const matches = pathMatcher(patterns);
    if (paths.some((path) => matches(path))) return { patterns, matched: true, closest: [] };
  }
  const root = docsRoot ? trimSlashes(docsRoot) : '';
  const candidates = [...paths, ...foldersOf(paths)];
  // Compare like with like: the input against each candidate as written from the package root and
  // from the docs root, keeping the package-root spelling for the answer.
  const byShown = new Map<string, string>();
  for (const candidate of candidates) {
    byShown.set(candidate, candidate);
    if (root && candidate.startsWith(`${root}/`)) byShown.set(candidate.slice(root.length + 1), candidate);
  }
  const typed = trimSlashes(input.trim());
  const near = closest(typed, byShown.keys(), 5).map((shown) => byShown.get(shown)!);
  return { patterns: readings[0] ?? [input], matched: false, closest: [...new Set(near)].slice(0, 3) };
}

/**
 * The file paths one name of a single page may mean, in order (`history PATH`, one file's diff):
 * as given, under the docs root, and for a route the page files that serve it.
 */
export function fileCandidates(input: string, docsRoot: string | null): string[] {
  const given = input.trim().replace(/^\.\/+/, '');
  if (given === '') return [];
  const out = [given];
  const root = docsRoot ? trimSlashes(docsRoot) : '';
  if (!root) return out;
  const inner = trimSlashes(given);
  if (inner && !inner.startsWith(`${root}/`)) out.push(`${root}/${inner}`);
  if (given.startsWith('/') && !/\.[a-z0-9]+$/i.test(inner)) {
    const base = inner ? `${root}/${inner}` : root;
    for (const extension of PAGE_EXTENSIONS) out.push(`${base}${extension}`);
    for (const extension of PAGE_EXTENSIONS) out.push(`${base}/index${extension}`);
  }
  return [...new Set(out)];
}
