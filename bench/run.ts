// `npm run bench [-- --quick] [-- --only=npm-diff,git-diff]`: measures docdelta against what a user
// would otherwise run, on this machine in this run, and writes bench/results.json and results.md.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BenchOptions, parseBenchOptions } from './bench-options.ts';
import { type BenchEnv, createEnv } from './bench-env.ts';
import { runChild } from './child-process.ts';
import { describeMachine, describeTools } from './machine.ts';
import { obtainPostgres, type PostgresServer } from './postgres-server.ts';
import { postgresVersion } from './postgres-version.ts';
import { prepareRealPackage } from './real-package.ts';
import { BenchReport } from './report.ts';
import { resultsSchema } from './results-schema.ts';
import { writeResults } from './write-results.ts';
import { SCENARIOS } from './scenarios/index.ts';

const BUDGET_MS = { full: 10 * 60_000, quick: 2 * 60_000 };

async function preparePglite(env: Pick<BenchEnv, 'workDir' | 'report'>): Promise<string> {
  const folder = path.join(env.workDir, 'pglite-empty');
  const result = await runChild<{ firstOpenMs: number; firstOpenRssMb: number; reopenMs: number }>('child-pglite-template.ts', [folder], {
    label: 'pglite',
    timeoutMs: 120_000,
  });
  env.report.figure({
    section: 'PGlite',
    name: 'first open of a new data folder (creates and migrates the database: once per installation)',
    unit: 'ms',
    samples: [result.firstOpenMs],
  });
  env.report.figure({ section: 'PGlite', name: 'peak RSS of that first open', unit: 'MB', samples: [result.firstOpenRssMb] });
  env.report.figure({ section: 'PGlite', name: 'opening an existing data folder (every later start)', unit: 'ms', samples: [result.reopenMs] });
  return folder;
}

async function main(options: BenchOptions): Promise<void> {
  const unknown = options.only.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; there are: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`);
  const started = performance.now();
  const startedAt = Date.now();
  const loadAtStart = os.loadavg();
  const report = new BenchReport();
  const workDir = path.resolve('bench/tmp', `run-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const snapshotsDir = path.resolve('bench/tmp/snapshots');
  await fs.mkdir(workDir, { recursive: true });
  const log = (message: string) => process.stderr.write(`${message}\n`);
  log(`docdelta bench (${options.mode}) in ${workDir}`);

  const tools = describeTools();
  let postgres: PostgresServer | null = null;
  // Ctrl-C must not leave a PostgreSQL server the bench started running, or its scratch files behind.
  const interrupted = () => {
    postgres?.stop();
    void fs.rm(workDir, { recursive: true, force: true }).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const obtained = await obtainPostgres();
    if ('unavailable' in obtained) {
      report.gap(`PostgreSQL: ${obtained.unavailable}; every figure is PGlite only`);
    } else {
      postgres = obtained;
      tools.postgresql = await postgresVersion(postgres.adminUrl);
      report.note(`PostgreSQL: ${postgres.origin === 'DATABASE_URL' ? 'the server named by DATABASE_URL' : 'a throwaway server the bench started (initdb, fsync=off, like .ci/run)'}; a fresh database per scenario`);
    }
    log('preparing: PGlite data folder, the real package');
    const emptyPglite = await preparePglite({ workDir, report });
    const real = await prepareRealPackage(snapshotsDir, workDir);
    // Keep a little of the budget for writing the results and cleaning up.
    const deadline = startedAt + BUDGET_MS[options.mode] - 15_000;
    const env = createEnv({ mode: options.mode, report, workDir, snapshotsDir, real, postgres, pglite: { empty: emptyPglite, pair: null }, deadline });
    report.note(`PGlite: on disk in a temp folder, as \`npm start\` uses it (not in memory); each scenario starts from a copy of a migrated empty folder`);
    report.note(`npm's cache: ${tools.npm ? 'the user\'s ~/.npm/_cacache, warmed by one untimed npm diff before timing' : 'npm missing'}; docdelta's snapshot folder: bench/tmp/snapshots, kept between runs as npm keeps its cache`);

    for (const scenario of SCENARIOS) {
      if (options.only.length > 0 && !options.only.includes(scenario.name)) continue;
      if (scenario.fullOnly && options.mode === 'quick') continue;
      const scenarioStarted = performance.now();
      log(`scenario ${scenario.name}`);
      try {
        await (await scenario.load()).run(env);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.gap(`${scenario.name}: failed: ${message.slice(0, 500)}`);
        log(`  FAILED: ${message}`);
      }
      log(`  ${scenario.name} took ${((performance.now() - scenarioStarted) / 1000).toFixed(1)} s`);
    }
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    postgres?.stop();
    // A data folder's server still up may add a file as the folder goes (ENOTEMPTY): rm retries.
    await fs.rm(workDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
  }

  const durationMs = performance.now() - started;
  report.figure({
    section: 'bench',
    name: `wall time of this ${options.mode} run`,
    unit: 's',
    samples: [durationMs / 1000],
    goal: { text: options.mode === 'quick' ? 'under 2 minutes' : 'under 10 minutes', max: BUDGET_MS[options.mode] / 1000 },
    notes: options.only.length > 0 ? `only: ${options.only.join(', ')}` : undefined,
  });
  const results = resultsSchema.parse(
    report.results({ generatedAt: new Date().toISOString(), mode: options.mode, durationMs, machine: describeMachine(loadAtStart), tools }),
  );
  const written = await writeResults(results, options.outDir);
  log(`wrote ${written.join(', ')} in ${(durationMs / 1000).toFixed(1)} s`);
}

await main(parseBenchOptions(process.argv.slice(2)));
