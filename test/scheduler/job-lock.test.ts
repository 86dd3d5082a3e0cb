import { spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { advisoryKey, PoolingModeError, tryAdvisoryLock } from '../../src/services/jobs/advisory-lock.ts';
import { assertSessionPooling } from '../../src/services/jobs/pooling-check.ts';
import { poolingModeFromUrl } from '../../src/pooled-connection.ts';
import { type JobBody, runJob } from '../../src/services/jobs/run-job.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { jobRuns } from '../../src/store/schema/index.ts';
import { testContext } from '../support/context.ts';
import { type Driver, openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { captureLogger, type CapturedLogger } from './capture-logger.ts';

let counter = 0;
const nextJob = () => `lock-test-${process.pid}-${++counter}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slowBody = (ms: number, ran: string[], label: string): JobBody<never> => async () => {
  ran.push(label);
  await sleep(ms);
  return { counts: { done: 1 } };
};

describe.each(testDrivers())('one runner per job in a process, on %s', (driver: Driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('skips a run that starts while the previous one is going, and records it as an overlap', async () => {
    const job = nextJob();
    const ran: string[] = [];
    const [first, second] = await Promise.all([
      runJob(ctx, job, { trigger: 'schedule', slot: new Date('2030-01-01T00:00:00Z') }, slowBody(300, ran, 'first')),
      runJob(ctx, job, { trigger: 'schedule', slot: new Date('2030-01-01T00:00:01Z') }, slowBody(300, ran, 'second')),
    ]);
    expect(ran).toEqual(['first']);
    expect(first).toMatchObject({ status: 'ok', counts: { done: 1 } });
    expect(second).toMatchObject({ status: 'skipped', reason: 'overlap', error: 'the previous run in this process is still going' });
    const rows = await ctx.db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(jobRuns.id);
    expect(rows.map((row) => [row.status, row.counts])).toEqual(
      expect.arrayContaining([
        ['ok', { done: 1, slot: '2030-01-01T00:00:00.000Z' }],
        ['skipped', { reason: 'overlap', slot: '2030-01-01T00:00:01.000Z' }],
      ]),
    );
    // Once the first has finished, the job runs again.
    expect(await runJob(ctx, job, { trigger: 'manual' }, slowBody(1, ran, 'third'))).toMatchObject({ status: 'ok' });
  });

  it('runs a scheduled tick once even when it fires twice', async () => {
    const job = nextJob();
    const ran: string[] = [];
    const slot = new Date('2030-01-01T00:15:00Z');
    expect(await runJob(ctx, job, { trigger: 'schedule', slot }, slowBody(1, ran, 'a'))).toMatchObject({ status: 'ok' });
    // A late timer or a clock stepped back fires the same tick again.
    expect(await runJob(ctx, job, { trigger: 'schedule', slot }, slowBody(1, ran, 'b'))).toMatchObject({ status: 'skipped', reason: 'already-ran' });
    expect(ran).toEqual(['a']);
  });

  it('records a failing body as failed, with a message safe to show, and lets the next run start', async () => {
    const job = nextJob();
    const failed = await runJob(ctx, job, { trigger: 'manual' }, async () => {
      throw new Error('connect ECONNREFUSED with password=hunter2');
    });
    expect(failed).toMatchObject({ status: 'failed', error: 'internal error (details in the server log)' });
    const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, failed.runId!));
    expect(row).toMatchObject({ status: 'failed', error: 'internal error (details in the server log)' });
    expect(row!.finishedAt).toBeInstanceOf(Date);
    expect(await runJob(ctx, job, { trigger: 'manual' }, async () => ({ counts: {} }))).toMatchObject({ status: 'ok' });
  });

  it('marks a run left "running" by a stopped process as interrupted when the job next runs', async () => {
    const job = nextJob();
    const [stale] = await ctx.db.insert(jobRuns).values({ job, trigger: 'schedule', status: 'running' }).returning();
    await runJob(ctx, job, { trigger: 'manual' }, async () => ({ counts: {} }));
    const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, stale!.id));
    expect(row).toMatchObject({ status: 'failed', error: 'interrupted: the process running it stopped before the run finished' });
  });
});

// Replicas, crashes and lock sessions need a real server.
describe.each(testDrivers().filter((driver) => driver === 'postgres'))('one runner across replicas on %s', () => {
  let database: TestDatabase;
  let replicaB: Database;
  let ctxA: ServiceContext;
  let ctxB: ServiceContext;
  let logger: CapturedLogger;
  let admin: postgres.Sql;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    // A second pool on the same database: another replica, as far as PostgreSQL can tell.
    replicaB = await openDatabase({ url: database.url });
    logger = captureLogger();
    ctxA = { ...(await testContext(database)), logger };
    ctxB = { ...(await testContext(replicaB)), logger };
    admin = postgres(database.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin?.end();
    await replicaB?.close();
    await database?.close();
  });

  async function advisoryLocksHeld(job: string): Promise<number> {
    const key = advisoryKey(`job:${job}`);
    const [row] = await admin<{ n: number }[]>`
      select count(*)::int as n from pg_locks
      where locktype = 'advisory' and classid::bigint = ${Math.floor(key / 2 ** 32)} and objid::bigint = ${key % 2 ** 32}`;
    return row!.n;
  }

  it('lets exactly one of two replicas run a job that both start together; the other logs a skip', async () => {
    const job = nextJob();
    const ran: string[] = [];
    const slot = new Date('2030-02-01T09:00:00Z');
    const [a, b] = await Promise.all([
      runJob(ctxA, job, { trigger: 'schedule', slot }, slowBody(400, ran, 'A')),
      runJob(ctxB, job, { trigger: 'schedule', slot }, slowBody(400, ran, 'B')),
    ]);
    expect(ran).toHaveLength(1);
    expect([a.status, b.status].sort()).toEqual(['ok', 'skipped']);
    expect((a.status === 'skipped' ? a : b).reason).toBe('locked');
    expect(logger.text()).toMatch(new RegExp(`info ${job}: skipped .*"reason":"locked".*another replica is running this job`));
    expect(await advisoryLocksHeld(job)).toBe(0);
  });

  it('does not run a tick twice when one replica’s clock is behind and fires after the other finished', async () => {
    const job = nextJob();
    const ran: string[] = [];
    const slot = new Date('2030-02-01T09:15:00Z');
    expect(await runJob(ctxA, job, { trigger: 'schedule', slot }, slowBody(10, ran, 'A'))).toMatchObject({ status: 'ok' });
    expect(await runJob(ctxB, job, { trigger: 'schedule', slot }, slowBody(10, ran, 'B'))).toMatchObject({ status: 'skipped', reason: 'already-ran' });
    expect(ran).toEqual(['A']);
  });

  it('takes and releases the lock on one reserved session, and the pool keeps no lock afterwards', async () => {
    const job = nextJob();
    const seen: number[] = [];
    await runJob(ctxA, job, { trigger: 'manual' }, async () => {
      seen.push(await advisoryLocksHeld(job));
      return { counts: {} };
    });
    expect(seen).toEqual([1]);
    expect(await advisoryLocksHeld(job)).toBe(0);
    expect(logger.text()).not.toContain('no longer held');
    // Every pooled connection of both replicas is free of advisory locks.
    const [row] = await admin<{ n: number }[]>`select count(*)::int as n from pg_locks where locktype = 'advisory'`;
    expect(row!.n).toBe(0);
  });

  it('frees the lock of a replica that crashed while holding it; the next tick runs', async () => {
    const job = nextJob();
    const key = advisoryKey(`job:${job}`);
    const script = `
      import postgres from 'postgres';
      const sql = postgres(process.env.LOCK_URL, { max: 1 });
      const [row] = await sql\`select pg_try_advisory_lock(\${Number(process.env.LOCK_KEY)}::bigint) as locked\`;
      process.stdout.write(row.locked ? 'locked\\n' : 'busy\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, LOCK_URL: database.url!, LOCK_KEY: String(key) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const said = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    expect(said).toBe('locked');

    const ran: string[] = [];
    const blocked = await runJob(ctxA, job, { trigger: 'schedule', slot: new Date('2030-03-01T00:00:00Z') }, slowBody(1, ran, 'blocked'));
    expect(blocked).toMatchObject({ status: 'skipped', reason: 'locked' });

    child.kill('SIGKILL');
    await exited;
    // The server notices the closed socket and ends that session, releasing its locks.
    const deadline = Date.now() + 10_000;
    while ((await advisoryLocksHeld(job)) > 0 && Date.now() < deadline) await sleep(50);
    const next = await runJob(ctxA, job, { trigger: 'schedule', slot: new Date('2030-03-01T00:01:00Z') }, slowBody(1, ran, 'next'));
    expect(next).toMatchObject({ status: 'ok' });
    expect(ran).toEqual(['next']);
  });

  it('stops a run whose lock session was ended under it, and records it as failed', async () => {
    const job = nextJob();
    let sawAbort = false;
    const summary = await runJob(ctxA, job, { trigger: 'manual', lockCheckMs: 50 }, async (signal) => {
      const key = advisoryKey(`job:${job}`);
      await admin`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid::bigint = ${Math.floor(key / 2 ** 32)} and objid::bigint = ${key % 2 ** 32}`;
      const deadline = Date.now() + 5_000;
      while (!signal.aborted && Date.now() < deadline) await sleep(20);
      sawAbort = signal.aborted;
      return { counts: {} };
    });
    expect(sawAbort).toBe(true);
    expect(summary).toMatchObject({ status: 'failed', error: 'interrupted: stopped before finishing' });
    expect(logger.text()).toContain(`${job}: lost the job lock while running; stopping`);
    // And the pool is still usable afterwards.
    expect(await runJob(ctxA, job, { trigger: 'manual' }, async () => ({ counts: {} }))).toMatchObject({ status: 'ok' });
  });

  it('unlocks in the session that locked: release returns true once, and a second taker waits its turn', async () => {
    const name = `direct-${nextJob()}`;
    const first = await tryAdvisoryLock(database.url!, name);
    expect(first).not.toBeNull();
    expect(await tryAdvisoryLock(database.url!, name)).toBeNull();
    expect(await first!.stillHeld()).toBe(true);
    expect(await first!.release()).toBe(true);
    expect(await first!.release()).toBe(false);
    const second = await tryAdvisoryLock(database.url!, name);
    expect(second).not.toBeNull();
    expect(await second!.release()).toBe(true);
  });

  it('reports a lock whose session was killed as lost, without crashing the process', async () => {
    const lock = await tryAdvisoryLock(database.url!, `killed-${nextJob()}`);
    await admin`select pg_terminate_backend(${lock!.backendPid})`;
    await sleep(100);
    expect(await lock!.stillHeld()).toBe(false);
    expect(await lock!.release()).toBe(false);
  });

  it('refuses a DATABASE_URL that declares PgBouncer transaction pooling, and passes a direct connection', async () => {
    expect(poolingModeFromUrl('postgres://u@db:6432/app?pgbouncer=true')).toBe('pgbouncer=true');
    expect(poolingModeFromUrl('postgres://u@db:6432/app?pool_mode=transaction')).toBe('pool_mode=transaction');
    expect(poolingModeFromUrl('postgres://u@db:5432/app?sslmode=require')).toBeNull();
    const declared = { ...database, url: `${database.url}?pgbouncer=true` };
    await expect(assertSessionPooling(declared)).rejects.toBeInstanceOf(PoolingModeError);
    await expect(assertSessionPooling(declared)).rejects.toThrow(/PgBouncer in transaction mode/);
    await expect(assertSessionPooling(database)).resolves.toBeUndefined();
  });
});
