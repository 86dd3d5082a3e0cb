// "Did you mean …?" for near misses: a command (`dif`), a flag (`--fromat`), a package name
// (`@workos/mcp-docs-serverr`), a version (`v0.1.0`, `0.2`) or a path. Pure: strings in, strings
// out. Shared by every layer like errors.ts: the CLI for commands and flags, services for package
// names, versions and paths, so HTTP and MCP answers carry the same suggestions.
import { createRequire } from 'node:module';

type Semver = typeof import('semver');
let semverModule: Semver | undefined;
/** semver is loaded on the first near miss: resolving an exact version, the usual case, never needs it. */
function semver(): Semver {
  return (semverModule ??= createRequire(import.meta.url)('semver') as Semver);
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbours each cost 1 (`fromat` → `format` is one edit, as people type it).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How far off a guess may be: a third of its length, at least 1, at most 4. */
function tolerance(input: string): number {
  return Math.min(4, Math.max(1, Math.floor(input.length / 3)));
}

/**
 * The candidates closest to `input` (at most `limit`, equally close): those within the edit
 * tolerance, else those that start with what was typed (`ver` → `versions`), case-insensitively.
 */
export function closest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const hay = candidate.toLowerCase();
    const distance = editDistance(needle, hay);
    if (distance <= tolerance(needle)) scored.push({ candidate, score: distance });
    else if (needle.length >= 2 && hay.startsWith(needle)) scored.push({ candidate, score: tolerance(needle) + 0.5 });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  // Like git's "The most similar command is": only the best tier, not every candidate in reach.
  const best = scored[0]?.score;
  return scored.filter((entry) => entry.score === best).slice(0, limit).map((entry) => entry.candidate);
}

/** `; did you mean "x"?` or `; did you mean one of "x", "y"?`, empty when there is nothing close. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  if (suggestions.length === 1) return `; did you mean ${JSON.stringify(suggestions[0])}?`;
  return `; did you mean one of ${suggestions.map((item) => JSON.stringify(item)).join(', ')}?`;
}

/** Semver order on the versions without a leading `v`; names that are not semver last, by name. */
function newestFirst(a: string, b: string): number {
  const x = semver().valid(a.replace(/^v/i, ''));
  const y = semver().valid(b.replace(/^v/i, ''));
  if (x && y) return semver().rcompare(x, y);
  if (x || y) return x ? -1 : 1;
  return b.localeCompare(a);
}

export type VersionMatch =
  /** The input names a stored version once cleaned (`v0.1.0`, `=0.1.0`, ` 0.1.0 `). */
  | { kind: 'exact'; version: string }
  /** No stored version by that name; these are close (newest first for partial versions). */
  | { kind: 'suggest'; suggestions: string[] };

/**
 * What a version argument most likely means among the stored ones. `v1.2.3` and `=1.2.3` are
 * npm's own spellings of `1.2.3` and resolve to it; a partial version (`0.2`, `1`) suggests the
 * stored versions it covers, newest first; anything else the versions within a few edits.
 */
/** npm's own spellings of a version (`v1.2.3`, `=1.2.3`, ` 1.2.3`) as the registry lists it: `1.2.3`. */
export function registrySpelling(version: string): string {
  return version.trim().replace(/^[=v]+/i, '');
}

export function matchVersion(input: string, stored: readonly string[]): VersionMatch {
  const raw = input.trim();
  if (stored.includes(raw)) return { kind: 'exact', version: raw };
  const cleaned = registrySpelling(raw);
  if (stored.includes(cleaned)) return { kind: 'exact', version: cleaned };
  // A git-tagged package may store `v1.2.3` itself: `1.2.3` means that one.
  const tagged = stored.find((version) => version.replace(/^v/i, '') === cleaned);
  if (tagged) return { kind: 'exact', version: tagged };
  if (/^\d+(\.\d+)?$/.test(cleaned)) {
    const covered = stored.filter((version) => {
      const plain = version.replace(/^v/i, '');
      return plain === cleaned || plain.startsWith(`${cleaned}.`);
    });
    const byNewest = [...covered].sort(newestFirst);
    if (byNewest.length > 0) return { kind: 'suggest', suggestions: byNewest.slice(0, 3) };
  }
  return { kind: 'suggest', suggestions: closest(cleaned, stored) };
}
