// Issue 16 item 4: two CLIs on PostgreSQL ingesting two versions whose 20,000 contents are the same
// at reversed paths died with "deadlock detected" (3 of 3 rounds). Each writer inserts blobs in the
// order it met them, so each held rows the other was waiting for. Now rows go in one global order,
// and a deadlock PostgreSQL reports anyway is retried.
import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/services/ingest.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { ensurePackage } from '../../src/store/packages.ts';
import { blobs, versionFiles } from '../../src/store/schema/index.ts';
import { writeVersion } from '../../src/store/write-version.ts';
import type { SourceFile, SourceVersion } from '../../src/types.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';

const FILES = 20_000;
const release = (version: string): SourceVersion => ({ version, publishedAt: null, deprecated: null, integrity: null });

/** The same contents at reversed paths, each list sorted by path as every source yields it. */
function mirroredVersions(seed: string): [SourceFile[], SourceFile[]] {
  const contents = Array.from({ length: FILES }, (_, i) => new TextEncoder().encode(`# Page ${i}\n\n${seed} body ${i}\n`));
  const path = (i: number) => `docs/p${String(i).padStart(5, '0')}.md`;
  const a = contents.map((bytes, i) => ({ path: path(i), bytes }));
  const b = contents.map((bytes, i) => ({ path: path(FILES - 1 - i), bytes })).reverse();
  return [a, b];
}

describe.each(testDrivers())('concurrent ingest on %s', (driver) => {
  let database: TestDatabase;
  let second: Database;
  let ctxA: ServiceContext;
  let ctxB: ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    // Like two CLIs: on PostgreSQL, a second client with its own connections; PGlite has one writer.
    second = driver === 'postgres' ? await openDatabase({ url: database.url! }) : database;
    ctxA = await testContext(database);
    ctxB = await testContext(second);
  }, 60_000);
  afterAll(async () => {
    if (second !== database) await second?.close();
    await database?.close();
  });

  it('stores two versions sharing 20,000 contents at reversed paths from two writers at once', async () => {
    const pkg = await ensurePackage(ctxA.db, { name: `mirrored-${crypto.randomBytes(4).toString('hex')}` });
    const [a, b] = mirroredVersions(crypto.randomBytes(8).toString('hex'));
    const results = await Promise.all([ingestFiles(ctxA, pkg, release('1.0.0'), a), ingestFiles(ctxB, pkg, release('2.0.0'), b)]);
    expect(results.map((result) => [result.version, result.created, result.filesWritten])).toEqual([
      ['1.0.0', true, FILES],
      ['2.0.0', true, FILES],
    ]);
    expect(results[0]!.blobsWritten + results[1]!.blobsWritten).toBe(FILES);
    for (const result of results) {
      const [stored] = await ctxA.db.select({ n: count() }).from(versionFiles).where(eq(versionFiles.versionId, result.versionId));
      expect(Number(stored!.n)).toBe(FILES);
    }
  }, 120_000);

  if (driver === 'postgres') {
    it('retries a transaction PostgreSQL breaks as a deadlock, and the version is stored once', async () => {
      const pkg = await ensurePackage(ctxA.db, { name: `deadlocked-${crypto.randomBytes(4).toString('hex')}` });
      const low = { sha: `00${crypto.randomBytes(31).toString('hex')}`, bytes: Buffer.from(`low ${pkg.id}`) };
      const high = { sha: `ff${crypto.randomBytes(31).toString('hex')}`, bytes: Buffer.from(`high ${pkg.id}`) };
      const file = (path: string, blob: typeof low) => ({
        path, sha256: blob.sha, size: blob.bytes.length, binary: false, note: null, route: null, doc: null, bytes: new Uint8Array(blob.bytes),
      });
      // Another session holds the high blob, then (once the writer holds the low one and waits for
      // the high one) asks for the low one: a real lock cycle. Its own deadlock check is slowed, so
      // PostgreSQL picks the writer as the victim.
      const other = postgres(database.url!, { max: 1, onnotice: () => {} });
      const retries: number[] = [];
      try {
        const otherDone = other.begin(async (tx) => {
          await tx`set local deadlock_timeout = '20s'`;
          await tx`insert into blobs (sha256, size, "binary", content) values (${high.sha}, ${high.bytes.length}, false, ${high.bytes})`;
          // Wait until the writer is blocked on the high blob, holding the low one.
          for (let i = 0; i < 200; i += 1) {
            const [row] = await tx`select count(*)::int as n from pg_locks where not granted and locktype = 'transactionid' and transactionid::text = pg_current_xact_id()::text`;
            if (row!.n > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
          await tx`insert into blobs (sha256, size, "binary", content) values (${low.sha}, ${low.bytes.length}, false, ${low.bytes}) on conflict do nothing`;
          throw new Error('rolled back on purpose');
        }).catch((error: Error) => error.message);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const written = await writeVersion(
          second.db,
          { packageId: pkg.id, version: '1.0.0', publishedAt: null, integrity: null, deprecated: null, docsRoot: null, files: [file('a.md', low), file('b.md', high)] },
          { onDeadlockRetry: (attempt) => retries.push(attempt) },
        );
        expect(await otherDone).toBe('rolled back on purpose');
        expect(retries).toEqual([1]);
        expect(written).toMatchObject({ created: true, filesWritten: 2 });
        const [stored] = await ctxA.db.select({ n: count() }).from(blobs).where(eq(blobs.sha256, low.sha));
        expect(Number(stored!.n)).toBe(1);
      } finally {
        await other.end({ timeout: 5 });
      }
    }, 60_000);
  }
});
