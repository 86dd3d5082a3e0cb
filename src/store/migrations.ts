// The schema's migrations, kept apart from the drivers: the CLI starts the embedded server (and
// makes a new folder's cluster, with the tables in it) before it loads drizzle or any driver, so
// what names and applies the schema must be cheap to import.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromPackageRoot } from '../package-root.ts';
import type { ClusterSchema } from './embedded-server.ts';
import { CLIENT_OPTIONS } from './postgres-client.ts';

export const MIGRATIONS = fromPackageRoot('migrations');

let newest: number | undefined;

/**
 * The `when` of the newest migration in the journal: drizzle records it as `created_at` once applied,
 * and it names the schema of the template cluster. Read once per process: every open asks for it.
 */
export function newestMigration(): number {
  if (newest === undefined) {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    newest = Math.max(...journal.entries.map((entry) => entry.when));
  }
  return newest;
}

/** Applies the migrations to the PostgreSQL database at this URL. */
export async function migratePostgres(url: string): Promise<void> {
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { default: postgres } = await import('postgres');
  // Two replicas starting together must not both run DDL: hold a session advisory lock on a
  // one-connection client, so the lock, the migration and the unlock share one session.
  const single = postgres(url, { ...CLIENT_OPTIONS, max: 1 });
  try {
    await single`select pg_advisory_lock(hashtext('docdelta:migrations'))`;
    await migrate(drizzle({ client: single }), { migrationsFolder: MIGRATIONS });
    await single`select pg_advisory_unlock(hashtext('docdelta:migrations'))`;
  } finally {
    await single.end({ timeout: 5 });
  }
}

/** What a new embedded cluster is made with (store/cluster-template.ts keys its template by `id`). */
export function embeddedSchema(): ClusterSchema {
  return { id: String(newestMigration()), apply: migratePostgres };
}
