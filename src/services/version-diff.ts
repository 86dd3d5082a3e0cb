// The diff verbs every consumer shares: a whole version pair, one file, one file's history.
// The engine, -w and the patch renderers are imported where they are used: a cached diff shown as a
// stat or a file list needs none of them, and a one-off command should not load them.
import { ALGORITHM_VERSION } from '../diff/algorithm-version.ts';
import { filterChanges } from '../diff/path-filter.ts';
import { fileCandidates, type PathResolution, resolvePathFilter } from '../diff/path-readings.ts';
import { invalidInput, notFound } from '../errors.ts';
import { didYouMean } from '../suggest.ts';
import { readCachedDiff, settleCachedDiffWrites, startCachedDiffWrite, trackDiffWrite } from '../store/diff-cache.ts';
import { listVersionFiles, listVersionRows, type VersionRow } from '../store/versions.ts';
import type { FileChange, VersionDiff } from '../types.ts';
import { LruCache } from '../lru-cache.ts';
import { loadPatchInputs, type PatchInput } from './patch-inputs.ts';
import { type ResolvedPair, resolvePackage, resolvePair } from './catalog.ts';
import type { ServiceContext } from './context.ts';
import { diffPool } from './diff-pool.ts';
import { loadPairTrees } from './pair-trees.ts';

// Consumers resolve a pair and diff it in one breath; the pair itself is a catalog concept.
export { resolvePair, type ResolvedPair } from './catalog.ts';

export interface DiffRequest {
  package?: string | null;
  from: string;
  to: string;
  path?: string | null;
  /** Percent, 0–100 (git's -M); 100 = exact renames only. */
  renameThreshold?: number;
  /** `git diff -w`: drop changes that are only whitespace (NBSP included), count lines ignoring it. */
  ignoreWhitespace?: boolean;
}

export const DEFAULT_RENAME_THRESHOLD = 50;

function checkThreshold(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 100) {
    throw invalidInput(`the rename threshold must be a whole percentage from 0 to 100; got ${threshold}`);
  }
  return threshold;
}

/**
 * Parsed diffs of recently asked pairs: reading and parsing a cached diff's JSON costs ~50 ms. The
 * key names the database, both versions by id, name and integrity, and the algorithm, so a reused id
 * (a truncated table) or a moved git tag can never be served a stale entry.
 */
const recentDiffs = new LruCache<VersionDiff>({ maxEntries: 32, maxBytes: 64 * 1024 * 1024 });
const databaseTags = new WeakMap<object, number>();
let nextDatabaseTag = 1;

function memoKeyOf(ctx: ServiceContext, pair: ResolvedPair, algorithm: string, options: string): string {
  let tag = databaseTags.get(ctx.database);
  if (tag === undefined) {
    tag = nextDatabaseTag++;
    databaseTags.set(ctx.database, tag);
  }
  const side = (row: VersionRow) => `${row.id}:${row.version}:${row.integrity ?? ''}`;
  return [tag, pair.pkg.name, side(pair.from), side(pair.to), algorithm, options].join('\u0000');
}

/** Diffs being computed, by memo key: concurrent requests for one pair share one computation. */
const computing = new Map<string, Promise<VersionDiff>>();

/** Drops the in-process memo, so the next request reads the database cache (benchmarks of cold paths). */
export function forgetRecentDiffs(): void {
  recentDiffs.clear();
}

/** Computes (or reads from the cache) the full diff of a resolved pair. */
export async function diffPair(
  ctx: ServiceContext,
  pair: ResolvedPair,
  renameThreshold = DEFAULT_RENAME_THRESHOLD,
  /** Background work (precomputing after a sync) waits for the result instead of giving up at the request deadline. */
  options: { patient?: boolean } = {},
): Promise<VersionDiff> {
  const key = {
    fromVersionId: pair.from.id,
    toVersionId: pair.to.id,
    algorithm: String(ALGORITHM_VERSION),
    options: `M${checkThreshold(renameThreshold)}`,
  };
  const memoKey = memoKeyOf(ctx, pair, key.algorithm, key.options);
  const recent = recentDiffs;
  const remembered = recent.get(memoKey);
  if (remembered) return remembered;
  const cached = await readCachedDiff(ctx.db, key);
  if (cached) {
    recent.set(memoKey, cached, cached.files.length * 512);
    return cached;
  }
  let work = computing.get(memoKey);
  if (!work) {
    work = (async () => {
      const pool = diffPool();
      const { pageFieldsStored, ...trees } = await loadPairTrees(ctx, pair, { renameThreshold, computedInPlace: (cost) => pool.computesInPlace(cost) });
      let result: VersionDiff;
      try {
        result = await pool.run({ package: pair.pkg.name, from: pair.from.version, to: pair.to.version, renameThreshold, ...trees });
      } catch (error) {
        trackDiffWrite(ctx.db, key, pageFieldsStored);
        throw error;
      }
      recent.set(memoKey, result, result.files.length * 512);
      // The answer does not wait for its cache row (store/diff-cache.ts); background work
      // (precomputing after a sync) is only done once the row is there.
      const written = startCachedDiffWrite(ctx.db, key, result, pageFieldsStored);
      if (options.patient) await written;
      else written.catch((error: unknown) => ctx.logger.warn(`could not cache the diff of ${pair.pkg.name} ${pair.from.version} → ${pair.to.version}: ${(error as Error)?.message ?? String(error)}`));
      return result;
    })().finally(() => computing.delete(memoKey));
    computing.set(memoKey, work);
    // Whoever gave up waiting no longer listens; the failure still reaches those who do.
    work.catch(() => {});
  }
  // A patient caller that joined someone else's computation still waits for the cache row.
  if (options.patient) return work.then(async (diff) => (await settleCachedDiffWrites(ctx.db), diff));
  return diffPool().within(work, `the diff of ${pair.pkg.name} ${pair.from.version} → ${pair.to.version}`);
}

