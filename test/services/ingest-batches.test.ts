// Ingest writes a version batch by batch (issue 17 item 5), its contents only; its pages are read
// when first needed (services/page-reading.ts). What is then stored must be exactly what normalizing
// the whole version at once gives: the same routes, notes, docs root and page metadata, whichever
// file of a shared content comes first, across batch boundaries and versions.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutSettingsFor } from '../../src/links/conventions.ts';
import { normalizeFiles } from '../../src/normalize/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { ingestFiles, READ_BATCH_BYTES } from '../../src/services/ingest.ts';
import { NormalizeMemo } from '../../src/services/normalize-memo.ts';
import { readPages } from '../../src/services/page-reading.ts';
import { loadBlobs, loadDocMeta } from '../../src/store/blobs.ts';
import { ensurePackage } from '../../src/store/packages.ts';
import { listVersionFiles, listVersionRows } from '../../src/store/versions.ts';
import type { SourceFile, SourceVersion } from '../../src/types.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';

const release = (version: string): SourceVersion => ({ version, publishedAt: null, deprecated: null, integrity: null });
const text = (path: string, body: string): SourceFile => ({ path, bytes: new TextEncoder().encode(body) });

/** Pages linking to each other under docs/, a shared content at two paths, a big page, an asset. */
function release1(seed: string): SourceFile[] {
  const pages = Array.from({ length: 40 }, (_, i) =>
    text(`docs/guide/page-${String(i).padStart(2, '0')}.mdx`, `---\ntitle: Page ${i} ${seed}\n---\n\n# Page ${i}\n\nSee [next](/guide/page-${String(i + 1).padStart(2, '0')}).\n`),
  );
  const shared = `# Shared ${seed}\n\nSame bytes at two paths.\n`;
  return [
    ...pages,
    text('docs/a-copy.txt', shared),
    text('docs/z-copy.md', shared),
    // Bigger than a read batch: it travels alone.
    text('docs/huge.md', `# Huge ${seed}\n\n${'lorem ipsum '.repeat(Math.ceil(READ_BATCH_BYTES / 12) + 10)}\n`),
    { path: 'logo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) },
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe.each(testDrivers())('ingest in batches on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  async function expectStoredAsNormalized(pkg: Awaited<ReturnType<typeof ensurePackage>>, version: string, files: SourceFile[]) {
    const expected = normalizeFiles(files, { settings: layoutSettingsFor(pkg) });
    const ingested = (await listVersionRows(ctx.db, pkg.id)).find((candidate) => candidate.version === version)!;
    // As ingested: contents and file rows, no page read yet.
    expect(ingested).toMatchObject({ pagesRead: false, docsRoot: null });
    expect((await listVersionFiles(ctx.db, ingested.id)).every((file) => file.route === null)).toBe(true);
    await readPages(ctx, pkg, ingested);
    const row = (await listVersionRows(ctx.db, pkg.id)).find((candidate) => candidate.version === version)!;
    expect(row.pagesRead).toBe(true);
    expect(row).toMatchObject({ docsRoot: expected.docsRoot, fileCount: files.length, totalBytes: files.reduce((sum, file) => sum + file.bytes.length, 0) });
    const stored = await listVersionFiles(ctx.db, row.id);
    expect(stored).toEqual(expected.files.map(({ path, sha256, route, note }) => ({ path, sha256, route, note })));
    // Page metadata of each content comes from the first file (in path order) holding it.
    const firstBySha = new Map<string, (typeof expected.files)[number]>();
    for (const file of expected.files) if (!firstBySha.has(file.sha256)) firstBySha.set(file.sha256, file);
    const meta = await loadDocMeta(ctx.db, firstBySha.keys());
    for (const [sha, file] of firstBySha) expect(meta.get(sha) ?? null).toEqual(file.doc);
    const contents = await loadBlobs(ctx.db, firstBySha.keys());
    for (const [sha, file] of firstBySha) expect(Buffer.from(contents.get(sha)!.content).equals(Buffer.from(file.bytes))).toBe(true);
  }

  it('refuses a path the store cannot index before reading anything, and stores nothing', async () => {
    const pkg = await ensurePackage(ctx.db, { name: `long-paths-${crypto.randomBytes(4).toString('hex')}` });
    const progress: string[] = [];
    const long: SourceFile = {
      path: `docs/${'x'.repeat(1100)}.md`,
      get bytes(): Uint8Array {
        throw new Error('the contents were read before the paths were checked');
      },
    };
    const files = [text('docs/ok.md', '# OK\n'), long];
    await expect(ingestFiles(ctx, pkg, release('1.0.0'), files, { onProgress: (step) => progress.push(step.phase) })).rejects.toThrow(
      /version 1\.0\.0 has a file path of 1108 bytes, over the 1024-byte limit/,
    );
    // Refused at the start: nothing was normalized or written.
    expect(progress).toEqual(['normalize']);
    expect(await listVersionRows(ctx.db, pkg.id)).toEqual([]);
  });

  it('stores what normalizing the whole version gives, for a first version and the next one through a memo', async () => {
    const pkg = await ensurePackage(ctx.db, { name: `batches-${crypto.randomBytes(4).toString('hex')}` });
    const seed = crypto.randomBytes(4).toString('hex');
    const v1 = release1(seed);
    const v2 = [...v1.filter((file) => !file.path.endsWith('page-03.mdx')), text('docs/guide/page-03-renamed.mdx', `# Renamed ${seed}\n`)]
      .map((file) => (file.path.endsWith('page-07.mdx') ? text(file.path, `# Page 7, edited ${seed}\n`) : file))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const memo = new NormalizeMemo();
    const first = await ingestFiles(ctx, pkg, release('1.0.0'), v1, { normalizeMemo: memo });
    const second = await ingestFiles(ctx, pkg, release('1.1.0'), v2, { normalizeMemo: memo });
    expect([first.created, first.files, second.created, second.files]).toEqual([true, v1.length, true, v2.length]);
    // The second version sends only its two new contents.
    expect(second.blobsWritten).toBe(2);
    await expectStoredAsNormalized(pkg, '1.0.0', v1);
    await expectStoredAsNormalized(pkg, '1.1.0', v2);
  });
});
