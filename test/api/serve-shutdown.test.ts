// SIGTERM to a real `docdelta serve` while its scheduled sync is stuck on a registry that trickles a
// tarball at 1 byte/s and an MCP event stream is open (issue 16, failure 3; fault-cases row 38):
// the port closes at once, the stream ends, the sync's job row says `interrupted`, the database is
// closed and the process exits 0 well within the grace period.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { jobRuns } from '../../src/store/schema/index.ts';
import { tempDir } from '../support/context.ts';

const PACKAGE = '@fixture/trickle';

/** A registry whose one tarball never finishes: a byte a second, for as long as anyone listens. */
async function startTricklingRegistry(): Promise<{ url: string; tarballRequested: Promise<void>; close(): Promise<void> }> {
  let requested!: () => void;
  const tarballRequested = new Promise<void>((resolve) => (requested = resolve));
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url?.startsWith('/tarballs/')) {
      requested();
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1000000' });
      const timer = setInterval(() => response.write(Buffer.from([0x1f])), 1_000);
      timers.add(timer);
      response.on('close', () => (clearInterval(timer), timers.delete(timer)));
      return;
    }
    const dist = { tarball: `${base}/tarballs/trickle-1.0.0.tgz`, integrity: `sha512-${Buffer.alloc(64).toString('base64')}` };
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        name: PACKAGE,
        'dist-tags': { latest: '1.0.0' },
        versions: { '1.0.0': { name: PACKAGE, version: '1.0.0', dist } },
        time: { '1.0.0': '2025-01-01T00:00:00.000Z' },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    tarballRequested,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; got:\n${seen}`)), timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Opens an MCP session and its GET event stream; `ended` settles with the time the stream closed. */
async function openMcpStream(port: number): Promise<{ ended: Promise<number> }> {
  const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'shutdown-test', version: '1' } },
  });
  const session = await new Promise<string>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/mcp', headers }, (response) => {
      response.resume();
      resolve(String(response.headers['mcp-session-id']));
    });
    request.on('error', reject);
    request.end(initialize);
  });
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: 'GET', path: '/mcp', headers: { ...headers, 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' } },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`GET /mcp answered ${response.statusCode}`));
        response.resume();
        resolve({ ended: new Promise<number>((ended) => response.on('close', () => ended(Date.now()))) });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('docdelta serve: SIGTERM during a stuck sync', () => {
  let child: ChildProcess | undefined;
  let registry: Awaited<ReturnType<typeof startTricklingRegistry>> | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await registry?.close();
  });

  it('stops accepting at once, ends the event stream, marks the run interrupted, closes the database and exits 0', async () => {
    registry = await startTricklingRegistry();
    const dataDir = await tempDir('docdelta-serve-shutdown-');
    child = spawn(process.execPath, ['bin/docdelta.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: '',
        DOCDELTA_SERVER_IDLE_SECONDS: '0',
        DOCDELTA_DATA_DIR: dataDir,
        DOCDELTA_SNAPSHOTS_DIR: await tempDir('docdelta-serve-snapshots-'),
        DOCDELTA_PACKAGES: PACKAGE,
        NPM_REGISTRY: registry.url,
        SYNC_CRON: '* * * * * *',
        SLACK_WEBHOOK_URL: '',
      },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    const [, url] = await waitFor(child.stdout!, /docdelta is serving on (http:\/\/127\.0\.0\.1:\d+)\n/, 60_000);
    const port = Number(new URL(url!).port);
    const stream = await openMcpStream(port);
    await registry.tarballRequested;

    const signalled = Date.now();
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await canConnect(port)).toBe(false);

    expect((await stream.ended) - signalled).toBeLessThan(2_000);
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(stderr).not.toMatch(/did not finish within/);
    expect(stderr).toMatch(/stopped in \d+ ms/);

    const database = await openDatabase({ dataDir });
    try {
      const runs = await database.db.select().from(jobRuns);
      const sync = runs.filter((run) => run.job === 'sync' && run.status !== 'skipped');
      expect(sync.length).toBeGreaterThan(0);
      expect(sync.every((run) => run.status === 'interrupted' && run.finishedAt !== null)).toBe(true);
    } finally {
      await database.close();
    }
  }, 120_000);
});
