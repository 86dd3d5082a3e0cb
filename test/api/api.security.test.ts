// Authentication, rate limiting, security headers, and the sync endpoint against a local registry.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns } from '../../src/store/schema/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { testContext } from '../support/context.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { seedFixture } from '../support/seed.ts';
import { packageTgz, sri } from '../support/tarballs.ts';
import { startTestServer, type TestServer } from './harness.ts';

const TOKEN = 'sync-token-0123456789abcdef';
const SYNCED = '@fixture/synced';
const tarball = (text: string) => packageTgz({ 'package.json': '{"name":"x"}', 'docs/index.mdx': `# Home\n\n${text}\n` });
const v1 = tarball('one');
const v2 = tarball('two');
const v3 = tarball('three');

describe.each(testDrivers())('API security on %s', (driver) => {
  let database: TestDatabase;
  let registry: FakeRegistry;
  let ctx: ServiceContext;
  let withToken: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    registry = await startFakeRegistry();
    ctx = await testContext(database, { API_TOKEN: TOKEN, DOCDELTA_PACKAGES: SYNCED, NPM_REGISTRY: registry.url });
    await seedFixture(ctx, '@fixture/docs');
    withToken = await startTestServer(ctx);
  });
  afterAll(async () => {
    await withToken?.close();
    await registry?.close();
    await database?.close();
  });

  const auth = { Authorization: `Bearer ${TOKEN}` };

  it('refuses POST /sync without a token, or with a wrong one, with 401', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong-token-0123456789abcdef' }, { Authorization: `Basic ${TOKEN}` }, { Authorization: `Bearer ${TOKEN}x` }] as Record<string, string>[]) {
      const response = await withToken.request('POST', '/sync', { headers });
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({ code: 'UNAUTHORIZED', message: 'a valid bearer token is required' });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="docdelta"');
    }
    expect(registry.tarballRequests).toBe(0);
  });

  it('switches POST /sync off with 503 when no token is configured', async () => {
    const noTokenCtx = await testContext(database, { DOCDELTA_PACKAGES: SYNCED, NPM_REGISTRY: registry.url });
    const server = await startTestServer(noTokenCtx);
    try {
      const response = await server.request('POST', '/sync', { headers: auth });
      expect(response.status).toBe(503);
      expect(response.json().code).toBe('NOT_CONFIGURED');
    } finally {
      await server.close();
    }
  });

  it('syncs with the token, and a shortcut diff sees the new latest version right away', async () => {
    registry.setPackage({ name: SYNCED, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }, { version: '1.1.0', tarball: v2, integrity: sri(v2) }] });
    const first = await withToken.request('POST', '/sync', { headers: auth });
    expect(first.status).toBe(200);
    expect(first.json().reports).toEqual([
      { package: SYNCED, ingested: [expect.objectContaining({ version: '1.0.0', files: 2 }), expect.objectContaining({ version: '1.1.0', files: 2 })], alreadyStored: 0, failed: [], unpublished: false },
    ]);
    const shortcut = `/diff?package=${encodeURIComponent(SYNCED)}&from=previous&to=latest`;
    expect((await withToken.get(shortcut)).json()).toMatchObject({ from: '1.0.0', to: '1.1.0' });

    registry.setPackage({
      name: SYNCED,
      versions: [
        { version: '1.0.0', tarball: v1, integrity: sri(v1) },
        { version: '1.1.0', tarball: v2, integrity: sri(v2) },
        { version: '1.2.0', tarball: v3, integrity: sri(v3) },
      ],
    });
    const second = await withToken.request('POST', `/sync?package=${encodeURIComponent(SYNCED)}`, { headers: auth });
    expect(second.json().reports[0]).toMatchObject({ ingested: [expect.objectContaining({ version: '1.2.0' })], alreadyStored: 2 });
    // Each POST /sync is a recorded run, like a sync from cron or the CLI.
    const runs = await ctx.db.select().from(jobRuns).where(eq(jobRuns.trigger, 'api'));
    expect(runs.map((row) => [row.job, row.status, row.id]).sort((a, b) => Number(a[2]) - Number(b[2])).map(([job, status]) => [job, status])).toEqual([['sync', 'ok'], ['sync', 'ok']]);
    expect(second.json()).toMatchObject({ status: 'ok', runId: Math.max(...runs.map((row) => row.id)) });
    expect((await withToken.get(shortcut)).json()).toMatchObject({ from: '1.1.0', to: '1.2.0' });
  });

  it('syncs only tracked packages: an unknown name is 404, not a new registration', async () => {
    const response = await withToken.request('POST', '/sync?package=left-pad', { headers: auth });
    expect(response.status).toBe(404);
    expect(response.json().message).toMatch(/unknown package "left-pad"; tracked: @fixture\/synced/);
  });

  it('sets helmet headers with a strict CSP on the page, and no X-Powered-By', async () => {
    const page = await withToken.get('/');
    const csp = page.headers['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['x-powered-by']).toBeUndefined();
    // The page itself carries no inline script or style.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/\sstyle=|\son\w+=/);
  });

  it('returns doc text containing markup only as JSON data', async () => {
    const response = await withToken.get('/diff/file?package=%40fixture%2Fdocs&from=1.0.0&to=2.0.0&path=.docs%2Forganized%2Fdocs%2Funsafe.mdx');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json().newText).toContain('<img src=x onerror="alert(2)">');
  });

  it('limits each client to its burst, with 429 JSON and Retry-After', async () => {
    const limited = await startTestServer(ctx, { rateLimit: { burst: 5, perSecond: 0.01 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.get('/packages')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await limited.get('/packages');
      expect(refused.json()).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/^too many requests; retry in \d+ s$/) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Probes are never limited.
      expect((await limited.get('/healthz')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('counts cached /diff answers (the hot path) against the same budget', async () => {
    const limited = await startTestServer(ctx, { rateLimit: { burst: 5, perSecond: 0.01 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.get('/diff?package=%40fixture%2Fdocs&from=1.0.0&to=2.0.0')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('ignores X-Forwarded-For unless a proxy is trusted, so forged headers do not dodge the limit', async () => {
    const direct = await startTestServer(ctx, { rateLimit: { burst: 3, perSecond: 0.01 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await direct.get('/packages', { 'X-Forwarded-For': `203.0.113.${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await direct.close();
    }
  });

  it('keys the limit on the real client behind a trusted proxy', async () => {
    const proxied = await startTestServer(ctx, { rateLimit: { burst: 2, perSecond: 0.01 }, trustProxy: 'loopback' });
    try {
      const as = (ip: string) => proxied.get('/packages', { 'X-Forwarded-For': ip }).then((response) => response.status);
      expect([await as('198.51.100.1'), await as('198.51.100.1'), await as('198.51.100.1')]).toEqual([200, 200, 429]);
      // Another client behind the same proxy has its own budget.
      expect([await as('198.51.100.2'), await as('198.51.100.2')]).toEqual([200, 200]);
    } finally {
      await proxied.close();
    }
  });
});
