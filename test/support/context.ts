import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { SnapshotStore } from '../../src/source/snapshots.ts';
import type { Database } from '../../src/store/database.ts';

export async function tempDir(prefix = 'docdelta-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A service context over a test database, with its own snapshot folder and configuration overrides. */
export async function testContext(database: Database, env: Record<string, string> = {}): Promise<ServiceContext> {
  const snapshotsDir = await tempDir('docdelta-snapshots-');
  const config: Config = loadConfig({ DOCDELTA_SNAPSHOTS_DIR: snapshotsDir, ...env }, os.tmpdir());
  return { config, database, db: database.db, snapshots: new SnapshotStore(config.snapshotsDir), logger: silentLogger };
}
