// A user's mistake is a tool result with isError and a message that says what exists and what to
// try — never a crash or a protocol error. Arguments that break the schema (wrong types, 10 MB
// strings, extra properties) never reach a handler (fault-cases row 35).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer } from '../../src/mcp/index.ts';
import { defineTool } from '../../src/mcp/tool.ts';
import { packageField, pathField } from '../../src/mcp/tool-inputs.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { FIXTURE_V1, seedFixture, seedPackage } from '../support/seed.ts';
import { connectHttpClient, type McpHttpServer, startMcpHttp } from './support/mcp-http.ts';
import { callTool } from './support/tool-results.ts';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

describe.each(testDrivers())('MCP tool errors over HTTP (%s)', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let server: McpHttpServer;
  let client: Client;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
    await seedFixture(ctx, '@fixture/errors-a');
    await seedFixture(ctx, '@fixture/errors-b');
    await seedPackage(ctx, '@fixture/errors-single', [{ version: '1.0.0', files: FIXTURE_V1 }]);
    // Up to 4 MB of arguments reach the schema over HTTP; the 10 MB case is in the security tests (413) and over stdio.
    server = await startMcpHttp(ctx, { maxBodyBytes: 4 * 1024 * 1024 });
    client = await connectHttpClient(server.url);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await database?.close();
  });

  it('asks for a package by name when several are tracked, naming them', async () => {
    const result = await callTool(client, 'what_changed');
    expect(result.isError).toBe(true);
    expect(result.text).toContain('INVALID_INPUT: several packages are tracked (@fixture/errors-a, @fixture/errors-b, @fixture/errors-single); choose one with --package');
  });

  it('names the tracked packages for an unknown one, and points at list_packages', async () => {
    const result = await callTool(client, 'list_versions', { package: '@nope/nothing' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('NOT_FOUND: unknown package "@nope/nothing"; tracked: @fixture/errors-a, @fixture/errors-b, @fixture/errors-single');
    expect(result.text).toContain('list_packages and list_versions show what is stored.');
  });

  it('names the stored versions for an unknown one', async () => {
    const result = await callTool(client, 'what_changed', { package: '@fixture/errors-a', from: '0.9.0', to: '2.0.0' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('@fixture/errors-a has no stored version "0.9.0"; stored: 1.0.0, 2.0.0');
  });

  it('explains that a package with one version has nothing to compare', async () => {
    const result = await callTool(client, 'what_changed', { package: '@fixture/errors-single' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('NOT_FOUND: @fixture/errors-single has no version before 1.0.0');
  });

  it('file_diff on a file in neither version says so and suggests what_changed and resolve_route', async () => {
    const result = await callTool(client, 'file_diff', { package: '@fixture/errors-a', from: '1.0.0', to: '2.0.0', path: 'user-management/sso' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('user-management/sso is in neither 1.0.0 nor 2.0.0 of @fixture/errors-a');
    expect(result.text).toContain('resolve_route');
  });

  it('file_diff on a page that did not change says so', async () => {
    const result = await callTool(client, 'file_diff', { package: '@fixture/errors-a', from: '1.0.0', to: '2.0.0', path: 'glossary.mdx' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('glossary.mdx did not change between 1.0.0 and 2.0.0');
  });

  it('file_history and resolve_route report unknown pages and what to try', async () => {
    const history = await callTool(client, 'file_history', { package: '@fixture/errors-a', path: 'nowhere.mdx' });
    expect(history.isError).toBe(true);
    expect(history.text).toContain('nowhere.mdx is in no stored version of @fixture/errors-a');
    const route = await callTool(client, 'resolve_route', { package: '@fixture/errors-a', route: '/users' });
    expect(route.isError).toBe(true);
    expect(route.text).toContain('NOT_FOUND: no stored version of @fixture/errors-a has a page at /users');
    expect(route.text).toContain('list_versions shows the stored versions');
    const notRoute = await callTool(client, 'resolve_route', { package: '@fixture/errors-a', route: 'mailto:someone@example.com' });
    expect(notRoute.isError).toBe(true);
    expect(notRoute.text).toContain('INVALID_INPUT');
  });

  it.each([
    ['a wrong type', { from: 1 }],
    ['an object for a string', { path: { $gt: '' } }],
    ['an array for a string', { package: ['@fixture/errors-a'] }],
    ['null for a string', { to: null }],
    ['an unknown detail', { detail: 'everything' }],
    ['an extra property', { package: '@fixture/errors-a', verbose: true }],
    ['a 2 MB string', { path: 'x'.repeat(2 * 1024 * 1024) }],
    ['a control character', { from: '1.0.0\n2.0.0' }],
  ])('rejects %s with an isError validation result', async (_case, args) => {
    const result = await callTool(client, 'what_changed', args);
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/Input validation error/);
    expect(result.text.length).toBeLessThan(2_000);
  });

  it('check_links takes no folder to scan: the server disk is not for an agent to choose', async () => {
    const result = await callTool(client, 'check_links', { package: '@fixture/errors-a', from: '1.0.0', to: '2.0.0', scanDir: '/etc' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('Unrecognized key');
  });

  it('rejects a page number that is not a positive whole number', async () => {
    const result = await callTool(client, 'file_diff', { package: '@fixture/errors-a', from: '1.0.0', to: '2.0.0', path: 'sso.mdx', page: 0.5 });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/Input validation error/);
  });

  it('answers a call to an unknown tool with isError, not a crash', async () => {
    const result = await callTool(client, 'delete_everything', {});
    expect(result.isError).toBe(true);
    expect(result.text).toContain('Tool delete_everything not found');
    // The session still works.
    expect((await callTool(client, 'list_packages')).isError).toBe(false);
  });
});

describe('tool handlers', () => {
  it('receive only arguments that passed the schema, with defaults untouched', async () => {
    const seen: unknown[] = [];
    const spy = defineTool({
      name: 'spy',
      title: 'spy',
      description: 'records its arguments',
      input: z.strictObject({ package: packageField.optional(), path: pathField }),
      output: z.object({ ok: z.boolean() }),
      async run(_ctx, args) {
        seen.push(args);
        return { markdown: 'ok', structured: { ok: true } };
      },
    });
    const server = createMcpServer({} as ServiceContext, [spy]);
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'spy-client', version: '1' });
    await client.connect(clientSide);
    for (const args of [{ path: 42 }, { path: 'a', extra: 1 }, { path: TEN_MB }, {}, { package: '', path: 'a' }]) {
      expect((await callTool(client, 'spy', args)).isError).toBe(true);
    }
    expect(seen).toEqual([]);
    expect((await callTool(client, 'spy', { path: 'authkit/sso.mdx' })).isError).toBe(false);
    expect(seen).toEqual([{ path: 'authkit/sso.mdx' }]);
    await client.close();
  });

  it('turn an unexpected failure into a generic isError result and log the cause', async () => {
    const logged: string[] = [];
    const failing = defineTool({
      name: 'failing',
      title: 'failing',
      description: 'throws',
      input: z.strictObject({}),
      output: z.object({}),
      async run() {
        throw new Error('connection string postgres://user:secret@db leaked?');
      },
    });
    const ctx = { logger: { info() {}, warn() {}, error: (message: string, fields?: Record<string, unknown>) => logged.push(`${message} ${JSON.stringify(fields)}`) } } as unknown as ServiceContext;
    const server = createMcpServer(ctx, [failing]);
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'c', version: '1' });
    await client.connect(clientSide);
    const result = await callTool(client, 'failing');
    expect(result).toMatchObject({ isError: true });
    expect(result.text).toContain('INTERNAL: internal error');
    expect(result.text).not.toContain('secret');
    expect(logged[0]).toContain('MCP tool failing failed');
    await client.close();
  });
});
