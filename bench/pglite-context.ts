// Opens a private copy of a prepared PGlite data folder in this process, as a ServiceContext.
import fs from 'node:fs/promises';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { createAppContext } from '../src/services/app-context.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { getVersionDiff } from '../src/services/version-diff.ts';
import { openDatabase } from '../src/store/database.ts';
import { type BenchEnv, copyPgliteFolder } from './bench-env.ts';
import { ensureRealPair } from './real-package.ts';

export interface PgliteContext {
  ctx: ServiceContext;
  dataDir: string;
  close(): Promise<void>;
}

export async function openPgliteCopy(env: BenchEnv, source: string, label: string): Promise<PgliteContext> {
  const dataDir = await copyPgliteFolder(env, source, label);
  const config = loadConfig({ DATABASE_URL: `pglite:${dataDir}`, DOCDELTA_SNAPSHOTS_DIR: env.snapshotsDir }, process.cwd());
  const database = await openDatabase({ url: `pglite:${dataDir}` });
  const ctx: ServiceContext = await createAppContext(config, { database, logger: silentLogger });
  return {
    ctx,
    dataDir,
    close: async () => {
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A PGlite folder holding the real pair and its cached diff: the one the ingest scenario left, or
 * (when it did not run, as with --only) one made now from the local snapshots.
 */
export async function pairFolder(env: BenchEnv): Promise<string> {
  if (env.pglite.pair) return env.pglite.pair;
  const opened = await openPgliteCopy(env, env.pglite.empty, 'pair');
  await ensureRealPair(env.real, opened.ctx);
  await getVersionDiff(opened.ctx, { package: env.real.name, from: env.real.from, to: env.real.to });
  await opened.ctx.database.close();
  env.pglite.pair = opened.dataDir;
  return opened.dataDir;
}
