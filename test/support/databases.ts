// Storage tests run on both drivers: embedded PGlite always, and the real PostgreSQL server named by
// DATABASE_URL (CI starts one). Each opened database is private to its test file.
import crypto from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/store/database.ts';

export type Driver = 'pglite' | 'postgres';

export function testDrivers(): Driver[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error('CI must set DATABASE_URL: storage has to be tested against a real PostgreSQL');
  return ['pglite'];
}

export interface TestDatabase extends Database {
  url?: string;
}

/** A fresh database: in-memory PGlite, or a new database created on the PostgreSQL server (dropped on close). */
export async function openTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'pglite') return openDatabase({ inMemory: true });
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `docdelta_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.href });
  return {
    ...database,
    url: url.href,
    close: async () => {
      await database.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
