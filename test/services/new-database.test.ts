// A command knows before opening whether the opening creates the database: only a data folder whose
// embedded server has no cluster yet does; the user's own PostgreSQL never is. And the CLI starts
// the folder's server before it loads the command: the open that follows joins that start.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { opensNewDatabase, startServerAhead } from '../../src/services/new-database.ts';
import { openDatabase } from '../../src/store/database.ts';
import { clusterDirOf, clusterExists, readPostmasterPid } from '../../src/store/embedded-server.ts';
import { tempDir } from '../support/context.ts';

describe('opensNewDatabase', () => {
  it('is true for a data folder without a cluster, and false once it has one', async () => {
    const dataDir = await tempDir('docdelta-new-db-');
    expect(opensNewDatabase({ databaseUrl: undefined, dataDir })).toBe(true);
    fs.mkdirSync(path.join(dataDir, 'postgres'), { recursive: true });
    expect(opensNewDatabase({ databaseUrl: undefined, dataDir })).toBe(true);
    fs.writeFileSync(path.join(dataDir, 'postgres', 'PG_VERSION'), '18\n');
    expect(opensNewDatabase({ databaseUrl: undefined, dataDir })).toBe(false);
  });

  it('is false with DATABASE_URL, whatever the folder holds', async () => {
    const dataDir = await tempDir('docdelta-new-db-');
    expect(opensNewDatabase({ databaseUrl: 'postgres://127.0.0.1:1/x', dataDir })).toBe(false);
  });
});

describe('startServerAhead', () => {
  it('hands back while the new cluster is still being made, and the open joins that start: one cluster, one server, one status line', async () => {
    const dataDir = path.join(await tempDir('docdelta-ahead-'), '.data');
    const statuses: string[] = [];
    const openStatuses: string[] = [];
    // Warm the installation's template first, so this folder is made by copying it.
    await (await openDatabase({ dataDir: path.join(await tempDir('docdelta-ahead-template-'), '.data') })).close();

    await startServerAhead({ databaseUrl: undefined, dataDir }, (message) => statuses.push(message));
    // What is left is another process's work: the copy is under way in its scratch folder.
    expect(clusterExists(dataDir)).toBe(false);
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('postgres.init-'))).toHaveLength(1);
    const database = await openDatabase({ dataDir, onStatus: (message) => openStatuses.push(message) });
    try {
      const server = readPostmasterPid(clusterDirOf(dataDir))!;
      expect(server.status).toBe('ready');
      const [row] = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
      expect(row!.pid).toBeGreaterThan(0);
      // The open joined the start: no second cluster or server, and "creating" said once, by the start.
      expect(statuses.filter((message) => message.startsWith('creating the database'))).toHaveLength(1);
      expect(openStatuses).toEqual([]);
      expect(fs.readdirSync(dataDir).filter((name) => name.includes('.init-'))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('does nothing with DATABASE_URL', async () => {
    const dataDir = path.join(await tempDir('docdelta-ahead-'), '.data');
    await startServerAhead({ databaseUrl: 'postgres://127.0.0.1:1/x', dataDir }, () => {});
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
