import type { Config } from '../config.ts';
import { type Logger, stderrLogger } from '../logger.ts';
import { SnapshotStore } from '../source/snapshots.ts';
import { openDatabase } from '../store/database.ts';
import type { ServiceContext } from './context.ts';

export async function createContext(config: Config, logger: Logger = stderrLogger): Promise<ServiceContext> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, onStatus: (message) => logger.info(message) });
  return { config, database, db: database.db, snapshots: new SnapshotStore(config.snapshotsDir), logger };
}
