// Comparison 3, HTTP half (issues 4 and 9): autocannon against the cached
// `/diff?from=0.1.0&to=0.2.0` (requests/s, p50, p99), the web diff page's load time in Chromium for
// the real pair, and MCP `what_changed` over HTTP at /mcp of the same server. The server runs in a child process; the load generator here.
import autocannon from 'autocannon';
import { diffPageUrl } from '../../src/api/index.ts';
import { type BenchEnv, copyPgliteFolder } from '../bench-env.ts';
import { startServiceChild } from '../child-process.ts';
import { callLatencies, connectHttp, MCP_SECTION } from '../mcp-client.ts';
import { pairFolder } from '../pglite-context.ts';
import type { Scenario } from './scenario.ts';

const SECTION = 'HTTP';

interface LoadRun {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

async function loadTest(url: string, seconds: number, headers: Record<string, string> = {}): Promise<LoadRun> {
  const result = await autocannon({ url, connections: 10, duration: seconds, pipelining: 1, headers });
  const notModified = result.statusCodeStats?.['304']?.count ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts 304 as non-2xx; for the revalidation run it is the expected answer.
    failures: result.errors + result.timeouts + result.non2xx - Number(notModified),
  };
}

interface LoadVariant {
  label: string;
  headers: Record<string, string>;
  describe: string;
}

