// One interface over two drivers: postgres.js (the user's server, or the embedded PostgreSQL server of
// the data folder) and PGlite (WASM, in memory for tests, or on request with DATABASE_URL=pglite:).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { DocdeltaError } from '../errors.ts';
import { settleCachedDiffWrites } from './diff-cache.ts';
import { embeddedSchema, MIGRATIONS, migratePostgres, newestMigration } from './migrations.ts';
import { CLIENT_OPTIONS } from './postgres-client.ts';

/** No schema in the type either: `db.query.*` is not built (see drizzlePostgres). */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseClient = { driver: 'pglite'; pglite: PGlite } | { driver: 'postgres'; sql: Sql };

/** The rows of `db.execute`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

export interface Database {
  db: Db;
  /** The server URL for postgres.js; undefined for PGlite. */
  url?: string;
  client: DatabaseClient;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /**
   * postgres:// URL of the user's own server; `pglite:` (or `pglite:FOLDER`) for the WASM database;
   * when absent, the embedded PostgreSQL server of `dataDir` (see docs/adr/0009).
   */
  url?: string | undefined;
  dataDir?: string;
  /** PGlite only: keep everything in memory (tests, benchmarks). */
  inMemory?: boolean;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  /** One-line notes about slow first-run work (creating the database), for progress output. */
  onStatus?: (message: string) => void;
  /** Embedded server only: seconds it stays up after its last client leaves (default 0: stop then). */
  serverIdleSeconds?: number;
}

export function isPgliteUrl(url: string | undefined): url is string {
  return url !== undefined && /^pglite:/i.test(url);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statementTimeout = options.statementTimeoutMs ?? 120_000;
  const lockTimeout = options.lockTimeoutMs ?? 15_000;
  let database: Database;
  if (options.inMemory) {
    database = await migrated(await openPglite(undefined, statementTimeout, lockTimeout));
  } else if (isPgliteUrl(options.url)) {
    const folder = options.url.slice('pglite:'.length);
    database = await migrated(await openPglite(path.resolve(folder || (options.dataDir ?? '.data')), statementTimeout, lockTimeout));
  } else if (options.url) {
    database = await migrated(await openPostgres(options.url, statementTimeout, lockTimeout));
  } else {
    const { openEmbedded, serverGoingAway } = await import('./embedded-database.ts');
    for (let attempt = 1; ; attempt += 1) {
      try {
        database = await migrated(
          await openEmbedded(options.dataDir ?? '.data', {
            idleSeconds: options.serverIdleSeconds ?? 0,
            statementTimeout,
            lockTimeout,
            onStatus: options.onStatus,
            // A new folder's cluster is copied with the tables already in it (store/cluster-template.ts).
            schema: embeddedSchema(),
          }),
        );
        break;
      } catch (error) {
        // Seen about once in a hundred runs of three processes opening a new folder together with
        // no idle period: the server went away during the schema check. Opened again, as a lease
        // refused at that moment would be.
        if (attempt >= OPEN_ATTEMPTS || !serverGoingAway(error)) throw error;
      }
    }
  }
  // Diffs are answered before their cache row is written (diff-cache.ts): closing waits for those
  // writes, so a process that exits right after its answer still leaves the diff stored.
  const closeDriver = database.close;
  database.close = async () => {
    await settleCachedDiffWrites(database.db);
    await closeDriver();
  };
  return database;
}

/** A postgres.js client with docdelta's session settings. */
export async function connectPostgres(url: string, statementTimeout: number, lockTimeout: number, max = 10): Promise<Sql> {
  const { default: postgres } = await import('postgres');
  return postgres(url, {
    ...CLIENT_OPTIONS,
    max,
    connection: { statement_timeout: statementTimeout, lock_timeout: lockTimeout, application_name: 'docdelta' },
  });
}

/**
 * Built without the schema: it only serves drizzle's relational queries (`db.query.*`), which nothing
 * here uses, and mapping it costs every process ~6 ms at open.
 */
export async function drizzlePostgres(sql: Sql): Promise<Db> {
  const { drizzle } = await import('drizzle-orm/postgres-js');
  return drizzle({ client: sql }) as unknown as Db;
}

async function openPostgres(url: string, statementTimeout: number, lockTimeout: number): Promise<Database> {
  const sql = await connectPostgres(url, statementTimeout, lockTimeout);
  return { db: await drizzlePostgres(sql), url, client: { driver: 'postgres', sql }, close: () => sql.end({ timeout: 5 }) };
}

/** An error's message on one line, bounded: it is quoted inside our own one-line message. */
function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}

async function openPglite(dataDir: string | undefined, statementTimeout: number, lockTimeout: number): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) await fs.mkdir(dataDir, { recursive: true });
  let pglite: PGlite;
  try {
    pglite = new PGlite(dataDir);
    await pglite.waitReady;
  } catch (error) {
    // A damaged folder makes the WASM runtime abort with no word about the folder.
    throw new DocdeltaError(
      'INTERNAL',
      `the PGlite database in ${dataDir ?? 'memory'} cannot be opened (${oneLine((error as Error)?.message ?? String(error))}); move that folder away and run \`docdelta sync\` to rebuild it from the registry`,
      { cause: error },
    );
  }
  await pglite.exec(`SET statement_timeout = ${Number(statementTimeout)}; SET lock_timeout = ${Number(lockTimeout)};`);
  // Without the schema, as drizzlePostgres says.
  const db = drizzle({ client: pglite }) as unknown as Db;
  return {
    db,
    client: { driver: 'pglite', pglite },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * Every start opens the database; most find the schema current. One query answers that, so the
 * migrator (its import, a second session, the lock) is paid only when there is something to apply.
 */
async function migrationsApplied(sql: Sql): Promise<boolean> {
  try {
    const [row] = await sql<{ last: string | null }[]>`select max(created_at)::text as last from drizzle.__drizzle_migrations`;
    return row?.last != null && Number(row.last) >= newestMigration();
  } catch (error) {
    // No drizzle schema or table yet: a new database. Anything else (a lost connection) is not an
    // answer, and running the migrator on it would only fail less clearly.
    const code = (error as { code?: string })?.code;
    if (code === '3F000' || code === '42P01') return false;
    throw error;
  }
}

/** The database with its schema brought up to date, or closed and the failure thrown. */
async function migrated(database: Database): Promise<Database> {
  try {
    await applyMigrations(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Opens of the embedded database tried when its server goes away during the schema check. */
const OPEN_ATTEMPTS = 3;

async function applyMigrations(database: Database): Promise<void> {
  if (database.client.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS });
  } else {
    if (await migrationsApplied(database.client.sql)) return;
    await migratePostgres(database.url!);
  }
}

