// How a child process opens the database its parent prepared (a PGlite folder copy or a PostgreSQL
// database URL), as a ServiceContext over the bench's snapshot folder.
import { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { createAppContext } from '../src/services/app-context.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { openDatabase } from '../src/store/database.ts';

export const childDatabaseSchema = z.union([
  z.object({ driver: z.literal('pglite'), dataDir: z.string().min(1) }),
  z.object({ driver: z.literal('postgres'), url: z.string().regex(/^postgres(ql)?:\/\//) }),
]);
export type ChildDatabase = z.infer<typeof childDatabaseSchema>;

/** Parses the one JSON argument a child takes, with the fields it expects. */
export function childArgs<T extends z.ZodType>(schema: T): z.infer<T> {
  const raw = process.argv[2];
  if (!raw) throw new Error('expected one JSON argument');
  return schema.parse(JSON.parse(raw));
}

export async function openChildContext(target: ChildDatabase, snapshotsDir: string): Promise<ServiceContext> {
  const env =
    target.driver === 'pglite'
      ? { DATABASE_URL: `pglite:${target.dataDir}`, DOCDELTA_SNAPSHOTS_DIR: snapshotsDir }
      : { DATABASE_URL: target.url, DOCDELTA_SNAPSHOTS_DIR: snapshotsDir };
  const config = loadConfig(env, process.cwd());
  const database = await openDatabase({ url: target.driver === 'pglite' ? `pglite:${target.dataDir}` : target.url });
  return await createAppContext(config, { database, logger: silentLogger });
}
