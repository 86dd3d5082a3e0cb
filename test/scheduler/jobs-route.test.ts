import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { type RunningServer, startHttpServer } from '../../src/api/http-server.ts';
import { jobsRoute } from '../../src/api/routes/jobs-route.ts';
import { runDigest } from '../../src/digest/run-digest.ts';
import { webhookHash } from '../../src/digest/webhook-secret.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { runJob } from '../../src/services/jobs/run-job.ts';
import { testContext } from '../support/context.ts';
import { type Driver, openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedPackage } from '../support/seed.ts';
import { type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';
import { docsVersions } from '../digest/docs-versions.ts';

describe.each(testDrivers())('GET /jobs on %s', (driver: Driver) => {
  let database: TestDatabase;
  let slack: SlackReceiver;
  let ctx: ServiceContext;
  let server: RunningServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    slack = await startSlackReceiver();
    ctx = await testContext(database, { SLACK_WEBHOOK_URL: slack.url, DIGEST_TIMEZONE: 'America/New_York' });
    server = await startHttpServer(createApp(ctx, { routes: [jobsRoute], web: false, rateLimit: false }), { host: '127.0.0.1', port: 0 });
    await seedPackage(ctx, '@jobs/docs', docsVersions(['1.0.0', '2.0.0']));
    slack.script({ kind: 'error', status: 410, body: 'channel_is_archived' });
    await runDigest(ctx, { linkCounter: null, minIntervalMs: 0 });
    await runJob(ctx, 'sync', { trigger: 'schedule', slot: new Date('2032-01-01T00:00:00Z') }, async () => ({ counts: { ingested: 0 } }));
  });
  afterAll(async () => {
    await server?.close();
    await slack?.close();
    await database?.close();
  });

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it('shows the schedule, every run newest first, and the digest deliveries', async () => {
    const response = await get('/jobs');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = JSON.parse(response.text);
    expect(body.schedule).toEqual({
      sync: { cron: '*/15 * * * *', timezone: 'UTC' },
      digest: { cron: '0 9 * * 1-5', timezone: 'America/New_York', enabled: true },
    });
    expect(body.runs.map((run: { job: string; status: string }) => `${run.job} ${run.status}`)).toEqual(['sync ok', 'digest failed']);
    expect(body.runs[0]).toMatchObject({ trigger: 'schedule', counts: { ingested: 0, slot: '2032-01-01T00:00:00.000Z' }, error: null });
    expect(body.runs[1].error).toBe('@jobs/docs 1.0.0 → 2.0.0: HTTP 410 channel_is_archived');
    expect(body.deliveries).toEqual([
      expect.objectContaining({ package: '@jobs/docs', from: '1.0.0', to: '2.0.0', status: 'failed', attempts: 1, lastError: 'HTTP 410 channel_is_archived' }),
    ]);
  });

  it('never shows the webhook URL or its hash', async () => {
    const { text } = await get('/jobs');
    expect(text).not.toContain(slack.secret);
    expect(text).not.toContain(webhookHash(slack.url));
    expect(text).not.toMatch(/webhook_?hash/i);
  });

  it('filters by job and bounds the page size', async () => {
    const body = JSON.parse((await get('/jobs?job=sync&limit=5')).text);
    expect(body.runs.map((run: { job: string }) => run.job)).toEqual(['sync']);
    expect(body.deliveries).toEqual([]);
    expect(JSON.parse((await get('/jobs?limit=1')).text).runs).toHaveLength(1);
  });

  it.each([
    ['/jobs?limit=0', 'parameter limit must be a whole number from 1 to 200'],
    ['/jobs?limit=201', 'parameter limit must be a whole number from 1 to 200'],
    ['/jobs?limit=1&limit=2', 'parameter "limit" is given 2 times; give it once'],
    ['/jobs?job[x]=1', 'parameter "job[x]" is not accepted: brackets are not part of this API'],
    ['/jobs?job=DROP%20TABLE', 'parameter job must be a job name such as sync or digest'],
    ['/jobs?secret=1', 'unknown parameter "secret"; accepted: job, limit'],
  ])('answers %s with 400 JSON', async (path, message) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ code: 'INVALID_INPUT', message });
  });
});
