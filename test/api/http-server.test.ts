// The server around the app: slow clients are cut off, and close() drains in-flight requests,
// closes idle keep-alive sockets at once and refuses new connections (fault-cases.md rows 37, 38).
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe } from '../../src/api/run-serve.ts';
import { closeDiffPool, diffPool } from '../../src/services/diff-pool.ts';
import type { RouteModule } from '../../src/api/route-module.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { testContext } from '../support/context.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';
import { rawRequest, startTestServer } from './harness.ts';

/** A handler that takes its time, standing in for a slow diff computed during shutdown. */
const slowRoute: RouteModule = (router) => {
  router.get('/slow', async (req, res) => {
    await new Promise((resolve) => setTimeout(resolve, Number(req.query.ms ?? 400)));
    res.json({ finished: true });
  });
};

function closedWithin(socket: net.Socket, ms: number): Promise<boolean> {
  if (socket.destroyed) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('the HTTP server', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx = await testContext(database);
    await seedFixture(ctx);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('answers a client that never finishes its headers with 408 and closes it (slowloris)', async () => {
    const server = await startTestServer(ctx, {}, { headersTimeoutMs: 400, requestTimeoutMs: 800 });
    try {
      const { port } = new URL(server.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const received: Buffer[] = [];
      socket.on('data', (chunk) => received.push(chunk));
      socket.write('GET /packages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const started = Date.now();
      expect(await closedWithin(socket, 3_000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await server.close();
    }
  });

  it('lets a slow handler (a long sync or a cold diff) outlive the request timeout', async () => {
    const server = await startTestServer(ctx, { routes: [slowRoute] }, { headersTimeoutMs: 400, requestTimeoutMs: 800 });
    try {
      const response = await rawRequest(`${server.url}/slow?ms=1500`, 'GET');
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ finished: true });
    } finally {
      await server.close();
    }
  });

  it('drains an in-flight request, closes an idle keep-alive socket at once, and refuses new connections', async () => {
    const server = await startTestServer(ctx, { routes: [slowRoute] }, { keepAliveTimeoutMs: 30_000 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    try {
      // One idle keep-alive connection left over from an earlier request…
      const warm = await rawRequest(`${server.url}/packages`, 'GET', { agent });
      expect(warm.headers.connection).toBe('keep-alive');
      const idleSocket = Object.values(agent.freeSockets).flat()[0]!;
      expect(idleSocket).toBeDefined();

      // …and one request still being answered when the shutdown starts.
      const inFlight = rawRequest(`${server.url}/slow?ms=500`, 'GET', { agent: new http.Agent({ keepAlive: true }) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      const closing = server.close(5_000);

      expect(await closedWithin(idleSocket, 1_000)).toBe(true);
      const finished = await inFlight;
      expect(finished.status).toBe(200);
      expect(finished.json()).toEqual({ finished: true });
      expect(finished.headers.connection).toBe('close');
      await closing;
      // Well under the 30 s keep-alive timeout: nothing waited for idle sockets to time out.
      expect(Date.now() - started).toBeLessThan(2_000);
      await expect(rawRequest(`${server.url}/packages`, 'GET')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it('cuts requests that outlive the grace period', async () => {
    const server = await startTestServer(ctx, { routes: [slowRoute] });
    const stuck = rawRequest(`${server.url}/slow?ms=5000`, 'GET');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await server.close(300);
    expect(Date.now() - started).toBeLessThan(1_500);
    await expect(stuck).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('runServe computes a mid-size pair in a worker thread, where a one-shot command computes it in place', async () => {
    const own = await openTestDatabase('pglite');
    const ownCtx = await testContext(own);
    // ~300 KB of changed files and 40 × 40 rename candidates: above the server's in-place bound,
    // far below the one-shot one (diff-pool.ts SERVER_INLINE and DIFF_POOL_DEFAULTS).
    const side = (prefix: string) =>
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${prefix}/page-${i}.md`, `# ${prefix} ${i}\n\n${`${prefix} line ${i}\n`.repeat(400)}`]));
    await seedPackage(ownCtx, '@fixture/mid', [
      { version: '1.0.0', files: side('old') },
      { version: '2.0.0', files: side('new') },
    ]);
    await closeDiffPool();
    const handle = await runServe(ownCtx, { host: '127.0.0.1', port: 0, handleSignals: false, rateLimit: false });
    try {
      expect(diffPool().threads).toBe(0);
      const response = await rawRequest(`${handle.url}/diff?package=%40fixture%2Fmid&from=1.0.0&to=2.0.0`, 'GET');
      expect(response.status).toBe(200);
      expect(diffPool().threads).toBeGreaterThan(0);
    } finally {
      await handle.shutdown('test');
      await closeDiffPool();
    }
  });

  it('runServe stops the hooks first, then HTTP, then closes the database', async () => {
    const own = await openTestDatabase('pglite');
    const ownCtx = await testContext(own);
    const events: string[] = [];
    const handle = await runServe(ownCtx, {
      host: '127.0.0.1',
      port: 0,
      handleSignals: false,
      rateLimit: false,
      onShutdown: [() => void events.push(`hook, database open: ${own.client.driver === 'pglite' && !own.client.pglite.closed}`)],
    });
    expect((await rawRequest(`${handle.url}/healthz`, 'GET')).status).toBe(200);
    handle.server.on('close', () => events.push('http closed'));
    await handle.shutdown('test');
    await handle.closed;
    events.push(`database closed: ${own.client.driver === 'pglite' && own.client.pglite.closed}`);
    expect(events).toEqual(['hook, database open: true', 'http closed', 'database closed: true']);
  });
});
