// Child: ingest of the real package from its local snapshots (no network), timed, with the peak RSS
// of this process. 0.2.0 alone into an empty database; then 0.1.0 followed by 0.2.0, where only the
// blobs 0.1.0 lacked may be written. Leaves the database holding both versions and their diff.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { syncPackage } from '../src/services/sync.ts';
import { getVersionDiff } from '../src/services/version-diff.ts';
import { emitChildResult, peakRssMb } from './child-process.ts';
import { childArgs, childDatabaseSchema, openChildContext } from './child-database.ts';
import { blobCount, checkpoint, databaseBytes, emptyDatabase, tableBytes } from './bench-store.ts';

const args = childArgs(
  z.object({
    database: childDatabaseSchema,
    snapshotsDir: z.string().min(1),
    packageName: z.string().min(1).max(214),
    from: z.string().min(1).max(100),
    to: z.string().min(1).max(100),
    repetitions: z.number().int().min(1).max(50),
  }),
);

const opened = performance.now();
const ctx = await openChildContext(args.database, args.snapshotsDir);
const openMs = performance.now() - opened;
const openRssMb = peakRssMb();

const sync = async (versions: string[]) => {
  const started = performance.now();
  const report = await syncPackage(ctx, args.packageName, { versions, offline: true });
  const ms = performance.now() - started;
  if (report.failed.length > 0) throw new Error(`ingest failed: ${JSON.stringify(report.failed)}`);
  return { ms, ingested: report.ingested };
};

const samples = { toAlone: [] as number[], toAfterFrom: [] as number[], both: [] as number[] };
let toAlone = { files: 0, blobsWritten: 0, filesWritten: 0 };
let toAfterFrom = { files: 0, blobsWritten: 0 };
let both = { files: 0, versions: 0 };
for (let i = 0; i < args.repetitions; i += 1) {
  await emptyDatabase(ctx.db);
  const alone = await sync([args.to]);
  samples.toAlone.push(alone.ms);
  const entry = alone.ingested[0]!;
  toAlone = { files: entry.files, blobsWritten: entry.blobsWritten, filesWritten: entry.filesWritten };

  await emptyDatabase(ctx.db);
  await sync([args.from]);
  const after = await sync([args.to]);
  samples.toAfterFrom.push(after.ms);
  toAfterFrom = { files: after.ingested[0]!.files, blobsWritten: after.ingested[0]!.blobsWritten };

  await emptyDatabase(ctx.db);
  const pair = await sync([args.from, args.to]);
  samples.both.push(pair.ms);
  both = { files: pair.ingested.reduce((sum, version) => sum + version.files, 0), versions: pair.ingested.length };
}
await checkpoint(ctx.db);
const storage = { databaseBytes: await databaseBytes(ctx.db), tableBytes: await tableBytes(ctx.db), blobs: await blobCount(ctx.db) };
// Later scenarios start from this database: leave the pair's diff cached, as a sync's precompute would.
await getVersionDiff(ctx, { package: args.packageName, from: args.from, to: args.to });
await ctx.database.close();
emitChildResult({ openMs, openRssMb, samples, toAlone, toAfterFrom, both, storage });
