import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { PackageSource } from '../source/package-source.ts';
import type { SnapshotStore } from '../source/snapshots.ts';
import type { Database, Db } from '../store/database.ts';
import type { PackageRow } from '../store/packages.ts';
import type { CacheSet } from './cache-set.ts';
import type { IngestedVersion } from './ingest.ts';

export interface SourceOptions {
  offline?: boolean;
  /** npm: the package's registry document, already being fetched (listings-ahead.ts). */
  packument?: Promise<Uint8Array>;
}

/** Builds the source a stored package syncs from; one per source kind (`npm`, `git`, `local`). */
export type SourceFactory = (ctx: ServiceContext, pkg: PackageRow, options: SourceOptions) => Promise<PackageSource>;
export type SourceFactories = Readonly<Record<string, SourceFactory>>;

/** What a package's sync did; after-sync steps and every caller of `runSync` read it. */
export interface PackageSyncReport {
  package: string;
  ingested: IngestedVersion[];
  alreadyStored: number;
  failed: { version: string; code: string; message: string }[];
  unpublished: boolean;
}

/** Work to do once a package gained versions: precompute diffs, drop in-process caches. */
export type AfterSyncStep = (ctx: ServiceContext, pkg: PackageRow, report: PackageSyncReport) => Promise<void>;

/**
 * What every service needs, built once by the composition root (`createAppContext`) and passed
 * down explicitly. Sources and after-sync steps are part of it, so nothing is registered by an
 * import's side effect and every entry point syncs the same way.
 */
export interface ServiceContext {
  config: Config;
  database: Database;
  db: Db;
  snapshots: SnapshotStore;
  logger: Logger;
  sources: SourceFactories;
  afterSync: readonly AfterSyncStep[];
  /** In-process caches a sync makes stale (the HTTP API's); their owners add them. */
  caches: CacheSet;
}
