// Comparison 2 (issues 3 and 9): computing the diff of the real pair vs
// `git diff --no-index -M --numstat` on the unpacked trees; and the cached diff.
import { diffTrees } from '../../src/diff/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { diffPair, getVersionDiff, resolvePair } from '../../src/services/version-diff.ts';
import { settleCachedDiffWrites } from '../../src/store/diff-cache.ts';
import type { BenchEnv } from '../bench-env.ts';
import { dropCachedDiffs } from '../bench-store.ts';
import { toDiffInput } from '../diff-input.ts';
import { CLEAN_GIT_ENV, runCommand } from '../external-command.ts';
import { interleave, repeat, type TimedSide } from '../interleave.ts';
import { openPgliteCopy, pairFolder, type PgliteContext } from '../pglite-context.ts';
import { openPostgresContext, type PostgresContext } from '../postgres-database.ts';
import { ensureRealPair } from '../real-package.ts';
import type { Scenario } from './scenario.ts';

const DIFF_GOAL = { text: '≤ 1.0 × git', max: 1 };
const CACHED_GOAL = { text: 'under 5 ms', max: 5 };

function gitSide(env: BenchEnv, extra: string[]): TimedSide {
  return {
    run: () =>
      runCommand('git', ['diff', '--no-index', '-M', '--numstat', ...extra, env.real.from, env.real.to], {
        cwd: env.real.trees.root,
        env: CLEAN_GIT_ENV,
        okCodes: [1],
      }),
  };
}

async function storedDiffSide(env: BenchEnv, ctx: ServiceContext): Promise<TimedSide> {
  await ensureRealPair(env.real, ctx);
  const pair = await resolvePair(ctx, { package: env.real.name, from: env.real.from, to: env.real.to });
  // On PGlite the answer does not wait for its cache row (store/diff-cache.ts); the write is settled untimed,
  // so it neither counts nor spills into the next side's run.
  return { prepare: () => dropCachedDiffs(ctx.db), run: () => diffPair(ctx, pair), settle: () => settleCachedDiffWrites(ctx.db) };
}

async function cachedDiffSamples(env: BenchEnv, ctx: ServiceContext): Promise<number[]> {
  const request = { package: env.real.name, from: env.real.from, to: env.real.to };
  await getVersionDiff(ctx, request);
  return repeat({ run: () => getVersionDiff(ctx, request) }, env.reps('light'), 2);
}

export const gitDiffScenario: Scenario = {
  name: 'git-diff',
  async run(env) {
    const { report, real } = env;
    const oldInput = toDiffInput(real.files.from);
    const newInput = toDiffInput(real.files.to);
    const pglite: PgliteContext = await openPgliteCopy(env, await pairFolder(env), 'git-diff');
    let postgres: PostgresContext | null = null;
    try {
      if (env.postgres) postgres = await openPostgresContext(env.postgres.adminUrl, env.snapshotsDir);
      const sides: Record<string, TimedSide> = {
        git: gitSide(env, []),
        gitMinimal: gitSide(env, ['--minimal']),
        memory: { run: async () => diffTrees(oldInput, newInput) },
        pglite: await storedDiffSide(env, pglite.ctx),
      };
      if (postgres) sides.postgres = await storedDiffSide(env, postgres.ctx);
      // Each run takes 0.1–0.2 s: twenty interleaved rounds cost seconds, and steady the medians on a
      // shared machine whose speed moves between rounds more than five samples can average out.
      const samples = await interleave(sides, { repetitions: env.reps('light'), warmup: env.warmup });

      const theirs = `git diff --no-index -M --numstat ${real.from} ${real.to} (unpacked trees on disk)`;
      const counted = diffTrees(oldInput, newInput);
      const sameWork = `docdelta counts lines like git's --minimal (the "git --minimal" figure below) and also computes folder moves and page-level changes; ${counted.summary.renamed} renames, ${counted.moves.length} folder moves`;
      report.compare({
        name: 'diff compute: docdelta from PGlite (cache cold) vs git diff',
        ours: 'diffPair with no cached diff: load both versions from PGlite, pair renames, count lines, doc changes',
        theirs,
        oursSamples: samples.pglite!,
        theirsSamples: samples.git!,
        goal: DIFF_GOAL,
        notes: sameWork,
      });
      if (samples.postgres) {
        report.compare({
          name: 'diff compute: docdelta from PostgreSQL (cache cold) vs git diff',
          ours: 'diffPair with no cached diff, from PostgreSQL',
          theirs,
          oursSamples: samples.postgres,
          theirsSamples: samples.git!,
          goal: DIFF_GOAL,
        });
      }
      report.compare({
        name: 'diff compute: docdelta in memory (no database) vs git diff',
        ours: 'diffTrees on both versions already in memory (the pure engine alone)',
        theirs,
        oursSamples: samples.memory!,
        theirsSamples: samples.git!,
        goal: DIFF_GOAL,
      });
      report.compare({
        name: 'diff compute: docdelta in memory vs git diff --minimal',
        ours: 'diffTrees on both versions in memory',
        theirs: `git diff --no-index -M --numstat --minimal ${real.from} ${real.to}`,
        oursSamples: samples.memory!,
        theirsSamples: samples.gitMinimal!,
        notes: 'the same line-count definition on both sides',
      });

      report.figure({ section: 'cached diff', name: 'getVersionDiff, cached (PGlite)', unit: 'ms', samples: await cachedDiffSamples(env, pglite.ctx), goal: CACHED_GOAL });
      if (postgres) {
        report.figure({ section: 'cached diff', name: 'getVersionDiff, cached (PostgreSQL)', unit: 'ms', samples: await cachedDiffSamples(env, postgres.ctx), goal: CACHED_GOAL });
      }
    } finally {
      await pglite.close();
      await postgres?.close();
    }
  },
};