/** A diff as a consumer asked for it, and how its path filter was read (for a warning when it matched no file). */
export interface DiffView {
  diff: VersionDiff;
  /** Present when a path was given: the patterns used, whether any file matched, the closest paths if not. */
  path?: PathResolution & { input: string };
}

/** The docs root of a pair (the newer side's, else the older's), once its pages are read. */
async function docsRootOf(ctx: ServiceContext, pair: ResolvedPair): Promise<string | null> {
  // Imported here: reading pages loads the page parsers (YAML, gray-matter), which a cached diff never needs.
  const { readPages } = await import('./page-reading.ts');
  const to = await readPages(ctx, pair.pkg, pair.to);
  return to.docsRoot ?? (await readPages(ctx, pair.pkg, pair.from)).docsRoot ?? null;
}

/**
 * Reads a path filter from the package root, the docs root or as a route (path-readings.ts),
 * against every file of both versions, so `authkit/` and `/authkit` work wherever a path is taken.
 */
export async function resolveDiffPath(ctx: ServiceContext, pair: ResolvedPair, input: string): Promise<PathResolution & { input: string }> {
  return { input, ...resolvePathFilter(input, await docsRootOf(ctx, pair), [...(await pairPaths(ctx, pair))]) };
}

/** Every stored path of either version of the pair. */
async function pairPaths(ctx: ServiceContext, pair: ResolvedPair): Promise<Set<string>> {
  const [oldFiles, newFiles] = await Promise.all([listVersionFiles(ctx.db, pair.from.id), listVersionFiles(ctx.db, pair.to.id)]);
  return new Set([...oldFiles, ...newFiles].map((file) => file.path));
}

/** The diff with -w and the path filter applied, and how the path was read. */
export async function getVersionDiffView(ctx: ServiceContext, request: DiffRequest): Promise<DiffView> {
  return diffViewOfPair(ctx, await resolvePair(ctx, request), request);
}

async function diffViewOfPair(ctx: ServiceContext, pair: ResolvedPair, request: DiffRequest): Promise<DiffView> {
  const full = await diffPair(ctx, pair, request.renameThreshold ?? DEFAULT_RENAME_THRESHOLD);
  const diff = request.ignoreWhitespace ? (await import('../diff/whitespace.ts')).ignoreWhitespace(full) : full;
  if (!request.path) return { diff };
  const path = await resolveDiffPath(ctx, pair, request.path);
  return { diff: filterChanges(diff, path.patterns), path };
}

export async function getVersionDiff(ctx: ServiceContext, request: DiffRequest): Promise<VersionDiff> {
  return (await getVersionDiffView(ctx, request)).diff;
}

export async function getVersionPatch(ctx: ServiceContext, request: DiffRequest): Promise<string> {
  return (await getVersionPatchView(ctx, request)).patch;
}

/** The whole pair as one git-style patch (optionally narrowed to a path prefix or glob, or without whitespace-only files). */
export async function getVersionPatchView(ctx: ServiceContext, request: DiffRequest): Promise<Omit<DiffView, 'diff'> & { patch: string }> {
  const pair = await resolvePair(ctx, request);
  const { diff, path } = await diffViewOfPair(ctx, pair, request);
  const [{ oldFiles, newFiles }, { renderPatch }] = await Promise.all([loadPatchInputs(ctx, pair, diff.files), import('../diff/render-patch.ts')]);
  return { patch: renderPatch(diff, oldFiles, newFiles), ...(path ? { path } : {}) };
}

/** Both sides' bytes of a diff's files, for `--format raw`'s git blob ids. */
export async function getRawBytes(ctx: ServiceContext, request: DiffRequest, diff: Pick<VersionDiff, 'files'>): Promise<(side: 'old' | 'new', path: string) => Uint8Array | undefined> {
  const pair = await resolvePair(ctx, request);
  const { oldFiles, newFiles } = await loadPatchInputs(ctx, pair, diff.files);
  const sides = { old: new Map(oldFiles.map((file) => [file.path, file.bytes])), new: new Map(newFiles.map((file) => [file.path, file.bytes])) };
  return (side, path) => sides[side].get(path);
}

