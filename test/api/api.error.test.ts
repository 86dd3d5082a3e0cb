// Bad input and missing things: always JSON {code, message} with the right status, never HTML or
// a stack trace (fault-cases.md rows 36 and 37).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteModule } from '../../src/api/route-module.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { testContext } from '../support/context.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';
import { DOCS, type RawResponse, startTestServer, type TestServer } from './harness.ts';

const PKG = '@fixture/docs';
const OTHER = '@fixture/other';
const TOKEN = 'a-test-token-of-32-characters-xx';
const pair = `package=${encodeURIComponent(PKG)}&from=1.0.0&to=2.0.0`;

const exploding: RouteModule = (router) => {
  router.get('/explode', () => {
    throw new Error('secret detail at /srv/app/internal.ts:42');
  });
};

function expectJsonError(response: RawResponse, status: number, code: string, message?: RegExp | string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(['code', 'message']);
  expect(body.code).toBe(code);
  if (message) expect(body.message).toMatch(message);
  expect(response.text).not.toMatch(/<html|<pre|at .*\.ts:\d+|node_modules/i);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers.etag).toBeUndefined();
}

/** Raw bytes on a socket, for request lines fetch and node:http would refuse to send. */
function rawExchange(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe.each(testDrivers())('API errors on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let api: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database, { API_TOKEN: TOKEN, DOCDELTA_PACKAGES: PKG });
    await seedFixture(ctx, PKG);
    await seedPackage(ctx, OTHER, [{ version: '0.1.0', files: { 'docs/a.md': '# A\n' } }]);
    api = await startTestServer(ctx, { routes: [exploding], bodyLimitBytes: 1024 });
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
  });

  it('refuses a missing parameter', async () => {
    expectJsonError(await api.get(`/diff?package=${encodeURIComponent(PKG)}&to=2.0.0`), 400, 'INVALID_INPUT', 'parameter from is required');
    expectJsonError(await api.get(`/diff/file?${pair}`), 400, 'INVALID_INPUT', 'parameter path is required');
    expectJsonError(await api.get('/history'), 400, 'INVALID_INPUT', 'parameter path is required');
  });

  it('refuses a repeated parameter instead of picking one', async () => {
    expectJsonError(await api.get(`/diff?${pair}&from=1.0.0`), 400, 'INVALID_INPUT', /"from" is given 2 times/);
  });

  it('refuses bracketed parameters, raw or percent-encoded', async () => {
    expectJsonError(await api.get(`/diff?${pair}&from[x]=1`), 400, 'INVALID_INPUT', /brackets/);
    expectJsonError(await api.get(`/diff?to=2.0.0&from%5B%5D=1.0.0`), 400, 'INVALID_INPUT', /brackets/);
    expectJsonError(await api.get(`/diff?to=2.0.0&from[__proto__]=1`), 400, 'INVALID_INPUT', /brackets/);
  });

  it('refuses oversized and malformed values', async () => {
    expectJsonError(await api.get(`/diff?package=${encodeURIComponent(PKG)}&to=2.0.0&from=${'1'.repeat(10 * 1024)}`), 400, 'INVALID_INPUT', /from is too long/);
    expectJsonError(await api.get(`/diff?${pair.replace('1.0.0', 'abc')}`), 400, 'INVALID_INPUT', /from must be a version/);
    expectJsonError(await api.get(`/diff?${pair.replace('1.0.0', "1.0.0';drop table versions")}`), 400, 'INVALID_INPUT');
    expectJsonError(await api.get(`/diff?${pair}&format=xml`), 400, 'INVALID_INPUT', /format must be one of json, stat, numstat, name-status, raw, patch, markdown/);
    expectJsonError(await api.get(`/diff?${pair}&path=${'a/'.repeat(600)}`), 400, 'INVALID_INPUT', /path is too long/);
    expectJsonError(await api.get(`/diff?${pair}&path=a%00b`), 400, 'INVALID_INPUT', /control characters/);
    expectJsonError(await api.get(`/versions?package=${encodeURIComponent('../../etc/passwd')}`), 400, 'INVALID_INPUT', /package must be a package name/);
  });

  it('refuses unknown parameters, naming the accepted ones', async () => {
    expectJsonError(await api.get(`/diff?${pair}&form=1.0.0`), 400, 'INVALID_INPUT', 'unknown parameter "form"; accepted: package, from, to, path, format');
  });

  it('answers 404 for an unknown version, listing the stored ones', async () => {
    expectJsonError(await api.get(`/diff?package=${encodeURIComponent(PKG)}&from=1.0.0&to=9.9.9`), 404, 'NOT_FOUND', '@fixture/docs has no stored version "9.9.9"; stored: 1.0.0, 2.0.0');
    expectJsonError(await api.get(`/diff/file?package=${encodeURIComponent(PKG)}&from=0.9.0&to=2.0.0&path=x`), 404, 'NOT_FOUND', /stored: 1\.0\.0, 2\.0\.0/);
  });

  it('answers 404 for an unknown package, listing the tracked ones', async () => {
    expectJsonError(await api.get('/diff?package=%40nobody%2Fnothing&from=1.0.0&to=2.0.0'), 404, 'NOT_FOUND', `unknown package "@nobody/nothing"; tracked: ${PKG}, ${OTHER}`);
    expectJsonError(await api.get('/versions?package=nothing'), 404, 'NOT_FOUND', /tracked: @fixture\/docs, @fixture\/other/);
  });

  it('asks for a package when several are tracked and none is named', async () => {
    expectJsonError(await api.get('/diff?from=1.0.0&to=2.0.0'), 400, 'INVALID_INPUT', /several packages are tracked \(@fixture\/docs, @fixture\/other\); choose one with --package/);
  });

  it('answers 404 for a file that did not change or does not exist', async () => {
    expectJsonError(await api.get(`/diff/file?${pair}&path=${encodeURIComponent(`${DOCS}/glossary.mdx`)}`), 404, 'NOT_FOUND', /did not change between 1\.0\.0 and 2\.0\.0/);
    expectJsonError(await api.get(`/diff/file?${pair}&path=nope.mdx`), 404, 'NOT_FOUND', /is in neither 1\.0\.0 nor 2\.0\.0/);
    expectJsonError(await api.get(`/history?package=${encodeURIComponent(PKG)}&path=nope.mdx`), 404, 'NOT_FOUND', /is in no stored version/);
  });

  it('answers unknown routes and methods with JSON 404', async () => {
    expectJsonError(await api.get('/nope'), 404, 'NOT_FOUND', 'no route for GET /nope');
    expectJsonError(await api.request('DELETE', `/diff?${pair}`), 404, 'NOT_FOUND', 'no route for DELETE /diff');
    expectJsonError(await api.get('/assets/does-not-exist.js'), 404, 'NOT_FOUND');
  });

  it('answers a malformed percent-encoding in the path with JSON 400', async () => {
    expectJsonError(await api.get('/p/%E0%A4%A/diff/1.0.0...2.0.0'), 400, 'INVALID_INPUT');
  });

  it('hides the details of unexpected errors behind INTERNAL', async () => {
    expectJsonError(await api.get('/explode'), 500, 'INTERNAL', 'internal error');
  });

  it('refuses an oversize body with 413 JSON, whether declared or chunked', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(4096) });
    const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    expectJsonError(await api.request('POST', '/sync', { headers: { ...auth, 'Content-Length': String(big.length) }, body: big }), 413, 'PAYLOAD_TOO_LARGE');
    expectJsonError(await api.request('POST', '/sync', { headers: { ...auth, 'Transfer-Encoding': 'chunked' }, body: big }), 413, 'PAYLOAD_TOO_LARGE');
    // Declared too large: refused before authentication even looks at it.
    expectJsonError(await api.request('POST', '/sync', { headers: { 'Content-Type': 'text/plain', 'Content-Length': String(big.length) }, body: big }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a malformed JSON body with 400 JSON', async () => {
    const response = await api.request('POST', '/sync', { headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: '{"not json' });
    expectJsonError(response, 400, 'INVALID_INPUT', 'request body is not valid JSON');
  });

  it('answers a request line node itself rejects without HTML', async () => {
    const reply = await rawExchange(api.url, 'GET /diff HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).not.toMatch(/<html/i);
  });
});
