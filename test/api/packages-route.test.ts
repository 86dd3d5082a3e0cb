// Packages over HTTP: list, track (npm names the registry has), untrack — the writes behind the
// API token; a refused track stores nothing. Also GET /diff's git formats, w=1 and path readings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { tableCounts } from '../../src/store/package-removal.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { startFakeRegistry, type FakeRegistry } from '../support/fake-registry.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';
import { packageTgz } from '../support/tarballs.ts';
import { DOCS, startTestServer, type TestServer } from './harness.ts';

const PKG = '@fixture/docs';
const TOKEN = 'a-test-token-of-32-characters-xx';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe.each(testDrivers())('packages over HTTP on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let api: TestServer;
  let registry: FakeRegistry;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    registry = await startFakeRegistry();
    ctx = await testContext(database, { API_TOKEN: TOKEN, NPM_REGISTRY: registry.url, DOCDELTA_PACKAGES: PKG });
    await seedFixture(ctx, PKG);
    await seedPackage(ctx, '@fixture/gone', [{ version: '0.1.0', files: { 'docs/a.md': '# Only here\n' } }]);
    api = await startTestServer(ctx);
  });
  afterAll(async () => {
    await api?.close();
    await registry?.close();
    await database?.close();
  });

  it('lists packages with their source and last sync', async () => {
    const response = await api.request('GET', '/packages');
    expect(response.status).toBe(200);
    expect(response.json().packages[0]).toMatchObject({ name: PKG, source: 'local', versions: 2, latest: '2.0.0', lastSyncedAt: null });
  });

  it('needs the token to track or untrack', async () => {
    const body = JSON.stringify({ source: 'npm', name: 'anything' });
    expect((await api.request('POST', '/packages', { headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
    expect((await api.request('DELETE', `/packages/${PKG}`)).status).toBe(401);
  });

  it('refuses a name the registry lacks, a bad body or a server folder, and stores nothing', async () => {
    const before = await tableCounts(ctx.db);
    const missing = await api.request('POST', '/packages', { headers: auth, body: JSON.stringify({ source: 'npm', name: '@fixture/docss' }) });
    expect(missing.status).toBe(404);
    expect(missing.json().message).toMatch(/nothing was stored; did you mean "@fixture\/docs"\?/);
    const bad = await api.request('POST', '/packages', { headers: auth, body: JSON.stringify({ source: 'ftp', name: 'x' }) });
    expect(bad.status).toBe(400);
    const local = await api.request('POST', '/packages', { headers: auth, body: JSON.stringify({ source: 'git', location: '/etc', docs: 'docs' }) });
    expect(local.status).toBe(400);
    expect(local.json().message).toMatch(/CLI only/);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('tracks a name the registry has', async () => {
    registry.setPackage({ name: 'new-docs', versions: [{ version: '1.0.0', tarball: packageTgz({ 'package.json': '{"name":"new-docs","version":"1.0.0"}' }) }] });
    const created = await api.request('POST', '/packages', { headers: auth, body: JSON.stringify({ source: 'npm', name: 'new-docs' }) });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ package: 'new-docs', source: 'npm', outcome: 'created' });
  });

  it('untracks a scoped package by its plain name and frees its blobs', async () => {
    const before = await tableCounts(ctx.db);
    const response = await api.request('DELETE', '/packages/@fixture/gone', { headers: auth });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ package: '@fixture/gone', removed: true, versions: 1, blobs: 1 });
    const after = await tableCounts(ctx.db);
    expect(before.blobs - after.blobs).toBe(1);
    expect((await api.request('DELETE', '/packages/%40fixture%2Fgone', { headers: auth })).status).toBe(404);
  });

  it("answers /diff in git's script formats, reads paths from the docs root or as routes, and warns on no match", async () => {
    const pair = `package=${encodeURIComponent(PKG)}&from=1.0.0&to=2.0.0`;
    const nameStatus = await api.request('GET', `/diff?${pair}&format=name-status`);
    expect(nameStatus.text).toMatch(new RegExp(`^R\\d{3}\\t${DOCS}/user-management/users\\.mdx\\t${DOCS}/authkit/users\\.mdx$`, 'm'));
    const numstat = await api.request('GET', `/diff?${pair}&format=numstat&path=authkit/`);
    expect(numstat.text.trimEnd().split('\n').every((line) => /^\d+\t\d+\t\S+/.test(line) && line.includes('authkit'))).toBe(true);
    const route = await api.request('GET', `/diff?${pair}&format=name-status&path=/sso`);
    expect(route.text).toBe(`M\t${DOCS}/sso.mdx\n`);
    const none = await api.request('GET', `/diff?${pair}&format=json&path=authkt/`);
    expect(none.status).toBe(200);
    expect(none.json().files).toEqual([]);
    expect(none.headers['docdelta-warning']).toMatch(/matches no file.*closest: .*authkit/);
    const ignoring = await api.request('GET', `/diff?${pair}&format=json&w=1`);
    expect(ignoring.status).toBe(200);
    expect((await api.request('GET', `/diff?${pair}&w=yes`)).status).toBe(400);
  });
});
