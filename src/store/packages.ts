import { asc, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { packages } from './schema/index.ts';

export type PackageRow = typeof packages.$inferSelect;

export interface PackageRegistration {
  name: string;
  source?: 'npm' | 'git' | 'local';
  location?: string | null;
  docsRoot?: string | null;
  options?: Record<string, unknown>;
}

/** Registers a package if it is new; an existing row is returned as it is. */
export async function ensurePackage(db: Db, registration: PackageRegistration): Promise<PackageRow> {
  await db
    .insert(packages)
    .values({
      name: registration.name,
      source: registration.source ?? 'npm',
      location: registration.location ?? null,
      docsRoot: registration.docsRoot ?? null,
      options: registration.options ?? {},
    })
    .onConflictDoNothing({ target: packages.name });
  const row = await findPackage(db, registration.name);
  if (!row) throw new Error(`package ${registration.name} vanished after insert`);
  return row;
}

export async function updatePackage(
  db: Db,
  name: string,
  fields: Partial<Pick<PackageRow, 'source' | 'location' | 'docsRoot' | 'options' | 'unpublishedAt' | 'lastSyncedAt'>>,
): Promise<void> {
  await db.update(packages).set(fields).where(eq(packages.name, name));
}

export async function findPackage(db: Db, name: string): Promise<PackageRow | undefined> {
  const [row] = await db.select().from(packages).where(eq(packages.name, name)).limit(1);
  return row;
}

export async function listPackageRows(db: Db): Promise<PackageRow[]> {
  return db.select().from(packages).orderBy(asc(packages.name));
}
