// Faults of what docdelta runs on, each answered with one clear line naming the cause and the fix
// (issue 16, failure 10): a PgBouncer URL is refused before any connection, a lock timeout (row 21)
// and a full disk (SQLSTATE 53100, ENOSPC) are not shown as SQL, a stack or INTERNAL.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDocdeltaError } from '../../src/errors.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { startTestServer, type TestServer } from '../api/harness.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/docdelta.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

const oneLine = (text: string) => text.trim().split('\n').length === 1;

describe('PgBouncer in transaction mode (row 23)', () => {
  it('is refused at startup with one line and exit code 2, before any connection', async () => {
    // Nothing listens on port 9: had a connection been tried, the error would be ECONNREFUSED.
    const result = await runCli(['serve', '--port', '0'], { DATABASE_URL: 'postgres://docdelta@127.0.0.1:9/docs?pgbouncer=true' });
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/^docdelta serve: invalid configuration: DATABASE_URL: advisory locks do not work through this connection \(it declares pgbouncer=true\); .*not PgBouncer in transaction mode\n$/);
  }, 60_000);
});

describe('a full disk', () => {
  it('names ENOSPC and the fix', async () => {
    // /dev/full answers every write with a real ENOSPC.
    const failure = await fs.writeFile('/dev/full', 'x').then(
      () => null,
      (error: unknown) => error,
    );
    const described = toDocdeltaError(failure);
    expect(described.code).toBe('UNAVAILABLE');
    expect(described.message).toMatch(/^no space left on the device (writing \S+ )?\(ENOSPC\): free space on that volume .* and run again/);
    expect(oneLine(described.message)).toBe(true);
  });
});

describe.each(testDrivers().filter((driver) => driver === 'postgres'))('database faults on %s', (driver) => {
  let owner: TestDatabase;
  let database: Database;
  let ctx: ServiceContext;
  let server: TestServer;
  let admin: postgres.Sql;

  beforeAll(async () => {
    owner = await openTestDatabase(driver);
    // The same database with a short lock_timeout, so the test waits 300 ms rather than 15 s.
    database = await openDatabase({ url: owner.url, lockTimeoutMs: 300 });
    ctx = await testContext(database);
    await seedFixture(ctx);
    server = await startTestServer(ctx);
    admin = postgres(owner.url!, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    await admin?.end();
    await database?.close();
    await owner?.close();
  });

  it('answers a lock timeout (row 21) with 503 and one line, not the failed query', async () => {
    const reserved = await admin.reserve();
    try {
      await reserved`begin`;
      await reserved`lock table packages in access exclusive mode`;
      const response = await server.get('/versions?package=%40fixture%2Fdocs');
      expect(response.status).toBe(503);
      const body = response.json();
      expect(body.code).toBe('UNAVAILABLE');
      expect(body.message).toMatch(/^the database did not grant a lock within lock_timeout: another session holds it .*; try again when it has finished$/);
      expect(body.message).not.toMatch(/select|params/i);
      expect(response.headers['retry-after']).toBe('30');
    } finally {
      await reserved`rollback`;
      reserved.release();
    }
    expect((await server.get('/versions?package=%40fixture%2Fdocs')).status).toBe(200);
  });

  it('reports a full disk (SQLSTATE 53100) as the cause and the fix, and stores nothing', async () => {
    await admin.unsafe(`
      create function refuse_disk_full() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file "base/1/2": No space left on device' using errcode = 'disk_full'; end $$;
      create trigger disk_full before insert on versions for each row execute function refuse_disk_full();`);
    let failure: unknown;
    try {
      await seedPackage(ctx, '@fixture/full-disk', [{ version: '1.0.0', files: { 'docs/a.md': '# A\n' } }]);
    } catch (error) {
      failure = error;
    } finally {
      await admin.unsafe('drop trigger disk_full on versions; drop function refuse_disk_full();');
    }
    const described = toDocdeltaError(failure);
    expect(described.code).toBe('UNAVAILABLE');
    expect(described.message).toMatch(/^the database's disk is full \(SQLSTATE 53100 disk_full\): free space on the volume that holds the database .* and run again/);
    expect(oneLine(described.message)).toBe(true);
    const [row] = await admin`select count(*)::int as versions from versions v join packages p on p.id = v.package_id where p.name = '@fixture/full-disk'`;
    expect(row!.versions).toBe(0);
  });
});
