import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { type JobBody, runJob } from '../../src/services/jobs/run-job.ts';
import { defaultJobs, type ScheduledJob, startScheduler } from '../../src/scheduler/start-scheduler.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { jobRuns } from '../../src/store/schema/index.ts';
import { testContext } from '../support/context.ts';
import { type Driver, openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { captureLogger } from './capture-logger.ts';

let counter = 0;
const nextJob = () => `cron-test-${process.pid}-${++counter}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the start of the next wall-clock second plus `offsetMs`, so ticks land predictably. */
async function alignToSecond(offsetMs = 100): Promise<void> {
  await sleep(1000 - (Date.now() % 1000) + offsetMs);
}

function everySecond(name: string, body: (label: string) => JobBody<never>, label: string): ScheduledJob {
  return {
    name,
    cron: '* * * * * *',
    run: (ctx, tick) => runJob(ctx, name, { trigger: 'schedule', slot: tick.slot, signal: tick.signal }, body(label)),
  };
}

async function runsOf(ctx: ServiceContext, job: string) {
  return ctx.db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(jobRuns.id);
}

describe.each(testDrivers())('the scheduler in one process, on %s', (driver: Driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('skips a tick while the previous run is still going, and records it as an overlap', async () => {
    const job = nextJob();
    const started: string[] = [];
    const body = () => async () => {
      started.push(new Date().toISOString());
      // Three ticks fall inside a run, so a tick delayed by a loaded machine still leaves two overlaps.
      await sleep(3_300);
      return { counts: { done: 1 } };
    };
    await alignToSecond();
    const scheduler = await startScheduler(ctx, { jobs: [everySecond(job, body, 'x')] });
    await sleep(5_000);
    await scheduler.stop();
    const runs = await runsOf(ctx, job);
    const ran = runs.filter((row) => row.status !== 'skipped');
    const overlaps = runs.filter((row) => row.status === 'skipped');
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(ran.length).toBeLessThanOrEqual(2);
    expect(overlaps.length).toBeGreaterThanOrEqual(2);
    for (const row of overlaps) expect(row.counts).toMatchObject({ reason: 'overlap' });
    // Never two runs at once: each run started after the previous one finished.
    for (let i = 1; i < ran.length; i += 1) expect(ran[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(ran[i - 1]!.finishedAt!.getTime());
    expect(started).toHaveLength(ran.length);
  });

  it('reports ticks missed while the process was blocked, and runs none of them late or twice', async () => {
    const job = nextJob();
    const body = () => async () => ({ counts: { done: 1 } });
    await alignToSecond(200);
    const scheduler = await startScheduler(ctx, { jobs: [everySecond(job, body, 'x')] });
    await sleep(1_000);
    // Block the event loop for 3.5 s: the timers of the next ticks fire late.
    const until = Date.now() + 3_500;
    while (Date.now() < until) {
      /* busy */
    }
    await sleep(1_500);
    await scheduler.stop();
    const runs = await runsOf(ctx, job);
    const missed = runs.filter((row) => row.status === 'skipped' && row.counts.reason === 'missed');
    expect(missed.length).toBeGreaterThanOrEqual(2);
    const slots = runs.filter((row) => row.status === 'ok').map((row) => row.counts.slot as string);
    expect(new Set(slots).size).toBe(slots.length);
    for (const row of missed) expect(slots).not.toContain(row.counts.slot);
    expect(row(missed[0]).error).toBe('the timer fired more than the tolerance late; the next tick catches up');
  });

  it('runs a missed tick late, once, for a job that catches up', async () => {
    const job = nextJob();
    const body = () => async () => ({ counts: { done: 1 } });
    // Block the process across a tick of a job that runs every 5 s: nothing else runs for 5 s, so
    // only catching up runs that tick.
    // Start just after a tick, so the blocked one is the first this scheduler sees.
    await sleep(5_000 - (Date.now() % 5_000) + 100);
    const boundary = Math.ceil(Date.now() / 5_000) * 5_000;
    const scheduler = await startScheduler(ctx, { jobs: [{ ...everySecond(job, body, 'x'), cron: '*/5 * * * * *', catchUpMissed: true }] });
    await sleep(boundary - 1_500 - Date.now());
    expect(Date.now()).toBeLessThan(boundary - 300);
    while (Date.now() < boundary + 2_500) {
      /* busy */
    }
    await sleep(1_000);
    await scheduler.stop();
    const runs = await runsOf(ctx, job);
    expect(runs.map((entry) => [entry.status, entry.counts.slot, entry.startedAt.getTime() - boundary > 2_000])).toEqual([
      ['ok', new Date(boundary).toISOString(), true],
    ]);
  });

  it('does not catch up missed ticks that a later tick already covered', async () => {
    const job = nextJob();
    const body = () => async () => ({ counts: { done: 1 } });
    const logger = captureLogger();
    await alignToSecond(200);
    const scheduler = await startScheduler({ ...ctx, logger }, { jobs: [{ ...everySecond(job, body, 'x'), catchUpMissed: true }] });
    await sleep(1_000);
    const until = Date.now() + 3_500;
    while (Date.now() < until) {
      /* busy */
    }
    await sleep(1_500);
    await scheduler.stop();
    const runs = await runsOf(ctx, job);
    const seen = JSON.stringify(runs.map((entry) => [entry.status, entry.counts, entry.startedAt]));
    const missed = runs.filter((entry) => entry.counts.reason === 'missed').map((entry) => entry.counts.slot);
    const ran = runs.filter((entry) => entry.status === 'ok').map((entry) => entry.counts.slot);
    expect(missed.length, seen).toBeGreaterThanOrEqual(2);
    expect(new Set(ran).size, seen).toBe(ran.length);
    for (const slot of missed) expect(ran, seen).not.toContain(slot);
    expect(logger.text()).not.toContain('running it now');
    expect(logger.text()).toContain(`${job}: missed the tick at`);
  });

  it('stops: no new ticks, the running job is asked to stop, is waited for and is recorded as interrupted', async () => {
    const job = nextJob();
    let sawAbort = false;
    const body = () => async (signal: AbortSignal) => {
      while (!signal.aborted) await sleep(20);
      sawAbort = true;
      return { counts: { done: 1 } };
    };
    await alignToSecond();
    const scheduler = await startScheduler(ctx, { jobs: [everySecond(job, body, 'x')] });
    await sleep(1_300);
    await scheduler.stop();
    expect(sawAbort).toBe(true);
    const after = (await runsOf(ctx, job)).length;
    await sleep(1_200);
    expect((await runsOf(ctx, job)).length).toBe(after);
    const [first] = await runsOf(ctx, job);
    expect(first).toMatchObject({ status: 'interrupted', error: 'interrupted: stopped before finishing' });
  });

  it('schedules sync always and the digest only with a webhook, in the digest time zone', async () => {
    const logger = captureLogger();
    const without = defaultJobs({ ...ctx, logger });
    expect(without.map((job) => [job.name, job.cron, job.timezone])).toEqual([['sync', '*/15 * * * *', 'UTC']]);
    expect(logger.text()).toContain('digest not scheduled: SLACK_WEBHOOK_URL is not set');
    const configured = await testContext(database, { SLACK_WEBHOOK_URL: 'https://hooks.slack.example/services/x', DIGEST_TIMEZONE: 'Europe/Berlin', DIGEST_CRON: '0 9 * * 1-5' });
    expect(defaultJobs(configured).map((job) => [job.name, job.cron, job.timezone])).toEqual([
      ['sync', '*/15 * * * *', 'UTC'],
      ['digest', '0 9 * * 1-5', 'Europe/Berlin'],
    ]);
    expect(defaultJobs(configured).map((job) => job.catchUpMissed ?? false)).toEqual([false, true]);
    const scheduler = await startScheduler(configured, { jobs: defaultJobs(configured) });
    try {
      const next = new Date(scheduler.nextRuns().digest!);
      const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', weekday: 'short', hour12: false }).format(next);
      expect(berlin).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
      expect(new Date(scheduler.nextRuns().sync!).getUTCMinutes() % 15).toBe(0);
    } finally {
      await scheduler.stop();
    }
  });
});

function row<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a row');
  return value;
}

describe.each(testDrivers().filter((driver) => driver === 'postgres'))('two schedulers on one %s', () => {
  let database: TestDatabase;
  let replicaB: Database;
  let ctxA: ServiceContext;
  let ctxB: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    replicaB = await openDatabase({ url: database.url });
    ctxA = await testContext(database);
    ctxB = await testContext(replicaB);
  });
  afterAll(async () => {
    await replicaB?.close();
    await database?.close();
  });

  it('runs each tick exactly once across both replicas; the other records a skip', async () => {
    const job = nextJob();
    const ranBy: { replica: string; slot: string }[] = [];
    const body = async () => {
      await sleep(300);
      return { counts: { done: 1 } };
    };
    const jobFor = (replica: string): ScheduledJob => ({
      name: job,
      cron: '* * * * * *',
      run: async (ctx, tick) => {
        const summary = await runJob(ctx, job, { trigger: 'schedule', slot: tick.slot, signal: tick.signal }, body);
        if (summary.status === 'ok') ranBy.push({ replica, slot: summary.slot! });
        return summary;
      },
    });
    await alignToSecond(300);
    const [a, b] = await Promise.all([startScheduler(ctxA, { jobs: [jobFor('A')] }), startScheduler(ctxB, { jobs: [jobFor('B')] })]);
    await sleep(4_200);
    await Promise.all([a.stop(), b.stop()]);

    const slots = ranBy.map((entry) => entry.slot);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    expect(new Set(slots).size).toBe(slots.length);
    const runs = await runsOf(ctxA, job);
    const bySlot = new Map<string, string[]>();
    for (const entry of runs) {
      const slot = entry.counts.slot as string;
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), entry.status === 'skipped' ? `skipped:${entry.counts.reason}` : entry.status]);
    }
    for (const [slot, outcomes] of bySlot) {
      if (!slots.includes(slot)) continue;
      expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'skipped:locked' || outcome === 'skipped:already-ran')).toHaveLength(1);
    }
  });
});
