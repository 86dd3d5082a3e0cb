// GET /links and GET /resolve over real HTTP on 127.0.0.1, against the seeded fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksRoute } from '../../src/api/routes/links-route.ts';
import { versionsRoute } from '../../src/api/routes/versions-route.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';
import { startTestServer, type TestServer } from '../api/harness.ts';

const PKG = encodeURIComponent('@fixture/links-api');

describe.each(testDrivers())('GET /links and /resolve on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let api: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
    await seedFixture(ctx, '@fixture/links-api');
    api = await startTestServer(ctx, { routes: [linksRoute, versionsRoute], web: false });
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
  });

  it('answers the link report as JSON, cacheable and revalidated by ETag', async () => {
    const response = await api.get(`/links?package=${PKG}&from=1.0.0&to=2.0.0`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const report = response.json();
    expect(report.counts).toMatchObject({ broken: 2, upgrade: 2, internal: 0 });
    expect(report.routes.find((entry: { route: string }) => entry.route === '/user-management/users')).toMatchObject({ status: 'moved', to: '/authkit/users' });
    const again = await api.get(`/links?package=${PKG}&from=1.0.0&to=2.0.0`, { 'if-none-match': String(response.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('renders the redirect formats', async () => {
    const netlify = await api.get(`/links?package=${PKG}&from=1.0.0&to=2.0.0&format=netlify&base_path=/docs`);
    expect(netlify.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(netlify.text).toContain('/docs/user-management/*  /docs/authkit/:splat  301');
    const nextjs = await api.get(`/links?package=${PKG}&from=1.0.0&to=2.0.0&format=nextjs`);
    // A removed page under the moved folder: Next.js gets the folder page by page, never a splat that would catch it.
    expect(nextjs.text).toContain('"source": "/user-management/users"');
  });

  it('resolves a route', async () => {
    const response = await api.get(`/resolve?package=${PKG}&route=${encodeURIComponent('/user-management/sessions#refresh')}&to=latest`);
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ status: 'moved', from: '1.0.0', to: '2.0.0', target: '/authkit/sessions#refresh' });
  });

  it('refuses bad input with 400 and unknown things with 404, as JSON', async () => {
    const cases: Array<[string, number, string]> = [
      [`/links?package=${PKG}&from=1.0.0`, 400, 'INVALID_INPUT'],
      [`/links?package=${PKG}&from=1.0.0&from=1.0.0&to=2.0.0`, 400, 'INVALID_INPUT'],
      [`/links?package=${PKG}&from=1.0.0&to=2.0.0&format=xml`, 400, 'INVALID_INPUT'],
      [`/links?package=${PKG}&from=1.0.0&to=2.0.0&base_path=../../etc`, 400, 'INVALID_INPUT'],
      // Scanning is a command-line feature: a URL never makes the server read its disk.
      [`/links?package=${PKG}&from=1.0.0&to=2.0.0&scan=/etc`, 400, 'INVALID_INPUT'],
      [`/links?package=${PKG}&from=1.0.0&to=9.9.9`, 404, 'NOT_FOUND'],
      [`/resolve?package=${PKG}&route=${'x'.repeat(5000)}`, 400, 'INVALID_INPUT'],
      [`/resolve?package=${PKG}&route=mailto:a@b.c`, 400, 'INVALID_INPUT'],
      [`/resolve?package=${PKG}&route=/never/existed`, 404, 'NOT_FOUND'],
    ];
    for (const [path, status, code] of cases) {
      const response = await api.get(path);
      expect(response.status, path).toBe(status);
      expect(response.json().code, path).toBe(code);
    }
  });

  it('shows on GET /versions where each version\'s pages were found, at which route and why', async () => {
    const response = await api.get(`/versions?package=${PKG}`);
    expect(response.status).toBe(200);
    for (const version of response.json().versions) {
      expect(version.docs.pages).toBeGreaterThan(0);
      expect(version.docs.roots).toMatchObject([{ folder: '.docs/organized/docs/', route: '/' }]);
      expect(version.docs.roots[0].why.length).toBeGreaterThan(0);
    }
  });
});
