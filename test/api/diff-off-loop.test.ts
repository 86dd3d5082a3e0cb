// A cold diff of a huge pair runs in a worker thread: the server keeps answering meanwhile, a diff
// that takes too long is answered 503 + Retry-After and finishes in the background, and the worker
// gives exactly the engine's result (issue 16, failure 2).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/services/diff-worker.ts';
import { closeDiffPool, configureDiffPool } from '../../src/services/diff-pool.ts';
import { forgetRecentDiffs } from '../../src/services/version-diff.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedPackage } from '../support/seed.ts';
import { startTestServer, type TestServer } from './harness.ts';

/** `count` files whose content shares nothing with the other side's, but for `renamed` of them. */
function tree(prefix: string, count: number, renamed: number, edited: boolean): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i += 1) {
    const own = i < renamed ? `shared ${i}` : `${prefix} ${i}`;
    const body = Array.from({ length: 6 }, (_, line) => crypto.createHash('sha256').update(`${own}:${line}`).digest('hex')).join('\n');
    files[`${prefix}/page-${i}.txt`] = `${body}\n${edited && i < renamed ? 'one edited line' : 'closing line'}\n`;
  }
  return files;
}

describe.each(testDrivers())('diffs off the event loop (%s)', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
    await seedPackage(ctx, '@fixture/huge', [
      { version: '1.0.0', files: tree('old', 10_000, 100, false) },
      { version: '2.0.0', files: tree('new', 10_000, 100, true) },
    ]);
    await seedPackage(ctx, '@fixture/medium', [
      { version: '1.0.0', files: tree('old', 150, 40, false) },
      { version: '2.0.0', files: tree('new', 150, 40, true) },
    ]);
    server = await startTestServer(ctx);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    await closeDiffPool();
    await database?.close();
  });

  it('answers /healthz in under 100 ms while a cold 10,000 × 10,000 diff is computed', async () => {
    await configureDiffPool({ waitMs: 600_000 });
    let done = false;
    const diff = server.get('/diff?package=%40fixture%2Fhuge&from=1.0.0&to=2.0.0').finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const health = await server.get('/healthz');
      latencies.push(performance.now() - started);
      expect(health.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const response = await diff;
    expect(response.status).toBe(200);
    expect(response.json().summary).toMatchObject({ removed: 9_900, added: 9_900, renamed: 100, modified: 0 });
    // Before: every /healthz waited for the whole rename search (10.95 s on a quiet machine). Now
    // the event loop stays free; on a shared, loaded CI machine a single answer can still be late
    // by the scheduler, so the bound is on the 95th percentile, with a hard ceiling on the worst.
    // The ceiling leaves room for the end: on PGlite the 10,000-file result's cache row is written on
    // this thread (WASM) just after the answer, ~0.3 s here and once 1.06 s on a loaded CI run; a
    // search back on the event loop would hold every answer for ~11 s.
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)]!;
    expect(latencies.length).toBeGreaterThan(5);
    expect(p95).toBeLessThan(100);
    expect(latencies.at(-1)).toBeLessThan(2_500);
  }, 600_000);

  it('answers 503 with Retry-After past the deadline, then serves the finished diff, identical to the engine', async () => {
    forgetRecentDiffs();
    await configureDiffPool({ waitMs: 1, retryAfterSeconds: 7 });
    const path = '/diff?package=%40fixture%2Fmedium&from=1.0.0&to=2.0.0';
    const busy = await server.get(path);
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('7');
    expect(busy.json()).toEqual({ code: 'UNAVAILABLE', message: expect.stringMatching(/still being computed; try again in 7 s$/) });

    await configureDiffPool({ waitMs: 60_000 });
    let ready = await server.get(path);
    for (let tries = 0; ready.status !== 200 && tries < 100; tries += 1) ready = await server.get(path);
    expect(ready.status).toBe(200);

    const expected = computeDiff({
      package: '@fixture/medium',
      from: '1.0.0',
      to: '2.0.0',
      oldTree: toInput(tree('old', 150, 40, false)),
      newTree: toInput(tree('new', 150, 40, true)),
      renameThreshold: 50,
    });
    expect(ready.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.summary.renamed).toBe(40);
  }, 120_000);
});

function toInput(files: Record<string, string>) {
  return Object.entries(files).map(([path, text]) => {
    const bytes = new TextEncoder().encode(text);
    return { path, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes, doc: null };
  });
}
