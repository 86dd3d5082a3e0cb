import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { SnapshotStore } from '../source/snapshots.ts';
import type { Database, Db } from '../store/database.ts';

/** What every service needs, built once at start and passed down explicitly. */
export interface ServiceContext {
  config: Config;
  database: Database;
  db: Db;
  snapshots: SnapshotStore;
  logger: Logger;
}
