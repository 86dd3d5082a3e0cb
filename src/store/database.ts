// One interface over two drivers: PGlite (embedded, zero setup) or postgres.js (a real server).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseClient = { driver: 'pglite'; pglite: PGlite } | { driver: 'postgres'; sql: Sql };

export interface Database {
  db: Db;
  /** The server URL for postgres.js; undefined for PGlite. */
  url?: string;
  client: DatabaseClient;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent, the embedded PGlite database in `dataDir` is used. */
  url?: string | undefined;
  dataDir?: string;
  /** PGlite only: keep everything in memory (tests, benchmarks). */
  inMemory?: boolean;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
}

/** The migrations folder at the package root, whether running from src/ (tsx) or dist/src/ (build). */
const MIGRATIONS = [new URL('../../migrations', import.meta.url), new URL('../../../migrations', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((folder) => existsSync(path.join(folder, 'meta', '_journal.json')))!;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statementTimeout = options.statementTimeoutMs ?? 120_000;
  const lockTimeout = options.lockTimeoutMs ?? 15_000;
  const database = options.url
    ? await openPostgres(options.url, statementTimeout, lockTimeout)
    : await openPglite(options, statementTimeout, lockTimeout);
  try {
    await applyMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPostgres(url: string, statementTimeout: number, lockTimeout: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const sql = postgres(url, {
    max: 10,
    onnotice: () => {},
    connection: { statement_timeout: statementTimeout, lock_timeout: lockTimeout, application_name: 'docdelta' },
  });
  const db = drizzle({ client: sql, schema }) as unknown as Db;
  return { db, url, client: { driver: 'postgres', sql }, close: () => sql.end({ timeout: 5 }) };
}

async function openPglite(options: DatabaseOptions, statementTimeout: number, lockTimeout: number): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dataDir: string | undefined;
  if (!options.inMemory) {
    dataDir = path.resolve(options.dataDir ?? '.data');
    await fs.mkdir(dataDir, { recursive: true });
  }
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  await pglite.exec(`SET statement_timeout = ${Number(statementTimeout)}; SET lock_timeout = ${Number(lockTimeout)};`);
  const db = drizzle({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    client: { driver: 'pglite', pglite },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function applyMigrations(database: Database): Promise<void> {
  if (database.client.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { default: postgres } = await import('postgres');
    // Two replicas starting together must not both run DDL: hold a session advisory lock on a
    // one-connection client, so the lock, the migration and the unlock share one session.
    const single = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      await single`select pg_advisory_lock(hashtext('docdelta:migrations'))`;
      await migrate(drizzle({ client: single }), { migrationsFolder: MIGRATIONS });
      await single`select pg_advisory_unlock(hashtext('docdelta:migrations'))`;
    } finally {
      await single.end({ timeout: 5 });
    }
  }
}
