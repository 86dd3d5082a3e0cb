// `docdelta serve --sync` as a real process: an unreachable registry is logged and the stored data
// is still served; SIGTERM drains an in-flight request, runs the shutdown hooks, closes the
// database and exits 0 within the grace period (fault-cases.md row 38).
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest } from './harness.ts';

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; got:\n${seen}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

describe('docdelta serve as a process', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves despite an unreachable registry and shuts down cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, ['bin/run-ts.js', 'test/api/fixtures/serve-child.ts', '--port', '0', '--host', '127.0.0.1', '--sync'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CHILD_REGISTRY: 'http://127.0.0.1:9/' },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    const [, url] = await waitForLine(child, /docdelta is serving on (http:\/\/127\.0\.0\.1:\d+)\n/, 60_000);
    expect(stderr).toMatch(/could not sync @fixture\/unreachable \(\w+: .+\); serving what is stored/);
    expect((await rawRequest(`${url}/diff?package=%40fixture%2Fdocs&from=1.0.0&to=2.0.0&format=stat`, 'GET')).text).toContain('{user-management => authkit}');

    const agent = new http.Agent({ keepAlive: true });
    await rawRequest(`${url}/packages`, 'GET', { agent });
    const inFlight = rawRequest(`${url}/slow`, 'GET');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const signalled = Date.now();
    child.kill('SIGTERM');

    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.json()).toEqual({ finished: true });
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3_000);
    expect(stderr).toMatch(/SIGTERM received; shutting down/);
    expect(stderr.indexOf('hook: scheduler stopped')).toBeLessThan(stderr.indexOf('stopped in'));
    expect(stderr).toContain('database closed: true');
    agent.destroy();
  });

  it('stops when npm, which started it, goes away without passing the signal on', async () => {
    // `npm start` runs `sh -c node …`; a SIGTERM to npm ends npm alone. The shell stands in for npm here.
    const launcher = spawn('sh', ['-c', `"${process.execPath}" bin/run-ts.js test/api/fixtures/serve-child.ts --port 0 --host 127.0.0.1 & echo "pid $!"; wait`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_lifecycle_event: 'start', CHILD_REGISTRY: 'http://127.0.0.1:9/' },
    });
    let stderr = '';
    launcher.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [, pid] = await waitForLine(launcher, /pid (\d+)\n/, 10_000);
    await waitForLine(launcher, /docdelta is serving on http:\/\/127\.0\.0\.1:\d+\n/, 60_000);
    const server = Number(pid);
    launcher.kill('SIGKILL');

    const alive = () => {
      try {
        process.kill(server, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 8_000;
    while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (alive()) process.kill(server, 'SIGKILL');
    expect(alive()).toBe(false);
    expect(stderr).toMatch(/npm, which started this server, has exited/);
  });
});
