// `docdelta serve --port N` without PUBLIC_BASE_URL: the feed's self-link and the /mcp Origin
// allowlist name port N, not PORT's default 3000 (issue 16, failure 7).
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { configForPort, loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/store/database.ts';
import { tempDir, testContext } from '../support/context.ts';
import { seedFixture } from '../support/seed.ts';
import { rawRequest } from './harness.ts';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'port-test', version: '1' } },
});

describe('serve --port N', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('follows the port only while PUBLIC_BASE_URL is unset', () => {
    const implicit = loadConfig({ PORT: '3000' });
    expect(configForPort(implicit, 42400)).toMatchObject({ port: 42400, publicBaseUrl: 'http://localhost:42400' });
    const explicit = loadConfig({ PORT: '3000', PUBLIC_BASE_URL: 'https://docs.example.com/' });
    expect(configForPort(explicit, 42400)).toMatchObject({ port: 42400, publicBaseUrl: 'https://docs.example.com' });
    expect(configForPort(implicit, 0)).toMatchObject({ port: 0, publicBaseUrl: 'http://localhost:3000' });
  });

  it('uses the listening port in feed self-links and the /mcp Origin allowlist', async () => {
    const port = await freePort();
    const dataDir = await tempDir('docdelta-serve-port-');
    const seeded = await openDatabase({ dataDir });
    await seedFixture(await testContext(seeded));
    await seeded.close();
    child = spawn(process.execPath, ['bin/docdelta.js', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: '',
        PORT: '',
        PUBLIC_BASE_URL: '',
        SLACK_WEBHOOK_URL: '',
        DOCDELTA_SERVER_IDLE_SECONDS: '0',
        DOCDELTA_DATA_DIR: dataDir,
        DOCDELTA_SNAPSHOTS_DIR: await tempDir('docdelta-serve-port-snapshots-'),
        // A tick that never comes during the test: nothing reaches out to a registry.
        SYNC_CRON: '0 0 1 1 *',
      },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${seen}\n${stderr}`)), 90_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('docdelta is serving on')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const base = `http://127.0.0.1:${port}`;

    const feed = await rawRequest(`${base}/changelog.xml`, 'GET');
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`href="http://localhost:${port}/changelog.xml"`);
    expect(feed.text).toContain(`http://localhost:${port}/p/@fixture/docs/diff/`);
    expect(feed.text).not.toContain('localhost:3000');

    const mcp = (origin: string) =>
      rawRequest(`${base}/mcp`, 'POST', {
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', origin },
        body: INITIALIZE,
      });
    expect((await mcp(`http://localhost:${port}`)).status).toBe(200);
    expect((await mcp('http://localhost:3000')).status).toBe(403);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
