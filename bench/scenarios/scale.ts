// The scale study (issue 9): the seeded synthetic package ingested to 10, 30 and 100 versions, on
// PGlite and on PostgreSQL, each in its own child process so peak RSS is the study's own.
import { copyPgliteFolder } from '../bench-env.ts';
import type { BenchEnv } from '../bench-env.ts';
import { runChild } from '../child-process.ts';
import type { ChildDatabase } from '../child-database.ts';
import { createScratchDatabase } from '../postgres-database.ts';
import type { ScalePoint, ScaleRun } from '../results-schema.ts';
import { SCALE_PACKAGE } from '../synthetic/package-versions.ts';
import type { Scenario } from './scenario.ts';

export const SCALE_CHECKPOINTS = [10, 30, 100];

/** One driver's study, ingesting until `deadline`; a study cut short says where it stopped. */
async function study(env: BenchEnv, database: ChildDatabase, deadline: number): Promise<ScalePoint[]> {
  const { points, stoppedAt } = await runChild<{ points: ScalePoint[]; stoppedAt: number | null }>(
    'child-scale.ts',
    [JSON.stringify({ database, snapshotsDir: env.snapshotsDir, checkpoints: SCALE_CHECKPOINTS, packageName: '@bench/synthetic-docs', deadline: Math.round(deadline) })],
    // The child stops ingesting at the deadline but still measures the checkpoint it is on.
    { label: `scale ${database.driver}`, timeoutMs: Math.max(60_000, deadline - Date.now() + 120_000) },
  );
  if (stoppedAt !== null) {
    env.report.gap(
      `scale (${database.driver}): stopped after ${stoppedAt} of ${SCALE_PACKAGE.versions} versions to keep the run within its time budget (the machine was slower than planned; see the load average)`,
    );
  }
  return points;
}

/** How storage grew between the first and last checkpoint, against what the versions added raw. */
function growthNote(points: ScalePoint[]): string | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || first === last) return null;
  const versions = last.versions - first.versions;
  const perVersion = (last.databaseBytes - first.databaseBytes) / versions;
  const rawPerVersion = (last.rawBytes - first.rawBytes) / versions;
  const manifest = ((last.tableBytes.version_files ?? 0) - (first.tableBytes.version_files ?? 0)) / versions;
  const content = ((last.tableBytes.blobs ?? 0) + (last.tableBytes.doc_meta ?? 0) - (first.tableBytes.blobs ?? 0) - (first.tableBytes.doc_meta ?? 0)) / versions;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  return (
    `From ${first.versions} to ${last.versions} versions the database grew ${kb(perVersion)} per version while each version is ${kb(rawPerVersion)} raw: ` +
    `${kb(content)} of new content (blobs + doc metadata: the ~2% churn) and ${kb(manifest)} of file list (version_files: one row per file per version, the part that grows with versions × files).`
  );
}

function reportRun(env: BenchEnv, run: ScaleRun): void {
  if (run.points.length === 0) return;
  const section = `scale (${run.driver})`;
  const diffs = run.points.flatMap((point) => [point.diffFirstToLastMs, point.diffMiddlePairMs]);
  env.report.figure({
    section,
    name: 'slowest pair diff at any checkpoint (cache cold)',
    unit: 'ms',
    samples: [Math.max(...diffs)],
    goal: { text: '≤ 0.5 s', max: 500 },
  });
  env.report.figure({
    section,
    name: `peak RSS over ${run.points.at(-1)?.versions ?? 0} versions`,
    unit: 'MB',
    samples: [Math.max(...run.points.map((point) => point.peakRssMb))],
    goal: { text: '≤ 300 MB', max: 300 },
    notes: run.driver === 'pglite' ? 'includes the embedded database' : 'the docdelta process only; the server is not counted',
  });
  const first = run.points[0];
  const last = run.points.at(-1);
  if (first && last && last !== first) {
    const grewPerVersion = (last.databaseBytes - first.databaseBytes) / (last.versions - first.versions);
    const rawPerVersion = (last.rawBytes - first.rawBytes) / (last.versions - first.versions);
    env.report.figure({
      section,
      name: `database growth per added version ÷ raw size of a version (${first.versions} → ${last.versions} versions)`,
      unit: '× raw',
      samples: [grewPerVersion / rawPerVersion],
      // Storing each version whole would be ≥ 1×; content-addressed storage should pay for the churn
      // (~2% here) plus a file list, so a quarter of a version's size is a generous ceiling.
      goal: { text: 'grows with churn, not versions × files (≤ 0.25× a whole version)', max: 0.25 },
      notes: run.notes ?? undefined,
    });
  }
}

export const scaleScenario: Scenario = {
  name: 'scale',
  fullOnly: true,
  async run(env) {
    const runs: ScaleRun[] = [];
    env.log(`  ${SCALE_PACKAGE.versions} versions × ${SCALE_PACKAGE.files} pages, checkpoints ${SCALE_CHECKPOINTS.join(', ')}`);
    // PostgreSQL first: it ingests two to three times faster here, so its 40% share of the time left
    // is ample, and PGlite, the slower one, gets everything that remains.
    if (env.postgres) {
      const scratch = await createScratchDatabase(env.postgres.adminUrl);
      try {
        const points = await study(env, { driver: 'postgres', url: scratch.url }, Date.now() + (env.deadline - Date.now()) * 0.4);
        runs.push({ driver: 'postgres', points, notes: growthNote(points) });
      } finally {
        await scratch.drop();
      }
    }
    const pgliteFolder = await copyPgliteFolder(env, env.pglite.empty, 'scale');
    const pglitePoints = await study(env, { driver: 'pglite', dataDir: pgliteFolder }, env.deadline);
    runs.unshift({ driver: 'pglite', points: pglitePoints, notes: growthNote(pglitePoints) });
    env.report.scale = runs;
    for (const run of runs) reportRun(env, run);
  },
};
