// `docdelta mcp` as a client starts it: a child process speaking MCP on stdin/stdout, driven by
// the SDK's real Client, over a database the test seeded first. Its stdout must carry nothing but
// MCP messages (fault-cases row 35, stdio mode).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { tempDir, testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';
import { callTool } from './support/tool-results.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const CLI = ['bin/docdelta.js', 'mcp'];
const ROOT = '.docs/organized/docs';

interface SeededDatabase {
  env: Record<string, string>;
  close(): Promise<void>;
}

/** PGlite is single-process: seed a folder, close it, then let the child open it. */
async function seeded(driver: 'pglite' | 'postgres'): Promise<SeededDatabase> {
  const snapshots = await tempDir('docdelta-mcp-snapshots-');
  if (driver === 'pglite') {
    const dataDir = await tempDir('docdelta-mcp-stdio-');
    const database = await openDatabase({ dataDir });
    await seedFixture(await testContext(database));
    await database.close();
    return { env: { DOCDELTA_SERVER_IDLE_SECONDS: '0', DOCDELTA_DATA_DIR: dataDir, DOCDELTA_SNAPSHOTS_DIR: snapshots }, close: async () => {} };
  }
  const database: TestDatabase = await openTestDatabase('postgres');
  await seedFixture(await testContext(database));
  return { env: { DATABASE_URL: database.url!, DOCDELTA_SNAPSHOTS_DIR: snapshots }, close: () => database.close() };
}

describe.each(testDrivers())('docdelta mcp over stdio (%s)', (driver) => {
  let db: SeededDatabase;
  let client: Client;
  let transport: StdioClientTransport;
  let stderr = '';

  beforeAll(async () => {
    db = await seeded(driver);
    transport = new StdioClientTransport({
      command: process.execPath,
      args: CLI,
      cwd: REPO,
      env: { ...getDefaultEnvironment(), ...db.env },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    client = new Client({ name: 'docdelta-stdio-test', version: '1.0.0' });
    await client.connect(transport);
  });
  afterAll(async () => {
    await client?.close();
    await db?.close();
  });

  it('introduces itself and lists the tools', async () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'docdelta' });
    expect(client.getInstructions()).toContain('what_changed');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['what_changed', 'list_versions', 'list_packages', 'file_diff', 'file_history', 'resolve_route', 'check_links']);
    expect(stderr).toContain('docdelta mcp: serving over stdio');
  });

  it('answers every tool on the seeded pair, folder move included', async () => {
    const summary = await callTool(client, 'what_changed');
    expect(summary.text).toContain('- `user-management/ → authkit/`: 4 pages, 2 edited');
    expect(summary.structured).toMatchObject({ from: '1.0.0', to: '2.0.0', moves: [{ from: `${ROOT}/user-management`, to: `${ROOT}/authkit` }] });
    expect((await callTool(client, 'what_changed', { detail: 'files' })).structured!.files).toHaveLength(12);
    expect((await callTool(client, 'list_versions')).text).toContain('`2.0.0`');
    expect((await callTool(client, 'list_packages')).text).toContain('@fixture/docs');
    expect((await callTool(client, 'file_diff', { from: '1.0.0', to: '2.0.0', path: 'user-management/sessions.mdx' })).structured).toMatchObject({
      change: { status: 'renamed', path: `${ROOT}/authkit/sessions.mdx`, similarity: 1 },
    });
    expect((await callTool(client, 'file_history', { path: 'authkit/index.mdx' })).structured!.entries).toHaveLength(1);
    expect((await callTool(client, 'resolve_route', { route: '/user-management' })).structured).toMatchObject({ status: 'moved', target: '/authkit' });
    expect((await callTool(client, 'check_links', { from: '1.0.0', to: '2.0.0' })).structured).toMatchObject({ broken: { upgrade: 2 } });
  });

  it('turns mistakes into isError results and keeps serving', async () => {
    const unknown = await callTool(client, 'what_changed', { from: '0.0.1' });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toContain('stored: 1.0.0, 2.0.0');
    const huge = await callTool(client, 'file_history', { path: 'x'.repeat(10 * 1024 * 1024) });
    expect(huge.isError).toBe(true);
    expect(huge.text).toContain('Input validation error');
    const typed = await callTool(client, 'resolve_route', { route: ['/sso'], extra: true });
    expect(typed.isError).toBe(true);
    expect((await callTool(client, 'list_packages')).isError).toBe(false);
  });
});

describe('docdelta mcp stdout', () => {
  let db: SeededDatabase;
  beforeAll(async () => {
    db = await seeded('pglite');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('carries only JSON-RPC messages, one per line, and the process exits 0 when stdin closes', async () => {
    const child = spawn(process.execPath, CLI, { cwd: REPO, env: { ...getDefaultEnvironment(), ...db.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    const responses = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (stdout.split('\n').filter(Boolean).length >= count ? resolve() : setTimeout(check, 20));
        check();
      });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    await responses(1);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'what_changed', arguments: {} } });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'what_changed', arguments: { from: 42 } } });
    send({ jsonrpc: '2.0', id: 4, method: 'no/such/method' });
    await responses(4);
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    const lines = stdout.split('\n').filter(Boolean);
    const messages = lines
      .map((line) => JSON.parse(line) as { jsonrpc: string; id?: number; result?: { isError?: boolean }; error?: unknown })
      .sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    expect(messages.every((message) => message.jsonrpc === '2.0')).toBe(true);
    // Calls run concurrently, so answers may come in any order; each comes once.
    expect(messages.map((message) => message.id)).toEqual([1, 2, 3, 4]);
    expect(messages[1]!.result!.isError).toBeUndefined();
    expect(messages[2]!.result!.isError).toBe(true);
    expect(messages[3]!.error).toMatchObject({ code: -32601 });
    expect(code).toBe(0);
    expect(stderr).not.toContain('"jsonrpc"');
  });

  it('ends the session, and exits, on a message larger than it will buffer', async () => {
    const child = spawn(process.execPath, CLI, { cwd: REPO, env: { ...getDefaultEnvironment(), ...db.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.on('error', () => {});
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const huge = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'what_changed', arguments: { path: 'x'.repeat(20 * 1024 * 1024) } } };
    child.stdin.write(`${JSON.stringify(huge)}\n`);
    expect(await exited).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('ReadBuffer exceeded maximum size');
  });

  it('closes the database and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, CLI, { cwd: REPO, env: { ...getDefaultEnvironment(), ...db.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`);
    await new Promise<void>((resolve) => {
      const check = () => (stdout.includes('"id":1') ? resolve() : setTimeout(check, 20));
      check();
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The folder opens again: the database was closed, not left mid-write.
    const reopened = await openDatabase({ dataDir: db.env.DOCDELTA_DATA_DIR! });
    await reopened.close();
  });
});
