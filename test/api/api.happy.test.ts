// The API over real HTTP on 127.0.0.1, against the seeded two-version fixture.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { testContext } from '../support/context.ts';
import { seedFixture } from '../support/seed.ts';
import { createApp } from '../../src/api/app.ts';
import { startHttpServer } from '../../src/api/http-server.ts';
import { DOCS, rawRequest, startTestServer, type TestServer } from './harness.ts';

const PKG = '@fixture/docs';
const pair = `package=${encodeURIComponent(PKG)}&from=1.0.0&to=2.0.0`;

describe.each(testDrivers())('the HTTP API on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let api: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
    await seedFixture(ctx, PKG);
    api = await startTestServer(ctx);
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
  });

  it('answers GET /diff with the VersionDiff object of the design, keys in its order', async () => {
    const response = await api.get(`/diff?${pair}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const diff = response.json();
    expect(Object.keys(diff)).toEqual(['package', 'from', 'to', 'summary', 'moves', 'files']);
    expect(diff).toMatchObject({ package: PKG, from: '1.0.0', to: '2.0.0' });
    expect(diff.summary).toEqual({ added: 1, removed: 2, modified: 5, renamed: 4, additions: expect.any(Number), deletions: expect.any(Number) });
    expect(diff.moves).toEqual([{ from: `${DOCS}/user-management`, to: `${DOCS}/authkit`, files: 4, edited: 2 }]);
    const users = diff.files.find((file: { path: string }) => file.path === `${DOCS}/authkit/users.mdx`);
    expect(Object.keys(users).slice(0, 6)).toEqual(['status', 'path', 'oldPath', 'similarity', 'additions', 'deletions']);
    expect(users).toMatchObject({ status: 'renamed', oldPath: `${DOCS}/user-management/users.mdx`, additions: 1, deletions: 1 });
  });

  it('answers the same diff without package when one package is tracked', async () => {
    const withPackage = (await api.get(`/diff?${pair}`)).json();
    const without = await api.get('/diff?from=1.0.0&to=2.0.0');
    expect(without.status).toBe(200);
    expect(without.json()).toEqual(withPackage);
  });

  it('renders stat, markdown and patch formats', async () => {
    const stat = await api.get(`/diff?${pair}&format=stat`);
    expect(stat.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(stat.text).toMatch(/ R \S*\{user-management => authkit\}\/users\.mdx +\| +2 \+-$/m);

    const markdown = await api.get(`/diff?${pair}&format=markdown`);
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.text).toMatch(/^# @fixture\/docs 1\.0\.0 → 2\.0\.0/);

    const patch = await api.get(`/diff?${pair}&format=patch`);
    expect(patch.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(patch.text).toContain(`rename from ${DOCS}/user-management/users.mdx\nrename to ${DOCS}/authkit/users.mdx\n`);
    expect(patch.text).toContain(`diff --git a/${DOCS}/legacy/old-api.mdx b/${DOCS}/legacy/old-api.mdx\ndeleted file mode 100644`);
  });

  it('narrows a diff to a path and recomputes its summary', async () => {
    const response = await api.get(`/diff?${pair}&path=${encodeURIComponent(`${DOCS}/authkit`)}`);
    const diff = response.json();
    expect(diff.files.every((file: { path: string }) => file.path.startsWith(`${DOCS}/authkit/`))).toBe(true);
    expect(diff.summary).toMatchObject({ added: 1, removed: 0, modified: 0, renamed: 4 });
  });

  it('resolves latest and previous, and does not let shortcut URLs be cached as immutable', async () => {
    const shortcut = await api.get(`/diff?package=${encodeURIComponent(PKG)}&from=previous&to=latest`);
    expect(shortcut.json()).toMatchObject({ from: '1.0.0', to: '2.0.0' });
    expect(shortcut.headers['cache-control']).toBe('no-cache');
    const pinned = await api.get(`/diff?${pair}`);
    expect(pinned.headers['cache-control']).toBe('public, max-age=86400');
    // Same resolved pair, same body, same validator.
    expect(shortcut.headers.etag).toBe(pinned.headers.etag);
  });

  it('gives an ETag and answers 304 to If-None-Match (plain, weak or in a list)', async () => {
    const first = await api.get(`/diff?${pair}`);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await api.get(`/diff?${pair}`, { 'If-None-Match': header });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    const stale = await api.get(`/diff?${pair}`, { 'If-None-Match': '"stale"' });
    expect(stale.status).toBe(200);
    const otherFormat = await api.get(`/diff?${pair}&format=stat`);
    expect(otherFormat.headers.etag).not.toBe(etag);
  });

  it('sends gzip to clients that accept it', async () => {
    const plain = await api.get(`/diff?${pair}`);
    const zipped = await api.get(`/diff?${pair}`, { 'Accept-Encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zlib.gunzipSync(zipped.body).toString('utf8')).toBe(plain.text);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
  });

  it('answers one file by its new or its old name, following the rename', async () => {
    const byNew = await api.get(`/diff/file?${pair}&path=${encodeURIComponent(`${DOCS}/authkit/users.mdx`)}`);
    const byOld = await api.get(`/diff/file?${pair}&path=${encodeURIComponent(`${DOCS}/user-management/users.mdx`)}`);
    expect(byNew.status).toBe(200);
    expect(byOld.status).toBe(200);
    for (const response of [byNew, byOld]) {
      const body = response.json();
      expect(body.change).toMatchObject({ status: 'renamed', path: `${DOCS}/authkit/users.mdx`, oldPath: `${DOCS}/user-management/users.mdx` });
      expect(body.patch).toContain('-## Delete a user\n+## Remove a user\n');
      expect(body.oldText).toContain('## Delete a user');
      expect(body.newText).toContain('## Remove a user');
    }
    const patch = await api.get(`/diff/file?${pair}&path=${encodeURIComponent(`${DOCS}/user-management/users.mdx`)}&format=patch`);
    expect(patch.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(patch.text).toMatch(/^diff --git a\/\.docs\/organized\/docs\/user-management\/users\.mdx b\/\.docs\/organized\/docs\/authkit\/users\.mdx\nsimilarity index 96%/);
  });

  it('lists the history of a page across its rename, by either name', async () => {
    for (const path of [`${DOCS}/authkit/users.mdx`, `${DOCS}/user-management/users.mdx`]) {
      const response = await api.get(`/history?package=${encodeURIComponent(PKG)}&path=${encodeURIComponent(path)}`);
      expect(response.status).toBe(200);
      expect(response.json().entries).toEqual([
        { version: '2.0.0', previous: '1.0.0', status: 'renamed', path: `${DOCS}/authkit/users.mdx`, oldPath: `${DOCS}/user-management/users.mdx`, additions: 1, deletions: 1 },
      ]);
    }
  });

  it('lists packages and versions with dates and file counts', async () => {
    const packages = (await api.get('/packages')).json();
    expect(packages.packages).toEqual([expect.objectContaining({ name: PKG, versions: 2, latest: '2.0.0' })]);
    const versions = (await api.get(`/versions?package=${encodeURIComponent(PKG)}`)).json();
    expect(versions.package).toBe(PKG);
    expect(versions.versions.map((v: { version: string; files: number; publishedAt: string }) => [v.version, v.files, v.publishedAt.slice(0, 10)])).toEqual([
      ['1.0.0', 12, '2025-01-01'],
      ['2.0.0', 11, '2025-01-08'],
    ]);
  });

  it('reports health with the database driver', async () => {
    const response = await api.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: driver });
  });

  it('serves the web page at / and at diff permalinks, with its scripts and diff2html', async () => {
    for (const path of ['/', `/p/${PKG}/diff/1.0.0...2.0.0`, `/p/${PKG}`]) {
      const page = await api.get(path);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<script type="module" src="/assets/app.js"></script>');
    }
    const script = await api.get('/assets/app.js');
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    const bundle = await api.get('/vendor/diff2html.min.js');
    expect(bundle.status).toBe(200);
    expect(bundle.text).toContain('Diff2Html');
    const css = await api.get('/vendor/diff2html.min.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers cached diffs identically whether or not the hot path takes them', async () => {
    const hotApp = createApp(ctx, { rateLimit: false });
    const hotPath = hotApp.locals.hotPath!;
    let taken = 0;
    hotApp.locals.hotPath = (req, res) => {
      const answered = hotPath(req, res);
      if (answered) taken += 1;
      return answered;
    };
    const hot = await startHttpServer(hotApp, { host: '127.0.0.1', port: 0 });
    const plain = await startTestServer(ctx, { hotPath: false });
    try {
      const comparable = (headers: Record<string, unknown>) => {
        const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
        return rest;
      };
      const url = `/diff?${pair}&format=stat`;
      const first = await rawRequest(`${hot.url}${url}`, 'GET');
      expect(taken).toBe(0);
      for (const headers of [{}, { 'Accept-Encoding': 'gzip' }, { 'If-None-Match': first.headers.etag! }] as Record<string, string>[]) {
        const fromHotPath = await rawRequest(`${hot.url}${url}`, 'GET', { headers });
        const viaExpress = await plain.get(url, headers);
        expect(fromHotPath.status).toBe(viaExpress.status);
        expect(comparable(fromHotPath.headers)).toEqual(comparable(viaExpress.headers));
        expect(fromHotPath.body.equals(viaExpress.body)).toBe(true);
      }
      expect(taken).toBe(3);
    } finally {
      await hot.close();
      await plain.close();
    }
  });

  // Runs last: it closes the database.
  it('keeps answering a hot diff from memory when the database is gone, while /healthz reports 503', async () => {
    const hot = await api.get(`/diff?${pair}&format=markdown`);
    await database.close();
    const again = await api.get(`/diff?${pair}&format=markdown`);
    expect(again.status).toBe(200);
    expect(again.text).toBe(hot.text);
    const health = await api.get('/healthz');
    expect(health.status).toBe(503);
    expect(health.json()).toEqual({ code: 'UNAVAILABLE', message: 'database unreachable' });
  });
});
