// Reads one stored version into the link checker's plain data, through the shared store readers.
// Versions never change once written, so a few recently used ones are kept in memory by id.
import { isMarkdownPath } from '../normalize/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { loadBlobs, loadDocMeta } from '../store/blobs.ts';
import { listVersionFiles, type VersionRow } from '../store/versions.ts';
import { assembleVersionDocs, isPageUnder } from './assemble-version-docs.ts';
import type { VersionDocs } from './version-docs.ts';

const CACHE_SIZE = 4;
const cache = new Map<number, Promise<VersionDocs>>();

export function loadVersionDocs(ctx: ServiceContext, version: VersionRow): Promise<VersionDocs> {
  const cached = cache.get(version.id);
  if (cached) {
    cache.delete(version.id);
    cache.set(version.id, cached);
    return cached;
  }
  const loading = readVersionDocs(ctx, version);
  cache.set(version.id, loading);
  loading.catch(() => cache.delete(version.id));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return loading;
}

/** Forgets loaded versions, so a benchmark can time a cold check. */
export function clearVersionDocsCache(): void {
  cache.clear();
}

async function readVersionDocs(ctx: ServiceContext, version: VersionRow): Promise<VersionDocs> {
  const files = await listVersionFiles(ctx.db, version.id);
  const markdown = files.filter((file) => isMarkdownPath(file.path));
  const pageShas = markdown.filter((file) => isPageUnder(version.docsRoot, file)).map((file) => file.sha256);
  const [metas, blobs] = await Promise.all([loadDocMeta(ctx.db, markdown.map((file) => file.sha256)), loadBlobs(ctx.db, pageShas)]);
  return assembleVersionDocs(
    version.version,
    version.docsRoot,
    files.map((file) => {
      const blob = blobs.get(file.sha256);
      return { path: file.path, route: file.route, doc: metas.get(file.sha256) ?? null, text: blob && !blob.binary ? Buffer.from(blob.content).toString('utf8') : '' };
    }),
  );
}
