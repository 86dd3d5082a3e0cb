// One stored version as the link checker and `docdelta versions` see it: its docs layout, detected from
// the stored paths and links under the package's current settings (so a corrected setting applies to
// versions stored before it, with no re-ingest), and its pages with their routes.
import { layoutSettingsFor } from '../links/conventions.ts';
import { assembleVersionDocs, type VersionDocs, type VersionFile } from '../links/version-docs.ts';
import { type DocsLayout, detectDocsLayout, isMarkdownPath, reconcileLayouts } from '../normalize/index.ts';
import { LruCache } from '../lru-cache.ts';
import { loadBlobs, loadDocMeta } from '../store/blobs.ts';
import type { PackageRow } from '../store/packages.ts';
import { listVersionFiles, type VersionRow } from '../store/versions.ts';
import type { DocMeta } from '../types.ts';
import type { ServiceContext } from './context.ts';
import { readPages } from './page-reading.ts';

// Versions never change once written; a few recently used ones are kept in memory, keyed by the
// version and the settings they were read under.
const cache = new LruCache<Promise<StoredVersion>>({ maxEntries: 4, maxBytes: Infinity });
const layouts = new LruCache<Promise<DocsLayout>>({ maxEntries: 200, maxBytes: Infinity });

type PackageSettingsRow = Pick<PackageRow, 'name' | 'docsRoot' | 'options'>;

function remember<T>(lru: LruCache<Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const cached = lru.get(key);
  if (cached) return cached;
  const loading = load();
  lru.set(key, loading, 0);
  loading.catch(() => lru.delete(key));
  return loading;
}

const keyOf = (pkg: PackageSettingsRow, version: VersionRow) => `${version.id}\0${pkg.docsRoot ?? ''}\0${JSON.stringify(pkg.options ?? {})}`;

async function readLayout(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<{ layout: DocsLayout; metas: Map<string, DocMeta>; files: Awaited<ReturnType<typeof listVersionFiles>> }> {
  const settings = layoutSettingsFor(pkg);
  await readPages(ctx, pkg, version);
  const files = await listVersionFiles(ctx.db, version.id);
  const markdown = files.filter((file) => isMarkdownPath(file.path));
  const metas = await loadDocMeta(ctx.db, markdown.map((file) => file.sha256));
  const layout = detectDocsLayout(
    files.map((file) => ({ path: file.path, links: metas.get(file.sha256)?.links.map((link) => link.target) ?? [] })),
    settings,
  );
  return { layout, metas, files };
}

/** The docs layout of one stored version under the package's current settings. */
export function loadDocsLayout(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<DocsLayout> {
  return remember(layouts, keyOf(pkg, version), async () => (await readLayout(ctx, pkg, version)).layout);
}

interface StoredVersion {
  layout: DocsLayout;
  files: VersionFile[];
}

/** Files with their metadata and the text of every Markdown file: enough to assemble the docs under any layout. */
function loadStored(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<StoredVersion> {
  return remember(cache, keyOf(pkg, version), async () => {
    const { layout, metas, files } = await readLayout(ctx, pkg, version);
    const blobs = await loadBlobs(ctx.db, files.filter((file) => isMarkdownPath(file.path)).map((file) => file.sha256));
    return {
      layout,
      files: files.map((file) => {
        const blob = blobs.get(file.sha256);
        return { path: file.path, doc: metas.get(file.sha256) ?? null, text: blob && !blob.binary ? Buffer.from(blob.content).toString('utf8') : '' };
      }),
    };
  });
}

export async function loadVersionDocs(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<VersionDocs> {
  const stored = await loadStored(ctx, pkg, version);
  return assembleVersionDocs(version.version, stored.layout, stored.files);
}

/** Both versions of a pair, each read with the route scheme the pair agrees on (see `reconcileLayouts`). */
export async function loadPairDocs(ctx: ServiceContext, pkg: PackageSettingsRow, from: VersionRow, to: VersionRow): Promise<[VersionDocs, VersionDocs]> {
  const [a, b] = await Promise.all([loadStored(ctx, pkg, from), loadStored(ctx, pkg, to)]);
  const paths = (stored: StoredVersion) => stored.files.map((file) => file.path);
  const [fromLayout, toLayout] = reconcileLayouts(a.layout, b.layout, paths(a), paths(b));
  return [assembleVersionDocs(from.version, fromLayout, a.files), assembleVersionDocs(to.version, toLayout, b.files)];
}

/** Forgets loaded versions, so a benchmark can time a cold check (and a settings change is seen at once). */
export function clearVersionDocsCache(): void {
  cache.clear();
  layouts.clear();
}
