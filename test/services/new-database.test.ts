// A command knows before opening whether the opening creates the database: only a data folder whose
// embedded server has no cluster yet does; the user's own PostgreSQL never is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opensNewDatabase } from '../../src/services/new-database.ts';
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
