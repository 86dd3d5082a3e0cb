import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { type AppContextOverrides, createAppContext } from '../../src/services/app-context.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { Database } from '../../src/store/database.ts';

export async function tempDir(prefix = 'docdelta-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * A service context over a test database, built by the app's own composition root, with its own
 * snapshot folder and configuration overrides.
 */
export async function testContext(
  database: Database,
  env: Record<string, string> = {},
  overrides: Omit<AppContextOverrides, 'database'> = {},
): Promise<ServiceContext> {
  const snapshotsDir = await tempDir('docdelta-snapshots-');
  const config = loadConfig({ DOCDELTA_SNAPSHOTS_DIR: snapshotsDir, ...env }, os.tmpdir());
  return createAppContext(config, { logger: silentLogger, ...overrides, database });
}