/** Milliseconds from navigation start to the page's `docdelta:summary` mark and to first contentful paint. */
async function pageLoads(pageUrl: string, runs: number): Promise<{ summary: number[]; paint: number[] } | string> {
  // The browser tests' Chromium (the npm-shipped one, or CHROMIUM_PATH, or Debian's).
  const { launchChromium } = await import('../../test/support/browser.ts');
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = await launchChromium();
  } catch (error) {
    return `no Chromium: ${(error as Error).message.slice(0, 200)}`;
  }
  const out = { summary: [] as number[], paint: [] as number[] };
  try {
    for (let i = 0; i < runs + 1; i += 1) {
      // A new context each time: no HTTP cache, as for a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(pageUrl, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('docdelta:summary').length > 0, undefined, { timeout: 30_000 });
      const timing = await page.evaluate(() => ({
        summary: performance.getEntriesByName('docdelta:summary')[0]!.startTime,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      }));
      await context.close();
      if (i === 0) continue; // the browser's own first start-up is not the page's cost
      out.summary.push(timing.summary);
      if (timing.paint >= 0) out.paint.push(timing.paint);
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** autocannon against the cached /diff of the real pair: uncompressed, gzip, and revalidation (304). */
async function measureCachedDiff(env: BenchEnv, serverUrl: string): Promise<void> {
  const { report, real } = env;
  const diffUrl = `${serverUrl}/diff?from=${encodeURIComponent(real.from)}&to=${encodeURIComponent(real.to)}&package=${encodeURIComponent(real.name)}`;
  const first = await fetch(diffUrl, { headers: { 'accept-encoding': 'identity' } });
  if (!first.ok) throw new Error(`GET /diff answered ${first.status}: ${(await first.text()).slice(0, 200)}`);
  const bodyBytes = (await first.arrayBuffer()).byteLength;
  const etag = first.headers.get('etag');
  const zipped = await fetch(diffUrl, { headers: { 'accept-encoding': 'gzip' } });
  const zippedBytes = Number(zipped.headers.get('content-length') ?? 0);
  await zipped.arrayBuffer();

  const variants: LoadVariant[] = [
    { label: 'uncompressed', headers: {}, describe: `the whole ${(bodyBytes / 1024).toFixed(0)} KB JSON body, no Accept-Encoding` },
    { label: 'gzip', headers: { 'accept-encoding': 'gzip' }, describe: `Accept-Encoding: gzip, as browsers send (${zippedBytes > 0 ? `${(zippedBytes / 1024).toFixed(0)} KB` : 'size unknown'} on the wire)` },
  ];
  if (etag) variants.push({ label: 'revalidation (304)', headers: { 'if-none-match': etag }, describe: 'If-None-Match with the ETag: 304, no body' });
  else report.gap('HTTP: /diff sent no ETag, so revalidation (304) was not measured');
  await loadTest(diffUrl, 1); // warm-up: JIT and keep-alive connections

  const seconds = env.mode === 'quick' ? 2 : 4;
  const rounds = env.mode === 'quick' ? 1 : 2;
  const runs = new Map<string, LoadRun[]>(variants.map((variant) => [variant.label, []]));
  // Variants take turns, like the sides of a comparison.
  for (let round = 0; round < rounds; round += 1) {
    for (const variant of variants) runs.get(variant.label)!.push(await loadTest(diffUrl, seconds, variant.headers));
  }
  for (const variant of variants) {
    const measured = runs.get(variant.label)!;
    const failures = measured.reduce((sum, run) => sum + run.failures, 0);
    const setup = `autocannon, 10 connections, ${seconds} s per run; ${variant.describe}; server in its own process on 127.0.0.1, rate limit off${failures > 0 ? `; ${failures} errors or unexpected statuses` : ''}`;
    report.figure({ section: SECTION, name: `cached /diff, ${variant.label}: requests per second`, unit: 'req/s', samples: measured.map((run) => run.requestsPerSecond), goal: { text: '≥ 5,000 req/s', min: 5000 }, notes: setup });
    report.figure({ section: SECTION, name: `cached /diff, ${variant.label}: p50 latency`, unit: 'ms', samples: measured.map((run) => run.p50) });
    report.figure({ section: SECTION, name: `cached /diff, ${variant.label}: p99 latency`, unit: 'ms', samples: measured.map((run) => run.p99), goal: { text: '≤ 10 ms', max: 10 } });
  }
}

export const httpScenario: Scenario = {
  name: 'http',
  async run(env) {
    const { report, real } = env;
    const folder = await copyPgliteFolder(env, await pairFolder(env), 'http');
    const server = await startServiceChild<{ url: string }, Record<string, never>>(
      'child-http-server.ts',
      [JSON.stringify({ database: { driver: 'pglite', dataDir: folder }, snapshotsDir: env.snapshotsDir, packageName: real.name, versions: [real.from, real.to] })],
      { label: 'http server', timeoutMs: 120_000 },
    );
    try {
      await measureCachedDiff(env, server.ready.url);

      const pages = await pageLoads(diffPageUrl(server.ready.url, { package: real.name, from: real.from, to: real.to }), env.reps('heavy'));
      if (typeof pages === 'string') {
        report.gap(`web page load time: ${pages}`);
      } else {
        report.figure({
          section: SECTION,
          name: `diff page of the real pair in Chromium: summary shown (the page's docdelta:summary mark)`,
          unit: 'ms',
          samples: pages.summary,
          goal: { text: 'under 1 s', max: 1000 },
          notes: 'from navigation start, a fresh browser context each time (nothing cached)',
        });
        if (pages.paint.length > 0) report.figure({ section: SECTION, name: 'diff page: first contentful paint', unit: 'ms', samples: pages.paint });
      }

      const client = await connectHttp(`${server.ready.url}/mcp`);
      try {
        const measured = await callLatencies(client, 'what_changed', { package: real.name, from: real.from, to: real.to }, env.reps('light'));
        report.figure({ section: MCP_SECTION, name: 'over HTTP (/mcp of the server), later calls', unit: 'ms', samples: measured.later, notes: `first call ${measured.first.toFixed(0)} ms (session start included)` });
      } finally {
        await client.close();
      }
    } finally {
      const result = await server.finish();
      report.figure({ section: SECTION, name: 'peak RSS of the server process (PGlite inside)', unit: 'MB', samples: [result.peakRssMb] });
    }
  },
};
