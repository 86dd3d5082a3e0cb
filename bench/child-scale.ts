// Child: the scale study on one driver. Ingests the seeded synthetic package version by version
// (ingestFiles, as a sync would, minus the network), and at each checkpoint records the cumulative
// sync time, database and table sizes, two cold diffs and this process's peak RSS so far.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { ingestFiles } from '../src/services/ingest.ts';
import { diffPair, resolvePair } from '../src/services/version-diff.ts';
import { ensurePackage } from '../src/store/packages.ts';
import { blobCount, checkpoint, databaseBytes, dropCachedDiffs, tableBytes } from './bench-store.ts';
import { emitChildResult, peakRssMb } from './child-process.ts';
import { childArgs, childDatabaseSchema, openChildContext } from './child-database.ts';
import type { ScalePoint } from './results-schema.ts';
import { SCALE_PACKAGE, syntheticVersions, versionName } from './synthetic/package-versions.ts';

const args = childArgs(
  z.object({
    database: childDatabaseSchema,
    snapshotsDir: z.string().min(1),
    checkpoints: z.array(z.number().int().min(2).max(1000)).min(1).max(10),
    packageName: z.string().min(1).max(214),
    /** Epoch ms: past it, no further version is ingested; a last point is measured where it stopped. */
    deadline: z.number().int().positive(),
  }),
);

const ctx = await openChildContext(args.database, args.snapshotsDir);
const pkg = await ensurePackage(ctx.db, { name: args.packageName, source: 'local' });
const last = Math.max(...args.checkpoints);
const points: ScalePoint[] = [];
let syncMs = 0;
let rawBytes = 0;
let stoppedAt: number | null = null;

async function timedDiff(from: string, to: string): Promise<number> {
  await dropCachedDiffs(ctx.db);
  const pair = await resolvePair(ctx, { package: pkg.name, from, to });
  const started = performance.now();
  await diffPair(ctx, pair);
  return performance.now() - started;
}

async function measurePoint(n: number, files: number): Promise<void> {
  const middle = Math.max(1, Math.floor(n / 2));
  const middlePair: [string, string] = [versionName(middle), versionName(middle + 1)];
  const diffFirstToLastMs = await timedDiff(versionName(1), versionName(n));
  const diffMiddlePairMs = await timedDiff(...middlePair);
  await dropCachedDiffs(ctx.db);
  await checkpoint(ctx.db);
  points.push({
    versions: n,
    files,
    syncMs,
    rawBytes,
    databaseBytes: await databaseBytes(ctx.db),
    tableBytes: await tableBytes(ctx.db),
    blobs: await blobCount(ctx.db),
    diffFirstToLastMs,
    diffMiddlePairMs,
    middlePair,
    peakRssMb: peakRssMb(),
  });
  process.stderr.write(`${n} versions: sync ${(syncMs / 1000).toFixed(1)} s, diff v1→v${n} ${diffFirstToLastMs.toFixed(0)} ms, RSS ${peakRssMb().toFixed(0)} MB\n`);
}

let ingested = { number: 0, files: 0 };
for (const version of syntheticVersions({ ...SCALE_PACKAGE, versions: last })) {
  if (Date.now() > args.deadline) {
    stoppedAt = ingested.number;
    break;
  }
  const started = performance.now();
  await ingestFiles(ctx, pkg, { version: version.version, publishedAt: new Date(Date.UTC(2025, 0, version.number)), deprecated: null, integrity: null }, version.files);
  syncMs += performance.now() - started;
  rawBytes += version.files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  ingested = { number: version.number, files: version.files.length };
  if (args.checkpoints.includes(version.number)) await measurePoint(version.number, version.files.length);
}
// Cut short: one more point where it stopped, so the table shows how far it got.
if (stoppedAt !== null && stoppedAt >= 2 && points.at(-1)?.versions !== stoppedAt) await measurePoint(stoppedAt, ingested.files);
await ctx.database.close();
emitChildResult({ points, stoppedAt });
