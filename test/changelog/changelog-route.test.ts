// GET /changelog and /changelog.xml over real HTTP on 127.0.0.1, mounted the way the lead wires it:
// as a route module given to createApp.
import http from 'node:http';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RunningServer, startHttpServer } from '../../src/api/index.ts';
import { changelogRoute } from '../../src/api/routes/changelog-route.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { FIXTURE_V2, seedFixture, seedPackage } from '../support/seed.ts';

const PKG = '@fixture/feed';

describe.each(testDrivers())('the changelog routes on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let server: RunningServer;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database, { PUBLIC_BASE_URL: 'https://docdelta.example.com' });
    await seedFixture(ctx, PKG);
    server = await startHttpServer(createApp(ctx, { routes: [changelogRoute], web: false, rateLimit: false }), { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('serves the Markdown changelog', async () => {
    const response = await get(`/changelog?package=${encodeURIComponent(PKG)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const body = await response.text();
    expect(body.startsWith('# Changelog: @fixture/feed\n')).toBe(true);
    expect(body).toContain('## 2.0.0 (2025-01-08)');
    expect(body).toContain('`.docs/organized/docs/{user-management → authkit}/`: 4 files, 2 edited');
  });

  it('serves a valid Atom feed whose self link names the query', async () => {
    const response = await get(`/changelog.xml?package=${encodeURIComponent(PKG)}&limit=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' }).parse(xml).feed;
    expect(feed.link[0]).toMatchObject({ '@rel': 'self', '@href': 'https://docdelta.example.com/changelog.xml?package=%40fixture%2Ffeed&limit=5' });
    expect(feed.entry.map((entry: { id: string }) => entry.id)).toEqual(['urn:docdelta:changelog:%40fixture%2Ffeed:2.0.0', 'urn:docdelta:changelog:%40fixture%2Ffeed:1.0.0']);
    expect(feed.entry[0].link['@href']).toBe('https://docdelta.example.com/p/@fixture/feed/diff/1.0.0...2.0.0');
  });

  it('answers a conditional GET with 304', async () => {
    const first = await get(`/changelog.xml?package=${encodeURIComponent(PKG)}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http rather than fetch: fetch adds `Cache-Control: no-cache` to conditional requests,
    // which (rightly) makes the server answer in full; a feed reader sends only If-None-Match.
    const again = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(`${server.url}/changelog.xml?package=${encodeURIComponent(PKG)}`, { headers: { 'if-none-match': etag! } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });
    expect(again).toEqual({ status: 304, body: '' });
  });

  it('serves a new version as soon as it is stored, under a new ETag', async () => {
    const path = `/changelog.xml?package=${encodeURIComponent(PKG)}`;
    const before = await get(path);
    await before.text();
    await seedPackage(ctx, PKG, [{ version: '2.1.0', files: { ...FIXTURE_V2, 'CHANGELOG.md': '# 2.1.0\n' }, publishedAt: new Date('2025-02-01T00:00:00Z') }]);
    const after = await get(path);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(await after.text()).feed;
    expect(feed.entry.map((entry: { id: string }) => entry.id)[0]).toBe('urn:docdelta:changelog:%40fixture%2Ffeed:2.1.0');
    expect(feed.updated).toBe('2025-02-01T00:00:00.000Z');
  });

  it.each([
    ['/changelog?limit=abc', 400, /limit must be a whole number/],
    ['/changelog?limit=0', 400, /limit must be from 1/],
    ['/changelog.xml?package=a&package=b', 400, /given 2 times/],
    ['/changelog?since[x]=1', 400, /brackets/],
    ['/changelog?format=rss', 400, /unknown parameter/],
    ['/changelog?package=xxx…(10 KB)', 400, /too long/],
    ['/changelog.xml?package=no-such-docs', 404, /unknown package/],
    [`/changelog?package=${encodeURIComponent(PKG)}&since=9.9.9`, 404, /no stored version/],
  ])('answers %s with %i JSON', async (path, status, message) => {
    const response = await get(path.replace('xxx…(10 KB)', 'x'.repeat(10_000)));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
