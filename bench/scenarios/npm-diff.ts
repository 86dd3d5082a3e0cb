// Comparison 1 (issue 9): a newcomer asks "what changed between 0.1.0 and 0.2.0?". What they would
// otherwise run is `npm diff`; docdelta answers from an empty database (sync both versions, then
// diff), warm (data stored, diff not cached), and as whole CLI processes.
import { freshFolder } from '../bench-env.ts';
import { runCommand } from '../external-command.ts';
import { interleave, repeat, type TimedSide, timeOnce } from '../interleave.ts';
import { openPgliteCopy } from '../pglite-context.ts';
import { openPostgresContext, type PostgresContext } from '../postgres-database.ts';
import { cliSide, type ColdSplit, coldSide, npmDiffArgs, npmEnv, npmSide, REPO, warmSide } from './npm-diff-sides.ts';
import type { Scenario } from './scenario.ts';

const COLD_GOAL = { text: '≤ 0.2 × npm diff', max: 0.2 };

export const npmDiffScenario: Scenario = {
  name: 'npm-diff',
  async run(env) {
    const { report } = env;
    const cwd = await freshFolder(env, 'npm-cwd');
    const pglite = await openPgliteCopy(env, env.pglite.empty, 'npm-diff');
    let postgres: PostgresContext | null = null;
    try {
      if (env.postgres) postgres = await openPostgresContext(env.postgres.adminUrl, env.snapshotsDir);
      // One untimed npm diff first, so npm's cache holds both tarballs as it would for a returning user.
      await runCommand('npm', npmDiffArgs(env), { cwd, env: npmEnv() });

      const pgliteSplit: ColdSplit = { syncMs: [], diffMs: [] };
      const postgresSplit: ColdSplit = { syncMs: [], diffMs: [] };
      // Untimed cold runs first (full mode): the in-process sides then run JIT-compiled, as in a
      // server; the CLI sides below show the cost of a fresh process.
      for (let round = 0; round < env.warmup; round += 1) {
        await timeOnce(coldSide(env, pglite.ctx, 'kept'));
        if (postgres) await timeOnce(coldSide(env, postgres.ctx, 'kept'));
      }
      const sides: Record<string, TimedSide> = {
        npm: npmSide(env, cwd, false),
        coldPglite: coldSide(env, pglite.ctx, 'kept', pgliteSplit),
        warmPglite: warmSide(env, pglite.ctx, 'json'),
        warmPatchPglite: warmSide(env, pglite.ctx, 'patch'),
        cliPglite: cliSide(env, 'embedded-first-run'),
      };
      if (postgres) {
        sides.coldPostgres = coldSide(env, postgres.ctx, 'kept', postgresSplit);
        sides.warmPostgres = warmSide(env, postgres.ctx, 'json');
        sides.cliPostgres = cliSide(env, 'postgres');
      }
      env.log(`  npm diff vs docdelta: ${Object.keys(sides).length} sides × ${env.reps('heavy')} rounds`);
      const samples = await interleave(sides, { repetitions: env.reps('heavy') });
      const npm = samples.npm!;
      const theirs = `npm diff --diff=${env.real.name}@${env.real.from} --diff=${env.real.name}@${env.real.to} (npm's cache holding both tarballs; packuments revalidated with the registry)`;
      const compare = (name: string, key: string, ours: string, extra: { goal?: typeof COLD_GOAL; notes?: string } = {}) => {
        if (samples[key]) report.compare({ name, ours, theirs, oursSamples: samples[key]!, theirsSamples: npm, ...extra });
      };
      compare('what changed: docdelta cold (PGlite) vs npm diff', 'coldPglite', 'empty database (PGlite, already open) → syncPackage both versions → getVersionDiff', {
        goal: COLD_GOAL,
        notes: "docdelta's tarballs come from its snapshot folder (verified against the registry's integrity), npm's from its cache; both fetch the packument from the registry",
      });
      compare('what changed: docdelta cold (PostgreSQL) vs npm diff', 'coldPostgres', 'empty database (PostgreSQL, connected) → syncPackage both versions → getVersionDiff', {
        goal: COLD_GOAL,
      });
      for (const [driver, split] of [['PGlite', pgliteSplit], ['PostgreSQL', postgresSplit]] as const) {
        if (split.syncMs.length === 0) continue;
        report.figure({ section: 'where a cold answer spends its time', name: `${driver}: syncPackage of both versions (packument from the registry, tarballs from snapshots, normalize, write)`, unit: 'ms', samples: split.syncMs });
        report.figure({ section: 'where a cold answer spends its time', name: `${driver}: getVersionDiff right after (load both versions, compute, cache)`, unit: 'ms', samples: split.diffMs });
      }
      const startup = await repeat({ run: () => runCommand(process.execPath, ['bin/docdelta.js', '--help'], { cwd: REPO }) }, env.reps('medium'));
      report.figure({
        section: 'where a cold answer spends its time',
        name: 'CLI start-up: `docdelta --help` (node, the bundle in dist/ or tsx when it is stale, the command table; no database)',
        unit: 'ms',
        samples: startup,
        notes: 'paid twice by the end-to-end CLI comparisons (sync, then diff)',
      });
      compare('what changed: docdelta warm (PGlite) vs npm diff', 'warmPglite', 'both versions stored, diff not cached → getVersionDiff (files, counts, renames, moves)');
      compare('what changed: docdelta warm (PostgreSQL) vs npm diff', 'warmPostgres', 'both versions stored, diff not cached → getVersionDiff');
      compare('full patch: docdelta warm (PGlite) vs npm diff', 'warmPatchPglite', 'both versions stored, diff not cached → getVersionPatch (the whole unified patch, like npm diff prints)');
      compare('end to end: docdelta CLI, first run (embedded PostgreSQL) vs npm diff', 'cliPglite', '`docdelta sync` + `docdelta diff --format patch` as two processes, into an empty DOCDELTA_DATA_DIR', {
        notes: "includes node start-up twice and the one-time creation of the embedded database on the first command",
      });
      compare('end to end: docdelta CLI (PostgreSQL) vs npm diff', 'cliPostgres', '`docdelta sync` + `docdelta diff --format patch` as two processes, into a new empty PostgreSQL database');

      // Nothing cached on either side: npm with an empty cache folder, docdelta with an empty snapshot folder.
      const cold = await interleave(
        { npm: npmSide(env, cwd, true), ours: coldSide(env, pglite.ctx, 'empty') },
        { repetitions: Math.max(1, Math.ceil(env.reps('heavy') / 2)) },
      );
      report.compare({
        name: 'what changed, nothing cached: docdelta cold (PGlite) vs npm diff',
        ours: 'empty database and empty snapshot folder → syncPackage (downloads and verifies both tarballs) → getVersionDiff',
        theirs: 'npm diff with an empty --cache folder',
        oursSamples: cold.ours,
        theirsSamples: cold.npm,
        goal: COLD_GOAL,
      });
    } finally {
      await pglite.close();
      await postgres?.close();
    }
  },
};

