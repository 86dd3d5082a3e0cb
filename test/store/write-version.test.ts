import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePackage } from '../../src/store/packages.ts';
import { blobs, versionFiles, versions } from '../../src/store/schema/index.ts';
import { loadBlobs, loadDocMeta } from '../../src/store/blobs.ts';
import { listVersionFiles, listVersionRows } from '../../src/store/versions.ts';
import { writeVersion } from '../../src/store/write-version.ts';
import type { NormalizedFile } from '../../src/types.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { normalizedFile } from '../support/normalized-file.ts';

let packageCounter = 0;
const uniqueName = () => `test-pkg-${process.pid}-${++packageCounter}-${crypto.randomBytes(3).toString('hex')}`;

function file(path: string, content: string, doc = false): NormalizedFile {
  if (!doc) return normalizedFile(path, content);
  return normalizedFile(path, content, {
    route: `/${path.replace(/\.mdx?$/, '')}`,
    doc: { frontmatter: { title: content }, title: content, description: null, headings: [{ depth: 1, text: content, slug: 'x', line: 1 }], links: [], frontmatterError: null },
  });
}

describe.each(testDrivers())('storage on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores a version whole, with blobs shared between versions stored once', async () => {
    const pkg = await ensurePackage(database.db, { name: uniqueName() });
    const v1 = await writeVersion(database.db, {
      packageId: pkg.id, version: '1.0.0', publishedAt: new Date('2024-01-01T00:00:00Z'), integrity: 'sha512-x', deprecated: null, docsRoot: 'docs',
      files: [file('docs/a.md', 'alpha', true), file('docs/b.md', 'beta', true), file('docs/copy.md', 'alpha', true)],
    });
    expect(v1).toMatchObject({ created: true, filesWritten: 3 });
    const v2 = await writeVersion(database.db, {
      packageId: pkg.id, version: '1.1.0', publishedAt: null, integrity: null, deprecated: null, docsRoot: 'docs',
      files: [file('docs/a.md', 'alpha', true), file('docs/b.md', 'beta two', true)],
    });
    expect(v2.blobsWritten).toBe(1);
    const rows = await listVersionRows(database.db, pkg.id);
    expect(rows.map((row) => [row.version, row.fileCount])).toEqual([['1.0.0', 3], ['1.1.0', 2]]);
    const files = await listVersionFiles(database.db, v1.versionId);
    expect(files.map((row) => row.path)).toEqual(['docs/a.md', 'docs/b.md', 'docs/copy.md']);
    const loaded = await loadBlobs(database.db, files.map((row) => row.sha256));
    expect(Buffer.from(loaded.get(files[0]!.sha256)!.content).toString()).toBe('alpha');
    const meta = await loadDocMeta(database.db, [files[1]!.sha256]);
    expect(meta.get(files[1]!.sha256)?.title).toBe('beta');
  });

  it('treats a second write of the same version as a no-op that writes nothing', async () => {
    const pkg = await ensurePackage(database.db, { name: uniqueName() });
    const input = { packageId: pkg.id, version: '1.0.0', publishedAt: null, integrity: null, deprecated: null, docsRoot: null, files: [file('x.md', `x-${pkg.id}`)] };
    expect((await writeVersion(database.db, input)).created).toBe(true);
    const again = await writeVersion(database.db, input);
    expect(again).toMatchObject({ created: false, filesWritten: 0, blobsWritten: 0 });
  });

  it('rolls back everything when the write fails part-way, and a rerun stores exactly one copy', async () => {
    const pkg = await ensurePackage(database.db, { name: uniqueName() });
    const many = Array.from({ length: 20_000 }, (_, i) => file(`docs/f${String(i).padStart(5, '0')}.md`, `${pkg.id} file ${i}`));
    const input = { packageId: pkg.id, version: '2.0.0', publishedAt: null, integrity: null, deprecated: null, docsRoot: null, files: many };
    await expect(
      writeVersion(database.db, input, {
        onFilesWritten: (written) => {
          if (written >= 6_000) throw new Error('killed part-way');
        },
      }),
    ).rejects.toThrow('killed part-way');
    expect((await listVersionRows(database.db, pkg.id)).some((row) => row.version === '2.0.0')).toBe(false);
    const [orphans] = await database.db.select({ n: count() }).from(blobs).where(eq(blobs.sha256, many[0]!.sha256));
    expect(Number(orphans!.n)).toBe(0);

    // 20,000 files × 5 columns is far over postgres' 65,534-parameter limit: the write must chunk.
    const result = await writeVersion(database.db, input);
    expect(result).toMatchObject({ created: true, filesWritten: 20_000 });
    const [stored] = await database.db.select({ n: count() }).from(versionFiles).where(eq(versionFiles.versionId, result.versionId));
    expect(Number(stored!.n)).toBe(20_000);
    const [versionRows] = await database.db.select({ n: count() }).from(versions).where(eq(versions.packageId, pkg.id));
    expect(Number(versionRows!.n)).toBe(1);
  });

  // Issue 16 item 6: a 3.6 KB path failed every sync with "index row size 3656 exceeds btree version 4
  // maximum 2704", shown as INTERNAL. The store now refuses the version with a clear message first.
  it('refuses a version holding a path over 1024 bytes with a clear message and stores nothing; 1024 bytes fit', async () => {
    const pkg = await ensurePackage(database.db, { name: uniqueName() });
    const long = `docs/${Array.from({ length: 30 }, (_, i) => `${i}-${'x'.repeat(118)}`).join('/')}.md`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(3600);
    const input = { packageId: pkg.id, version: '4.0.0', publishedAt: null, integrity: null, deprecated: null, docsRoot: null, files: [file('ok.md', `ok ${pkg.id}`), file(long, `long ${pkg.id}`)] };
    const attempt = writeVersion(database.db, input);
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(writeVersion(database.db, input)).rejects.toThrow(/version 4\.0\.0 has a file path of 3\d{3} bytes, over the 1024-byte limit/);
    expect((await listVersionRows(database.db, pkg.id)).some((row) => row.version === '4.0.0')).toBe(false);

    const atLimit = `docs/${'é'.repeat(509)}.md`;
    expect(Buffer.byteLength(atLimit)).toBe(1026);
    await expect(writeVersion(database.db, { ...input, files: [file(atLimit, `edge ${pkg.id}`)] })).rejects.toThrow(/1026 bytes/);
    const fits = `docs/${'é'.repeat(508)}.md`;
    const stored = await writeVersion(database.db, { ...input, files: [file(fits, `edge ${pkg.id}`)] });
    expect(stored).toMatchObject({ created: true, filesWritten: 1 });
  });

  it('gives two concurrent writers of one version a single row set', async () => {
    const pkg = await ensurePackage(database.db, { name: uniqueName() });
    const input = { packageId: pkg.id, version: '3.0.0', publishedAt: null, integrity: null, deprecated: null, docsRoot: null, files: [file('a.md', `race ${pkg.id}`), file('b.md', `race b ${pkg.id}`)] };
    const results = await Promise.all([writeVersion(database.db, input), writeVersion(database.db, input)]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const [stored] = await database.db.select({ n: count() }).from(versionFiles).where(eq(versionFiles.versionId, results.find((r) => r.created)!.versionId));
    expect(Number(stored!.n)).toBe(2);
  });
});