/** The stored file a page name means in this pair (as given, under the docs root, or at a route); the input when none. */
async function fileInPair(ctx: ServiceContext, pair: ResolvedPair, input: string): Promise<string> {
  const candidates = fileCandidates(input, await docsRootOf(ctx, pair));
  if (candidates.length <= 1) return input;
  const present = await pairPaths(ctx, pair);
  return candidates.find((candidate) => present.has(candidate)) ?? input;
}

export interface FileDiff {
  package: string;
  from: string;
  to: string;
  change: FileChange;
  patch: string;
  oldText: string | null;
  newText: string | null;
}

const textOf = (side: PatchInput | undefined) => (side && !side.binary ? Buffer.from(side.bytes).toString('utf8') : null);

/** One file's change; `path` may name either side of a rename. */
export async function getFileDiff(ctx: ServiceContext, input: DiffRequest & { path: string }): Promise<FileDiff> {
  const pair = await resolvePair(ctx, input);
  const request = { ...input, path: await fileInPair(ctx, pair, input.path) };
  const diff = await diffPair(ctx, pair, request.renameThreshold ?? DEFAULT_RENAME_THRESHOLD);
  const change =
    diff.files.find((candidate) => candidate.path === request.path) ??
    diff.files.find((candidate) => candidate.status === 'renamed' && candidate.oldPath === request.path);
  if (!change) {
    const unchanged = (await listVersionFiles(ctx.db, pair.to.id)).some((file) => file.path === request.path);
    throw notFound(
      unchanged
        ? `${request.path} did not change between ${pair.from.version} and ${pair.to.version}`
        : `${request.path} is in neither ${pair.from.version} nor ${pair.to.version} of ${pair.pkg.name}`,
    );
  }
  const [{ oldFiles, newFiles }, { renderFilePatch }] = await Promise.all([loadPatchInputs(ctx, pair, [change]), import('../diff/file-patch.ts')]);
  const before = oldFiles[0];
  const after = newFiles[0];
  const patch = renderFilePatch(change, before ?? null, after ?? null);
  return {
    package: pair.pkg.name,
    from: pair.from.version,
    to: pair.to.version,
    change,
    patch,
    oldText: textOf(before),
    newText: textOf(after),
  };
}

export interface HistoryEntry {
  version: string;
  previous: string;
  status: FileChange['status'];
  path: string;
  oldPath?: string;
  additions: number;
  deletions: number;
}

/**
 * The versions in which a page changed, newest first, following renames back in time. The path may
 * be the page's newest name or an older one.
 */
export async function getFileHistory(
  ctx: ServiceContext,
  request: { package?: string | null; path: string },
): Promise<{ package: string; path: string; entries: HistoryEntry[] }> {
  const pkg = await resolvePackage(ctx, request.package);
  const rows = await listVersionRows(ctx.db, pkg.id);
  const fileLists = new Map<number, Set<string>>();
  const filesOf = async (row: VersionRow) => {
    let files = fileLists.get(row.id);
    if (!files) fileLists.set(row.id, (files = new Set((await listVersionFiles(ctx.db, row.id)).map((file) => file.path))));
    return files;
  };
  // The page may be named from the package root, the docs root or by its route: the first reading
  // some stored version holds, newest first.
  let path = request.path;
  const { readPages } = await import('./page-reading.ts');
  const latest = rows.length > 0 ? await readPages(ctx, pkg, rows.at(-1)!) : undefined;
  const candidates = fileCandidates(request.path, latest?.docsRoot ?? null);
  search: for (const candidate of candidates) {
    for (const row of [...rows].reverse()) {
      if ((await filesOf(row)).has(candidate)) {
        path = candidate;
        break search;
      }
    }
  }
  const entries: HistoryEntry[] = [];
  let current = path;
  for (let i = rows.length - 1; i >= 1; i -= 1) {
    const diff = await diffPair(ctx, { pkg, from: rows[i - 1]!, to: rows[i]! });
    const change = diff.files.find(
      (candidate) => candidate.path === current || (candidate.status === 'renamed' && candidate.oldPath === current),
    );
    if (!change) continue;
    entries.push({
      version: rows[i]!.version,
      previous: rows[i - 1]!.version,
      status: change.status,
      path: change.path,
      ...(change.status === 'renamed' ? { oldPath: change.oldPath } : {}),
      additions: change.additions,
      deletions: change.deletions,
    });
    if (change.status === 'added') break;
    if (change.status === 'renamed') current = change.oldPath;
  }
  if (entries.length === 0) {
    const present = await Promise.all(rows.map(async (row) => (await filesOf(row)).has(path)));
    if (!present.some(Boolean)) {
      const near = latest ? resolvePathFilter(request.path, latest.docsRoot, [...(await filesOf(latest))]).closest : [];
      throw notFound(`${request.path} is in no stored version of ${pkg.name}${didYouMean(near)}`);
    }
  }
  return { package: pkg.name, path, entries };
}
