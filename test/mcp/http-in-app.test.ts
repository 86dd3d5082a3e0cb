// /mcp inside the whole `serve` app, behind the API's guards: an oversize body is refused as a
// JSON-RPC error, never as the API's `{code, message}` (issue 16, failure 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mcpHttpOptionsFor, mountMcp, type McpHttpHandle } from '../../src/mcp/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { startTestServer, type TestServer } from '../api/harness.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { JSON_HEADERS } from './support/mcp-http.ts';

describe('/mcp in the serve app', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let server: TestServer;
  let mcp: McpHttpHandle | undefined;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx = await testContext(database);
    server = await startTestServer(ctx, { mounts: [(app) => (mcp = mountMcp(app, ctx, mcpHttpOptionsFor(ctx.config)))] });
  });
  afterAll(async () => {
    await mcp?.close();
    await server?.close();
    await database?.close();
  });

  const call = (argument: string) =>
    JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: argument, version: '1' } } });
  const post = (body: string) => server.request('POST', '/mcp', { headers: { ...JSON_HEADERS, host: 'localhost' }, body });

  it('answers a body over its limit with 413 as a JSON-RPC error', async () => {
    const response = await post(call('x'.repeat(2 * 1024 * 1024)));
    expect(response.status).toBe(413);
    expect(response.json()).toEqual({ jsonrpc: '2.0', error: { code: -32000, message: 'Request body too large' }, id: null });
  });

  it('takes a body over the API\'s 64 KB limit but within its own', async () => {
    const response = await post(call('x'.repeat(100 * 1024)));
    expect(response.status).toBe(200);
    expect(response.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('still refuses oversize bodies on the API with its own error shape', async () => {
    const response = await server.request('POST', '/sync', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'x'.repeat(100 * 1024) }) });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
