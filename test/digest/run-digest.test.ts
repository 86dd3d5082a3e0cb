import { spawn } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimRange, markAttemptStarting } from '../../src/store/digest-deliveries.ts';
import { runDigest, type DigestRunOptions } from '../../src/digest/run-digest.ts';
import type { DeliveryOptions } from '../../src/digest/slack-webhook.ts';
import { webhookHash } from '../../src/digest/webhook-secret.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { findPackage } from '../../src/store/packages.ts';
import { digestDeliveries, jobRuns } from '../../src/store/schema/index.ts';
import { testContext } from '../support/context.ts';
import { type Driver, openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedPackage } from '../support/seed.ts';
import { type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';
import { captureLogger, type CapturedLogger } from '../scheduler/capture-logger.ts';
import { docsVersions } from './docs-versions.ts';

const fast: DeliveryOptions = { timeoutMs: 400, maxAttempts: 3, backoffBaseMs: 20, backoffMaxMs: 80, maxRetryAfterMs: 3_000 };
let counter = 0;
const nextName = () => `@digest/run-${process.pid}-${++counter}`;

describe.each(testDrivers())('digest runs on %s', (driver: Driver) => {
  let database: TestDatabase;
  let slack: SlackReceiver;
  let ctx: ServiceContext;
  let logger: CapturedLogger;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    slack = await startSlackReceiver();
    const base = await testContext(database, { SLACK_WEBHOOK_URL: slack.url, PUBLIC_BASE_URL: 'https://docdelta.example.com' });
    logger = captureLogger();
    ctx = { ...base, logger };
  });
  afterAll(async () => {
    await slack?.close();
    await database?.close();
  });
  beforeEach(() => {
    slack.requests.length = 0;
    slack.posted.length = 0;
  });

  const run = (name: string | string[], options: DigestRunOptions = {}) =>
    runDigest(ctx, { packages: Array.isArray(name) ? name : [name], delivery: fast, minIntervalMs: 0, linkCounter: null, trigger: 'manual', ...options });

  async function deliveryRows(name: string) {
    const pkg = await findPackage(ctx.db, name);
    return ctx.db.select().from(digestDeliveries).where(eq(digestDeliveries.packageId, pkg!.id)).orderBy(digestDeliveries.id);
  }

  const headerOf = (payload: unknown) => (payload as { blocks: { type: string; text: { text: string } }[] }).blocks[0]!.text.text;

  it('announces only the latest step on the first run, then stays quiet', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '1.1.0', '1.2.0']));
    const first = await run(name);
    expect(first).toMatchObject({ status: 'ok', counts: { delivered: 1, failed: 0, quiet: 0 } });
    expect(first.details!.digests).toEqual([expect.objectContaining({ package: name, status: 'delivered', from: '1.1.0', to: '1.2.0' })]);
    expect(slack.posted).toHaveLength(1);
    expect(headerOf(slack.posted[0])).toBe(`${name} 1.1.0 → 1.2.0 (2025-06-02 → 2025-06-03)`);

    const second = await run(name);
    expect(second).toMatchObject({ status: 'ok', counts: { delivered: 0, quiet: 1 } });
    expect(second.details!.digests[0]).toMatchObject({ status: 'quiet', reason: 'nothing new' });
    expect(slack.requests).toHaveLength(1);
    expect(await deliveryRows(name)).toEqual([expect.objectContaining({ fromVersion: '1.1.0', toVersion: '1.2.0', status: 'delivered', attempts: 1, lastError: null })]);
    const runs = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, second.runId!));
    expect(runs[0]).toMatchObject({ job: 'digest', status: 'ok', trigger: 'manual' });
  });

  it('covers every version since the last digest in one message', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '1.1.0']));
    await run(name);
    await seedPackage(ctx, name, docsVersions(['1.2.0', '1.3.0'], 10));
    const summary = await run(name);
    expect(summary.details!.digests[0]).toMatchObject({ status: 'delivered', from: '1.1.0', to: '1.3.0', releases: ['1.2.0', '1.3.0'] });
    expect(JSON.stringify(slack.posted[1])).toContain('Covers 2 releases: 1.2.0, 1.3.0.');
    expect((await deliveryRows(name)).map((row) => `${row.fromVersion}→${row.toVersion} ${row.status}`)).toEqual(['1.0.0→1.1.0 delivered', '1.1.0→1.3.0 delivered']);
  });

  it('waits out a 429 and posts the digest exactly once', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    slack.script({ kind: 'rate-limited', retryAfter: '1' });
    const summary = await run(name);
    expect(summary.counts).toMatchObject({ delivered: 1, failed: 0 });
    expect(slack.requests.map((request) => request.reply)).toEqual(['rate-limited', 'ok']);
    expect(slack.posted).toHaveLength(1);
    expect((await deliveryRows(name))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    await run(name);
    expect(slack.posted).toHaveLength(1);
  });

  it.each([
    [400, 'invalid_payload'],
    [403, 'action_prohibited'],
    [404, 'no_service'],
    [410, 'channel_is_archived'],
  ])('records %i %s as failed without retrying, then retries on the next run', async (status, text) => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    slack.script({ kind: 'error', status, body: text });
    const failed = await run(name);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe(`${name} 1.0.0 → 2.0.0: HTTP ${status} ${text}`);
    expect(slack.requests).toHaveLength(1);
    expect((await deliveryRows(name))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: `HTTP ${status} ${text}` });
    const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, failed.runId!));
    expect(row).toMatchObject({ status: 'failed', error: failed.error });

    const retried = await run(name);
    expect(retried).toMatchObject({ status: 'ok', counts: { delivered: 1 } });
    expect(await deliveryRows(name)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, lastError: null })]);
    expect(slack.posted).toHaveLength(1);
  });

  it('times out a hanging Slack, retries, and never posts a delivered digest twice', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    slack.script({ kind: 'hang' }, { kind: 'error', status: 500, body: 'internal_error' }, { kind: 'reset' });
    const first = await run(name);
    expect(first).toMatchObject({ status: 'failed', counts: { failed: 1 } });
    expect(first.error).toContain('network error');
    expect(slack.requests.map((request) => request.reply)).toEqual(['hang', 'error', 'reset']);
    const second = await run(name);
    expect(second.counts).toMatchObject({ delivered: 1 });
    await run(name);
    expect(slack.posted).toHaveLength(1);
    expect((await deliveryRows(name))[0]).toMatchObject({ status: 'delivered', attempts: 4 });
  });

  it('counts a 200 as delivered even when the body then stalls: one post across three runs (issue 16, failure 5)', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    slack.script({ kind: 'ok-then-stall' }, { kind: 'ok-then-stall' }, { kind: 'ok-then-stall' });
    const first = await run(name);
    expect(first).toMatchObject({ status: 'ok', counts: { delivered: 1 } });
    await run(name);
    await run(name);
    expect(slack.requests.map((request) => request.reply)).toEqual(['ok-then-stall']);
    expect(slack.posted).toHaveLength(1);
    expect((await deliveryRows(name))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('does not post again a digest whose request was in flight when its process stopped', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    // Exactly what a run writes before its request leaves; the process "dies" right after.
    const pkg = await findPackage(ctx.db, name);
    const claim = await claimRange(ctx.db, { packageId: pkg!.id, fromVersion: '1.0.0', toVersion: '2.0.0', webhookHash: webhookHash(slack.url) });
    await markAttemptStarting(ctx.db, claim.row.id, 1);

    const summary = await run(name);
    expect(summary.counts).toMatchObject({ delivered: 0, outcomeUnknown: 1, quiet: 1 });
    expect(slack.requests).toHaveLength(0);
    const [row] = await deliveryRows(name);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/^outcome unknown: attempt 1 was sent .*not sent again.*delete this row/);
    expect(logger.text()).toContain(`${name} 1.0.0 → 2.0.0 may or may not have been posted`);

    const later = await run(name);
    expect(later.counts).toMatchObject({ outcomeUnknown: 0, quiet: 1 });
    // The next version starts after the uncertain range.
    await seedPackage(ctx, name, docsVersions(['3.0.0'], 20));
    const next = await run(name);
    expect(next.details!.digests[0]).toMatchObject({ status: 'delivered', from: '2.0.0', to: '3.0.0' });
  });

  it('posts a digest whose process stopped before its first attempt', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    const pkg = await findPackage(ctx.db, name);
    await claimRange(ctx.db, { packageId: pkg!.id, fromVersion: '1.0.0', toVersion: '2.0.0', webhookHash: webhookHash(slack.url) });
    const summary = await run(name);
    expect(summary.counts).toMatchObject({ delivered: 1, outcomeUnknown: 0 });
    expect(await deliveryRows(name)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1 })]);
  });

  it('prints the payload on a dry run and sends and records nothing', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    const runsBefore = (await ctx.db.select().from(jobRuns)).length;
    const summary = await run(name, { dryRun: true });
    expect(summary).toMatchObject({ runId: null, status: 'ok', counts: { planned: 1 } });
    const message = summary.details!.digests[0]!.message!;
    expect(headerOf(message)).toBe(`${name} 1.0.0 → 2.0.0 (2025-06-01 → 2025-06-02)`);
    expect(slack.requests).toHaveLength(0);
    expect(await deliveryRows(name)).toEqual([]);
    expect((await ctx.db.select().from(jobRuns)).length).toBe(runsBefore);
  });

  it('refuses to run without a webhook, but a dry run works', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    const bare = { ...ctx, config: { ...ctx.config, slackWebhookUrl: undefined } };
    await expect(runDigest(bare, { packages: [name] })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('SLACK_WEBHOOK_URL is not set') });
    const dry = await runDigest(bare, { packages: [name], dryRun: true, linkCounter: null });
    expect(dry.counts).toMatchObject({ planned: 1 });
  });

  it('posts one digest per package, spaced to respect Slack’s rate', async () => {
    const names = [nextName(), nextName(), nextName()];
    for (const name of names) await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    const summary = await run(names, { minIntervalMs: 250 });
    expect(summary.counts).toMatchObject({ packages: 3, delivered: 3 });
    expect(slack.posted.map(headerOf).map((header) => header.split(' ')[0])).toEqual(names);
    const gaps = slack.requests.slice(1).map((request, i) => request.at - slack.requests[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(240);
  });

  it('runs one digest at a time in a process; the second start is recorded as an overlap', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    slack.script({ kind: 'rate-limited', retryAfter: '1' });
    const [a, b] = await Promise.all([run(name), run(name)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual(['ok', 'skipped']);
    const skipped = a.status === 'skipped' ? a : b;
    expect(skipped.reason).toBe('overlap');
    const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, skipped.runId!));
    expect(row).toMatchObject({ status: 'skipped', counts: { reason: 'overlap' } });
    expect(slack.posted).toHaveLength(1);
  });

  it('keeps the webhook URL out of job runs, deliveries and logs', async () => {
    const name = nextName();
    await seedPackage(ctx, name, docsVersions(['1.0.0', '2.0.0']));
    // A proxy that echoes the URL back in its error would leak it if nothing redacted it.
    slack.script({ kind: 'error', status: 400, body: `invalid_token for ${slack.url}` });
    const summary = await run(name);
    expect(summary.error).toBe(`${name} 1.0.0 → 2.0.0: HTTP 400 invalid_token for [webhook]`);
    const stored = JSON.stringify([await ctx.db.select().from(jobRuns), await deliveryRows(name)]);
    expect(stored).not.toContain(slack.secret);
    expect(stored).toContain('invalid_token for [webhook]');
    expect(logger.text()).not.toContain(slack.secret);
    expect(JSON.stringify(summary)).not.toContain(slack.secret);
    const [row] = await deliveryRows(name);
    expect(row!.webhookHash).toBe(webhookHash(slack.url));
    expect(row!.webhookHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

// A real crash needs a second process on a shared server, so this one runs against PostgreSQL only.
describe.each(testDrivers().filter((driver) => driver === 'postgres'))('a digest process killed on %s', () => {
  let slack: SlackReceiver;
  let logger: CapturedLogger;
  beforeAll(async () => {
    slack = await startSlackReceiver();
    logger = captureLogger();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('survives a digest process killed mid-request: no second post, lock freed, run marked interrupted', async () => {
    // A private database: the child posts for every stored package.
    const own = await openTestDatabase('postgres');
    try {
      const ownCtx = { ...(await testContext(own, { SLACK_WEBHOOK_URL: slack.url })), logger };
      const name = nextName();
      await seedPackage(ownCtx, name, docsVersions(['1.0.0', '2.0.0']));
      slack.script({ kind: 'hang' });
      const child = spawn(process.execPath, ['bin/run-ts.js', 'jobs/digest.ts'], {
        env: { ...process.env, DATABASE_URL: own.url!, SLACK_WEBHOOK_URL: slack.url, DOCDELTA_PACKAGES: name },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let childLog = '';
      child.stderr.on('data', (chunk: Buffer) => (childLog += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      const deadline = Date.now() + 30_000;
      while (slack.requests.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(slack.requests).toHaveLength(1);
      child.kill('SIGKILL');
      await exited;
      expect(childLog).not.toContain(slack.secret);

      const pkg = await findPackage(ownCtx.db, name);
      const [left] = await ownCtx.db.select().from(digestDeliveries).where(and(eq(digestDeliveries.packageId, pkg!.id)));
      expect(left).toMatchObject({ status: 'pending', attempts: 1 });
      expect(left!.lastError).toMatch(/^outcome unknown: attempt 1 sent at .*no answer recorded yet$/);

      const after = await runDigest(ownCtx, { delivery: fast, minIntervalMs: 0, linkCounter: null });
      // The killed run's session ended, so the lock was free; its job_runs row is marked interrupted.
      expect(after).toMatchObject({ status: 'ok', counts: { delivered: 0, outcomeUnknown: 1 } });
      const runs = await ownCtx.db.select().from(jobRuns).orderBy(jobRuns.id);
      expect(runs.map((row) => row.status)).toEqual(['failed', 'ok']);
      expect(runs[0]!.error).toMatch(/^interrupted/);
      expect(slack.requests).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});
