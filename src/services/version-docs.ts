// One stored version as the link checker and `docdelta versions` see it: its docs layout, detected from
// the stored paths and links under the package's current settings (so a corrected setting applies to
// versions stored before it, with no re-ingest), and its pages with their routes.
import { layoutSettingsFor } from '../links/conventions.ts';
import { assembleVersionDocs, isPageOf, type VersionDocs } from '../links/version-docs.ts';
import { type DocsLayout, detectDocsLayout, isMarkdownPath } from '../normalize/index.ts';
import { loadBlobs, loadDocMeta } from '../store/blobs.ts';
import type { PackageRow } from '../store/packages.ts';
import { listVersionFiles, type VersionRow } from '../store/versions.ts';
import type { DocMeta } from '../types.ts';
import type { ServiceContext } from './context.ts';

// Versions never change once written; a few recently used ones are kept in memory, keyed by the
// version and the settings they were read under.
const CACHE_SIZE = 4;
const cache = new Map<string, Promise<VersionDocs>>();
const layouts = new Map<string, Promise<DocsLayout>>();
const LAYOUT_CACHE_SIZE = 200;

type PackageSettingsRow = Pick<PackageRow, 'name' | 'docsRoot' | 'options'>;

function remember<T>(map: Map<string, Promise<T>>, key: string, size: number, load: () => Promise<T>): Promise<T> {
  const cached = map.get(key);
  if (cached) {
    map.delete(key);
    map.set(key, cached);
    return cached;
  }
  const loading = load();
  map.set(key, loading);
  loading.catch(() => map.delete(key));
  while (map.size > size) map.delete(map.keys().next().value!);
  return loading;
}

const keyOf = (pkg: PackageSettingsRow, version: VersionRow) => `${version.id}\0${pkg.docsRoot ?? ''}\0${JSON.stringify(pkg.options ?? {})}`;

async function readLayout(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<{ layout: DocsLayout; metas: Map<string, DocMeta>; files: Awaited<ReturnType<typeof listVersionFiles>> }> {
  const settings = layoutSettingsFor(pkg);
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
  return remember(layouts, keyOf(pkg, version), LAYOUT_CACHE_SIZE, async () => (await readLayout(ctx, pkg, version)).layout);
}

export function loadVersionDocs(ctx: ServiceContext, pkg: PackageSettingsRow, version: VersionRow): Promise<VersionDocs> {
  return remember(cache, keyOf(pkg, version), CACHE_SIZE, async () => {
    const { layout, metas, files } = await readLayout(ctx, pkg, version);
    const blobs = await loadBlobs(
      ctx.db,
      files.filter((file) => isPageOf(layout, file.path)).map((file) => file.sha256),
    );
    return assembleVersionDocs(
      version.version,
      layout,
      files.map((file) => {
        const blob = blobs.get(file.sha256);
        return { path: file.path, doc: metas.get(file.sha256) ?? null, text: blob && !blob.binary ? Buffer.from(blob.content).toString('utf8') : '' };
      }),
    );
  });
}

/** Forgets loaded versions, so a benchmark can time a cold check (and a settings change is seen at once). */
export function clearVersionDocsCache(): void {
  cache.clear();
  layouts.clear();
}
