// The composition root: the one place that decides what a running docdelta is made of — the
// database, the source kinds packages sync from, the steps that follow a sync. Every entry point
// (the CLI, `serve`, jobs/*.ts, the tests) builds its context here, so a one-shot job syncs a git
// package exactly as `docdelta sync` does, and nothing is wired by an import's side effect.
import type { Config } from '../config.ts';
import { type Logger, stderrLogger } from '../logger.ts';
import { SnapshotStore } from '../source/snapshots.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { CacheSet, invalidateCaches } from './cache-set.ts';
import type { AfterSyncStep, ServiceContext, SourceFactories } from './context.ts';
import { precomputeDiffs } from './precompute-diffs.ts';
import { defaultSources } from './sources.ts';

export interface AppContextOverrides {
  /** An open database (tests, benchmarks); its owner closes it. Default: opened from the config. */
  database?: Database;
  logger?: Logger;
  /** Replaces the source kinds (default: npm, git, local); a kind left out cannot be synced. */
  sources?: SourceFactories;
  /** Replaces the after-sync steps (default: precompute successive diffs, then empty in-process caches). */
  afterSync?: readonly AfterSyncStep[];
}

/** The default after-sync steps, in order. */
export const DEFAULT_AFTER_SYNC: readonly AfterSyncStep[] = [precomputeDiffs, invalidateCaches];

export async function createAppContext(config: Config, overrides: AppContextOverrides = {}): Promise<ServiceContext> {
  const logger = overrides.logger ?? stderrLogger;
  const database =
    overrides.database ?? (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      serverIdleSeconds: config.serverIdleSeconds,
      onStatus: (message) => logger.info(message),
    }));
  return {
    config,
    database,
    db: database.db,
    snapshots: new SnapshotStore(config.snapshotsDir),
    logger,
    sources: overrides.sources ?? defaultSources(),
    afterSync: overrides.afterSync ?? DEFAULT_AFTER_SYNC,
    caches: new CacheSet(),
  };
}
