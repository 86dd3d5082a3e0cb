// Fresh databases on the PostgreSQL server, one per scenario, dropped afterwards; and a
// ServiceContext over one of them.
import crypto from 'node:crypto';
import postgres from 'postgres';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { createAppContext } from '../src/services/app-context.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { openDatabase } from '../src/store/database.ts';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  // The name is ours (hex only), never user input, so it is safe to splice into the statement.
  const name = `docdelta_bench_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => withAdmin(adminUrl, `drop database if exists ${name} with (force)`) };
}

export interface PostgresContext {
  ctx: ServiceContext;
  url: string;
  /** Closes the connections and drops the database. */
  close(): Promise<void>;
}

export async function openPostgresContext(adminUrl: string, snapshotsDir: string): Promise<PostgresContext> {
  const scratch = await createScratchDatabase(adminUrl);
  const config = loadConfig({ DATABASE_URL: scratch.url, DOCDELTA_SNAPSHOTS_DIR: snapshotsDir }, process.cwd());
  const database = await openDatabase({ url: scratch.url });
  const ctx: ServiceContext = await createAppContext(config, { database, logger: silentLogger });
  return {
    ctx,
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
