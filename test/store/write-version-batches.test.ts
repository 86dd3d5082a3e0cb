// A version written batch by batch (issue 17 item 5): still all of it or none of it, contents the
// database holds are not sent again, and text reaches PostgreSQL as the drivers would send it. The
// contents go first, a few batches at once on their own transactions; the version's listing after.
import crypto from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocMeta } from '../../src/store/blobs.ts';
import { ensurePackage } from '../../src/store/packages.ts';
import { blobs, docMeta, packages } from '../../src/store/schema/index.ts';
import { listVersionFiles, listVersionRows } from '../../src/store/versions.ts';
import { type VersionHeader, writeVersionInBatches } from '../../src/store/write-version.ts';
import type { NormalizedFile } from '../../src/types.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { normalizedFile } from '../support/normalized-file.ts';

function page(path: string, text: string, title = text): NormalizedFile {
  return normalizedFile(path, text, { doc: { frontmatter: { title }, title, description: null, headings: [], links: [], frontmatterError: null } });
}

const bySha = (a: NormalizedFile, b: NormalizedFile) => (a.sha256 < b.sha256 ? -1 : 1);
const rowsOf = (files: NormalizedFile[]) => files.map(({ path, sha256, route, note }) => ({ path, sha256, route, note }));

describe.each(testDrivers())('writing a version in batches on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  const header = (packageId: number, version: string, files: NormalizedFile[]): VersionHeader => ({
    packageId, version, publishedAt: null, integrity: null, deprecated: null, fileCount: files.length, totalBytes: files.reduce((sum, file) => sum + file.size, 0),
  });

  it('stores nothing when the producer fails after some batches were written', async () => {
    const pkg = await ensurePackage(database.db, { name: `batches-${crypto.randomBytes(4).toString('hex')}` });
    const files = Array.from({ length: 30 }, (_, i) => page(`docs/p${i}.md`, `${pkg.id} page ${i}`)).sort(bySha);
    const attempt = writeVersionInBatches(database.db, header(pkg.id, '1.0.0', files), async (sink) => {
      await sink.write(files.slice(0, 10));
      await sink.write(files.slice(10, 20));
      throw new Error('tarball went bad half-way');
    });
    await expect(attempt).rejects.toThrow('tarball went bad half-way');
    expect(await listVersionRows(database.db, pkg.id)).toEqual([]);
    const [left] = await database.db.select({ n: count() }).from(blobs).where(inArray(blobs.sha256, files.map((file) => file.sha256)));
    expect(Number(left!.n)).toBe(0);
  });

  it('sends only contents the database lacks, and keeps the page metadata the first writer stored', async () => {
    const pkg = await ensurePackage(database.db, { name: `batches-${crypto.randomBytes(4).toString('hex')}` });
    const kept = page('docs/kept.md', `${pkg.id} kept`, 'First title');
    const v1 = [kept, page('docs/old.md', `${pkg.id} old`)].sort(bySha);
    const first = await writeVersionInBatches(database.db, header(pkg.id, '1.0.0', v1), async (sink) => {
      await sink.write(v1);
      return { docsRoot: 'docs', files: rowsOf(v1) };
    });
    expect(first.blobsWritten).toBe(2);
    // The same content under another path, with other metadata: the stored row wins, as before.
    const moved = { ...kept, path: 'docs/moved.md', doc: { ...kept.doc!, title: 'Second title' } };
    const v2 = [moved, page('docs/new.md', `${pkg.id} new`)].sort(bySha);
    const second = await writeVersionInBatches(database.db, header(pkg.id, '2.0.0', v2), async (sink) => {
      await sink.write(v2.slice(0, 1));
      await sink.write(v2.slice(1));
      return { docsRoot: null, files: rowsOf(v2) };
    });
    expect(second).toMatchObject({ created: true, blobsWritten: 1, filesWritten: 2 });
    expect((await loadDocMeta(database.db, [kept.sha256])).get(kept.sha256)?.title).toBe('First title');
    const rows = await listVersionRows(database.db, pkg.id);
    expect(rows.map((row) => [row.version, row.docsRoot, row.fileCount])).toEqual([['1.0.0', 'docs', 2], ['2.0.0', null, 2]]);
    expect((await listVersionFiles(database.db, second.versionId)).map((row) => row.path)).toEqual(['docs/moved.md', 'docs/new.md']);
  });

  it('stores text holding a lone surrogate as U+FFFD, as the drivers send a parameter', async () => {
    const pkg = await ensurePackage(database.db, { name: `batches-${crypto.randomBytes(4).toString('hex')}` });
    // Normalize cleans what it parses (clean-string.ts); a caller's row can still hold one.
    const odd = page('docs/odd.md', `${pkg.id} odd`, 'clean');
    odd.doc = { ...odd.doc!, title: 'cut \uD83D here' };
    await writeVersionInBatches(database.db, header(pkg.id, '1.0.0', [odd]), async (sink) => {
      await sink.write([odd]);
      return { docsRoot: null, files: [{ path: odd.path, sha256: odd.sha256, route: '/odd', note: 'note \uDE00' }] };
    });
    const [meta] = await database.db.select({ title: docMeta.title }).from(docMeta).where(eq(docMeta.sha256, odd.sha256));
    expect(meta!.title).toBe('cut \uFFFD here');
    const [row] = await listVersionFiles(database.db, (await listVersionRows(database.db, pkg.id))[0]!.id);
    expect(row).toMatchObject({ route: '/odd', note: 'note \uFFFD' });
  });

  it('writes a content removed between the two steps again, and lists the version whole', async () => {
    const pkg = await ensurePackage(database.db, { name: `batches-${crypto.randomBytes(4).toString('hex')}` });
    const files = Array.from({ length: 6 }, (_, i) => page(`docs/p${i}.md`, `${pkg.id} gone ${i}`)).sort(bySha);
    const victim = files[3]!;
    const retries: number[] = [];
    let attempts = 0;
    const result = await writeVersionInBatches(
      database.db,
      header(pkg.id, '1.0.0', files),
      async (sink) => {
        attempts += 1;
        await sink.write(files.slice(0, 3));
        await sink.write(files.slice(3));
        if (attempts === 1) {
          // What an untrack of another package holding this content would do once it is committed.
          for (let waited = 0; waited < 5_000; waited += 10) {
            const [stored] = await database.db.select({ n: count() }).from(blobs).where(eq(blobs.sha256, victim.sha256));
            if (Number(stored!.n) === 1) break;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          await database.db.delete(docMeta).where(eq(docMeta.sha256, victim.sha256));
          await database.db.delete(blobs).where(eq(blobs.sha256, victim.sha256));
        }
        return { docsRoot: null, files: rowsOf(files) };
      },
      { onDeadlockRetry: (attempt) => retries.push(attempt) },
    );
    expect(retries).toEqual([1]);
    expect(result).toMatchObject({ created: true, filesWritten: 6, blobsWritten: 6 });
    const [left] = await database.db.select({ n: count() }).from(blobs).where(inArray(blobs.sha256, files.map((file) => file.sha256)));
    expect(Number(left!.n)).toBe(6);
  });

  it('fails at once, without another attempt, when the package is gone, and leaves none of its contents', async () => {
    const pkg = await ensurePackage(database.db, { name: `batches-${crypto.randomBytes(4).toString('hex')}` });
    const files = Array.from({ length: 3 }, (_, i) => page(`docs/p${i}.md`, `${pkg.id} orphaned ${i}`)).sort(bySha);
    const retries: number[] = [];
    const attempt = writeVersionInBatches(
      database.db,
      header(pkg.id, '1.0.0', files),
      async (sink) => {
        await sink.write(files);
        // Untracked meanwhile: the version row's foreign key fails, not a content's.
        await database.db.delete(packages).where(eq(packages.id, pkg.id));
        return { docsRoot: null, files: rowsOf(files) };
      },
      { onDeadlockRetry: (attempt) => retries.push(attempt) },
    );
    await expect(attempt).rejects.toThrow();
    expect(retries).toEqual([]);
    const [left] = await database.db.select({ n: count() }).from(blobs).where(inArray(blobs.sha256, files.map((file) => file.sha256)));
    expect(Number(left!.n)).toBe(0);
  });

  if (driver === 'postgres') {
    it('stores the next batch of contents while one waits for a lock another writer holds', async () => {
      const pkg = await ensurePackage(database.db, { name: `batches-${crypto.randomBytes(4).toString('hex')}` });
      const files = Array.from({ length: 4 }, (_, i) => page(`docs/p${i}.md`, `${pkg.id} parallel ${i}`)).sort(bySha);
      const [held, ...rest] = files as [NormalizedFile, ...NormalizedFile[]];
      // Another session inserts the first batch's content and keeps its transaction open.
      const other = postgres(database.url!, { max: 1, onnotice: () => {} });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const isHolding = new Promise<void>((resolve) => (holding = resolve));
      const otherDone = other
        .begin(async (tx) => {
          await tx`insert into blobs (sha256, size, "binary", content) values (${held.sha256}, ${held.size}, false, ${Buffer.from(held.bytes)})`;
          holding();
          await released;
          throw new Error('rolled back on purpose');
        })
        .catch((error: Error) => error.message);
      try {
        await isHolding;
        let restStored = false;
        const writing = writeVersionInBatches(database.db, header(pkg.id, '1.0.0', files), async (sink) => {
          await sink.write([held]);
          await sink.write(rest);
          // The second batch commits although the first still waits for the other session.
          for (let waited = 0; waited < 10_000 && !restStored; waited += 20) {
            const [stored] = await database.db.select({ n: count() }).from(blobs).where(inArray(blobs.sha256, rest.map((file) => file.sha256)));
            restStored = Number(stored!.n) === rest.length;
            if (!restStored) await new Promise((resolve) => setTimeout(resolve, 20));
          }
          release();
          return { docsRoot: null, files: rowsOf(files) };
        });
        const result = await writing;
        expect(restStored).toBe(true);
        expect(await otherDone).toBe('rolled back on purpose');
        expect(result).toMatchObject({ created: true, filesWritten: 4, blobsWritten: 4 });
      } finally {
        release();
        await other.end({ timeout: 5 });
      }
    }, 30_000);
  }
});
