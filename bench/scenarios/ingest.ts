// Issue 2's figures and issue 9's "ingest" and "storage": the real package ingested from its local
// snapshots, in a child process per driver so the peak RSS is the ingest's own.
import { createScratchDatabase } from '../postgres-database.ts';
import { type BenchEnv, copyPgliteFolder } from '../bench-env.ts';
import { runChild } from '../child-process.ts';
import type { ChildDatabase } from '../child-database.ts';
import { repeat } from '../interleave.ts';
import { sha256Hex } from '../../src/normalize/content-hash.ts';
import { normalizeVersion } from '../diff-input.ts';
import type { Scenario } from './scenario.ts';

interface IngestChildResult {
  openMs: number;
  openRssMb: number;
  samples: { toAlone: number[]; toAfterFrom: number[]; both: number[] };
  toAlone: { files: number; blobsWritten: number; filesWritten: number };
  toAfterFrom: { files: number; blobsWritten: number };
  both: { files: number; versions: number };
  storage: { databaseBytes: number; tableBytes: Record<string, number>; blobs: number };
  peakRssMb: number;
}

/** Distinct contents of `to` that `from` does not hold: what a correct second ingest writes. */
function blobsNewIn(env: BenchEnv): number {
  const before = new Set(env.real.files.from.map((file) => sha256Hex(file.bytes)));
  return new Set(env.real.files.to.map((file) => sha256Hex(file.bytes)).filter((sha) => !before.has(sha))).size;
}

async function measure(env: BenchEnv, driver: 'pglite' | 'postgres', database: ChildDatabase): Promise<IngestChildResult> {
  return runChild<IngestChildResult>(
    'child-ingest.ts',
    [
      JSON.stringify({
        database,
        snapshotsDir: env.snapshotsDir,
        packageName: env.real.name,
        from: env.real.from,
        to: env.real.to,
        repetitions: env.reps('heavy'),
      }),
    ],
    { label: `ingest ${driver}`, timeoutMs: 300_000 },
  );
}

function reportDriver(env: BenchEnv, driver: 'pglite' | 'postgres', result: IngestChildResult, expectedNewBlobs: number): void {
  const { report, real } = env;
  const section = `ingest (${driver})`;
  const rssNote =
    driver === 'pglite'
      ? `peak RSS of the whole process, which holds the embedded PGlite database (${Math.round(result.openRssMb)} MB right after opening an existing data folder, before any ingest)`
      : 'peak RSS of the docdelta process; the PostgreSQL server is a separate process and not counted';
  report.figure({
    section,
    name: `ingest ${real.to} alone from the local snapshot (${result.toAlone.files} files, ${result.toAlone.blobsWritten} blobs written)`,
    unit: 'ms',
    samples: result.samples.toAlone,
    goal: { text: 'under 2 s', max: 2000 },
  });
  report.figure({
    section,
    name: `ingest ${real.to} after ${real.from}: blobs written (${expectedNewBlobs} contents are new in ${real.to})`,
    unit: 'blobs',
    samples: [result.toAfterFrom.blobsWritten],
    goal: { text: `exactly the ${expectedNewBlobs} new contents`, min: expectedNewBlobs, max: expectedNewBlobs },
  });
  report.figure({ section, name: `ingest ${real.to} after ${real.from}`, unit: 'ms', samples: result.samples.toAfterFrom });
  const bothSeconds = result.samples.both.map((ms) => ms / 1000);
  report.figure({ section, name: `ingest both versions: versions per second`, unit: 'versions/s', samples: bothSeconds.map((s) => result.both.versions / s) });
  report.figure({ section, name: `ingest both versions: files per second`, unit: 'files/s', samples: bothSeconds.map((s) => result.both.files / s) });
  report.figure({
    section,
    name: 'peak RSS during ingest',
    unit: 'MB',
    samples: [result.peakRssMb],
    goal: { text: 'under 200 MB', max: 200 },
    notes: rssNote,
  });
  report.figure({ section, name: 'opening the database (existing, migrated)', unit: 'ms', samples: [result.openMs] });
  const storageSection = `storage (${driver})`;
  report.figure({
    section: storageSection,
    name: `database size holding ${real.from} and ${real.to}`,
    unit: 'bytes',
    samples: [result.storage.databaseBytes],
    notes: `pg_database_size, catalog included; tables: ${Object.entries(result.storage.tableBytes)
      .filter(([, bytes]) => bytes > 64 * 1024)
      .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`)
      .join(', ')}`,
  });
  const dataBytes = Object.values(result.storage.tableBytes).reduce((sum, bytes) => sum + bytes, 0);
  report.figure({
    section: storageSection,
    name: `docdelta's tables vs raw bytes of both versions (${(real.rawBytes / 1e6).toFixed(2)} MB unpacked, ${(real.tarballBytes / 1e6).toFixed(2)} MB as tarballs)`,
    unit: '× raw',
    samples: [dataBytes / real.rawBytes],
    notes: `${(dataBytes / 1e6).toFixed(2)} MB in docdelta's tables (indexes and TOAST included, no diff cached); ${result.storage.blobs} distinct blobs for ${real.files.from.length + real.files.to.length} files`,
  });
}

/** The pure normalize stage alone (in this process), to tell its share of an ingest from the database's. */
async function reportNormalize(env: BenchEnv): Promise<void> {
  const samples = await repeat({ run: async () => normalizeVersion(env.real.files.to) }, env.reps('medium'), 1);
  env.report.figure({
    section: 'ingest (normalize stage)',
    name: `normalize ${env.real.to} in memory (${env.real.files.to.length} files: decode, frontmatter, headings, links, sha256)`,
    unit: 'ms',
    samples,
    notes: "the part of an ingest that is not the database's; the rest of the ingest figures' time is fetching from the snapshot and writing",
  });
}

export const ingestScenario: Scenario = {
  name: 'ingest',
  async run(env) {
    await reportNormalize(env);
    const expectedNewBlobs = blobsNewIn(env);
    const pgliteFolder = await copyPgliteFolder(env, env.pglite.empty, 'ingest');
    const pglite = await measure(env, 'pglite', { driver: 'pglite', dataDir: pgliteFolder });
    reportDriver(env, 'pglite', pglite, expectedNewBlobs);
    // The child leaves both versions stored: later scenarios start from a copy of this folder.
    env.pglite.pair = pgliteFolder;

    if (!env.postgres) return;
    const scratch = await createScratchDatabase(env.postgres.adminUrl);
    try {
      const result = await measure(env, 'postgres', { driver: 'postgres', url: scratch.url });
      reportDriver(env, 'postgres', result, expectedNewBlobs);
    } finally {
      await scratch.drop();
    }
  },
};
