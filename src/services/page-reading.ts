// A version's pages are read when a reader first needs them, not at ingest. A diff needs the page
// fields of the files that changed only, and reads those from their bytes (pair-trees.ts); the link
// checker, `docdelta versions`, route look-ups and paths given from the docs root need every page:
// its links, its route, the version's docs root. Those readers call `readPages` first, which reads
// them once per version and stores them, as an ingest used to. A first sync, and the `docdelta diff`
// that follows it, no longer spend their time on pages nobody asked about.
import { layoutSettingsFor } from '../links/conventions.ts';
import { isMarkdownPath, layoutOfVersion, normalizeFile, routeOf } from '../normalize/index.ts';
import { loadBlobs } from '../store/blobs.ts';
import type { PackageRow } from '../store/packages.ts';
import { writePagesRead } from '../store/version-rows.ts';
import { findVersionRow, listVersionFiles, type VersionRow } from '../store/versions.ts';
import type { NormalizedFile } from '../types.ts';
import type { ServiceContext } from './context.ts';

/** Markdown files read per query: their contents are held only while read. */
const READ_BATCH = 400;

/** Readers of one version in this process share one read; by database handle, as ids are per database. */
const reading = new WeakMap<object, Map<number, Promise<VersionRow>>>();

type PackageSettingsRow = Pick<PackageRow, 'name' | 'docsRoot' | 'options'>;

/** The version with its pages read (and stored): at once when they were, else after reading them. */
export function readPages(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<VersionRow> {
  if (version.pagesRead) return Promise.resolve(version);
  let byId = reading.get(ctx.db);
  if (!byId) reading.set(ctx.db, (byId = new Map()));
  const readers = byId;
  let pending = readers.get(version.id);
  if (!pending) {
    pending = readUnlessRead(ctx, pkg, version).finally(() => readers.delete(version.id));
    readers.set(version.id, pending);
  }
  return pending;
}

/**
 * A caller may hold the row as it was before someone read the version (the digest's, after the link
 * count read it): the stored row is asked first, one query, rather than every page read again.
 */
async function readUnlessRead(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<VersionRow> {
  const stored = await findVersionRow(ctx.db, version.id);
  if (stored?.pagesRead) return stored;
  return readAndStore(ctx, pkg, version);
}

/** Reads the pages of every version of the list, one after another (each holds a version's pages). */
export async function readPagesOfAll(ctx: ServiceContext, pkg: PackageSettingsRow, versions: readonly VersionRow[]): Promise<void> {
  for (const version of versions) await readPages(ctx, pkg, version);
}

async function readAndStore(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<VersionRow> {
  const files = await listVersionFiles(ctx.db, version.id);
  const markdown = files.filter((file) => isMarkdownPath(file.path));
  // Every page is read, even one whose fields another version stored: its note (links cut, not
  // parsed) and its links (the layout) belong to this version; the store sends only new fields.
  const read = new Map<string, Omit<NormalizedFile, 'bytes'>>();
  for (let start = 0; start < markdown.length; start += READ_BATCH) {
    const batch = markdown.slice(start, start + READ_BATCH);
    const blobs = await loadBlobs(ctx.db, batch.map((file) => file.sha256));
    for (const file of batch) {
      const blob = blobs.get(file.sha256);
      if (!blob) continue;
      const { bytes: _bytes, ...result } = normalizeFile({ path: file.path, bytes: blob.content }, { docsRoot: null, sha256: file.sha256 });
      read.set(file.path, result);
    }
  }
  const linked = files.map((file) => ({ path: file.path, doc: read.get(file.path)?.doc ?? null }));
  const { docsRoot, layout } = layoutOfVersion(linked, { settings: layoutSettingsFor(pkg) });
  // The first file (in path order) holding a content gives its page fields, as at ingest: none when
  // that file is not a page.
  const docs = new Map<string, NormalizedFile>();
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.sha256)) continue;
    seen.add(file.sha256);
    const result = read.get(file.path);
    if (result?.doc) docs.set(file.sha256, { ...result, bytes: new Uint8Array() });
  }
  const written = await writePagesRead(ctx.db, version.id, {
    docsRoot,
    docs: [...docs.values()],
    files: files.map((file) => ({ path: file.path, route: routeOf(file.path, layout), note: read.get(file.path)?.note ?? file.note })),
  });
  // Another process read it first: its row is the one stored.
  return written ? { ...version, docsRoot, pagesRead: true } : ((await findVersionRow(ctx.db, version.id)) ?? version);
}

/** A pair whose two versions have their pages read (their docs roots, for paths shown from the docs root). */
export async function readPairPages<P extends { pkg: PackageSettingsRow; from: VersionRow; to: VersionRow }>(ctx: ServiceContext, pair: P): Promise<P> {
  const from = await readPages(ctx, pair.pkg, pair.from);
  const to = await readPages(ctx, pair.pkg, pair.to);
  return { ...pair, from, to };
}
