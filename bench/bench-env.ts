// What every scenario gets: the mode, the report to write into, folders, the prepared real package,
// the PostgreSQL server (when there is one) and PGlite data folders to start from.
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Mode, repetitions, type Weight, warmupRounds } from './bench-options.ts';
import type { PostgresServer } from './postgres-server.ts';
import type { RealPackage } from './real-package.ts';
import type { BenchReport } from './report.ts';

export interface PgliteFolders {
  /** Migrated and empty: what the first `docdelta` run leaves behind before any sync. */
  empty: string;
  /** Holding the real pair, set once the ingest scenario has stored it. */
  pair: string | null;
}

export interface BenchEnv {
  mode: Mode;
  report: BenchReport;
  /** This run's scratch folder (under bench/tmp/, git-ignored), removed at the end. */
  workDir: string;
  /** Verified tarballs, kept between runs as npm keeps its cache. */
  snapshotsDir: string;
  real: RealPackage;
  postgres: PostgresServer | null;
  pglite: PgliteFolders;
  /** Epoch ms by which the run must be done (its time budget); long scenarios stop early past it and say so. */
  deadline: number;
  reps(weight: Weight): number;
  /** Untimed warm-up rounds for in-process sides. */
  warmup: number;
  log(message: string): void;
}

export function createEnv(fields: Omit<BenchEnv, 'reps' | 'warmup' | 'log'>): BenchEnv {
  return {
    ...fields,
    reps: (weight) => repetitions(fields.mode, weight),
    warmup: warmupRounds(fields.mode),
    log: (message) => process.stderr.write(`${message}\n`),
  };
}

let copies = 0;

/** A private copy of a PGlite data folder: PGlite allows one process per folder at a time. */
export async function copyPgliteFolder(env: BenchEnv, source: string, label: string): Promise<string> {
  copies += 1;
  const target = path.join(env.workDir, `pglite-${label}-${copies}`);
  await fs.cp(source, target, { recursive: true });
  return target;
}

/** A new empty folder under this run's scratch folder. */
export async function freshFolder(env: BenchEnv, label: string): Promise<string> {
  await fs.mkdir(env.workDir, { recursive: true });
  return fs.mkdtemp(path.join(env.workDir, `${label}-`));
}
