// /mcp over HTTP: DNS-rebinding protection on every bind, sessions that are not authentication,
// and the transport's answers to forged or missing session ids and bad protocol versions
// (fault-cases rows 33 and 34).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { mcpHttpOptionsFor, mountMcp } from '../../src/mcp/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';
import { connectHttpClient, INITIALIZE, JSON_HEADERS, type McpHttpServer, rawRequest, startMcpHttp } from './support/mcp-http.ts';
import { callTool } from './support/tool-results.ts';

const TOKEN = 'a-test-token-of-32-characters-xx';

describe('MCP over HTTP: guards and sessions', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let loopback: McpHttpServer;
  let exposed: McpHttpServer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx = await testContext(database);
    await seedFixture(ctx, '@fixture/security');
    loopback = await startMcpHttp(ctx);
    // As when bound beyond loopback: a configured public host name, and the token required.
    exposed = await startMcpHttp(ctx, {
      allowedHosts: ['docs.example.com'],
      allowedOrigins: ['https://docs.example.com'],
      apiToken: TOKEN,
      requireToken: true,
    });
  });
  afterAll(async () => {
    await loopback?.close();
    await exposed?.close();
    await database?.close();
  });

  const host = (server: McpHttpServer) => `127.0.0.1:${server.port}`;

  async function initialize(server: McpHttpServer, headers: Record<string, string> = {}, localAddress?: string) {
    return rawRequest(server.port, { headers: { ...JSON_HEADERS, host: host(server), ...headers }, body: INITIALIZE, localAddress });
  }

  describe('DNS rebinding (row 33)', () => {
    it.each([
      ['a rebinding Host', { host: 'evil.example:3000' }],
      ['a Host that only looks local', { host: '127.0.0.1.evil.example' }],
      ['a foreign Origin', { origin: 'http://evil.example' }],
      ['an Origin on another port', { origin: 'http://127.0.0.1:1' }],
      ['the null Origin', { origin: 'null' }],
    ])('refuses %s with 403 before any session is created', async (_case, headers) => {
      const before = loopback.handle.sessions();
      const response = await initialize(loopback, headers);
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
      expect(response.headers['mcp-session-id']).toBeUndefined();
      expect(loopback.handle.sessions()).toBe(before);
    });

    it('accepts loopback hosts and this server\'s own origin', async () => {
      const response = await initialize(loopback, { host: `localhost:${loopback.port}`, origin: `http://127.0.0.1:${loopback.port}` });
      expect(response.status).toBe(200);
      expect(response.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('checks Host and Origin on a non-loopback bind too, even with a valid token', async () => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect((await initialize(exposed, { ...auth, host: 'evil.example' })).status).toBe(403);
      expect((await initialize(exposed, { ...auth, host: host(exposed) })).status).toBe(403);
      expect((await initialize(exposed, { ...auth, host: 'docs.example.com', origin: 'https://evil.example' })).status).toBe(403);
      expect((await initialize(exposed, { ...auth, host: 'docs.example.com', origin: 'https://docs.example.com' })).status).toBe(200);
    });
  });

  describe('bearer token beyond loopback', () => {
    it('requires the token on initialize', async () => {
      const missing = await initialize(exposed, { host: 'docs.example.com' });
      expect(missing.status).toBe(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expect((await initialize(exposed, { host: 'docs.example.com', authorization: 'Bearer wrong-token-of-enough-length' })).status).toBe(401);
    });

    it('requires it on every later request: a session id is not authentication', async () => {
      const opened = await initialize(exposed, { host: 'docs.example.com', authorization: `Bearer ${TOKEN}` });
      const session = opened.headers['mcp-session-id'] as string;
      const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      const headers = { ...JSON_HEADERS, host: 'docs.example.com', 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' };
      expect((await rawRequest(exposed.port, { headers, body: list })).status).toBe(401);
      const authorized = await rawRequest(exposed.port, { headers: { ...headers, authorization: `Bearer ${TOKEN}` }, body: list });
      expect(authorized.status).toBe(200);
      expect(authorized.body).toContain('what_changed');
    });

    it('lets the SDK client in with the token, and not without it', async () => {
      const guarded = await startMcpHttp(ctx, { apiToken: TOKEN, requireToken: true });
      try {
        await expect(connectHttpClient(guarded.url)).rejects.toThrow();
        const client = await connectHttpClient(guarded.url, { authorization: `Bearer ${TOKEN}` });
        expect((await callTool(client, 'list_packages')).text).toContain('@fixture/security');
        await client.close();
      } finally {
        await guarded.close();
      }
    });

    it('refuses to mount beyond loopback without a token', () => {
      expect(() => mountMcp({ use() {} } as never, ctx, { allowedHosts: ['x'], allowedOrigins: [], requireToken: true })).toThrow(ConfigError);
    });
  });

  describe('sessions and protocol versions (row 34)', () => {
    const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });

    async function openSession(): Promise<string> {
      const response = await initialize(loopback);
      expect(response.status).toBe(200);
      return response.headers['mcp-session-id'] as string;
    }

    it('answers a forged session id with 404', async () => {
      const response = await rawRequest(loopback.port, {
        headers: { ...JSON_HEADERS, host: host(loopback), 'mcp-session-id': '00000000-0000-4000-8000-000000000000', 'mcp-protocol-version': '2025-06-18' },
        body: list,
      });
      expect(response.status).toBe(404);
    });

    it('answers a request without a session id, other than initialize, with 400', async () => {
      expect((await rawRequest(loopback.port, { headers: { ...JSON_HEADERS, host: host(loopback) }, body: list })).status).toBe(400);
      expect((await rawRequest(loopback.port, { method: 'GET', headers: { accept: 'text/event-stream', host: host(loopback) } })).status).toBe(400);
      expect((await rawRequest(loopback.port, { method: 'DELETE', headers: { host: host(loopback) } })).status).toBe(400);
    });

    it('answers an unsupported MCP-Protocol-Version with 400, on initialize and later', async () => {
      expect((await initialize(loopback, { 'mcp-protocol-version': '1999-01-01' })).status).toBe(400);
      const session = await openSession();
      const response = await rawRequest(loopback.port, {
        headers: { ...JSON_HEADERS, host: host(loopback), 'mcp-session-id': session, 'mcp-protocol-version': '1999-01-01' },
        body: list,
      });
      expect(response.status).toBe(400);
      expect(response.body).toContain('MCP-Protocol-Version');
    });

    it('serves a session until DELETE ends it, then answers 404', async () => {
      const session = await openSession();
      const headers = { ...JSON_HEADERS, host: host(loopback), 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' };
      expect((await rawRequest(loopback.port, { headers, body: list })).status).toBe(200);
      const stream = await rawRequest(loopback.port, { method: 'GET', headers: { ...headers, accept: 'text/event-stream' } });
      expect(stream.status).toBe(200);
      expect((await rawRequest(loopback.port, { method: 'DELETE', headers })).status).toBe(200);
      expect((await rawRequest(loopback.port, { headers, body: list })).status).toBe(404);
    });

    it('answers other methods with 405', async () => {
      const response = await rawRequest(loopback.port, { method: 'PUT', headers: { ...JSON_HEADERS, host: host(loopback) }, body: INITIALIZE });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, POST, DELETE');
    });

    it('answers a 10 MB body with 413 and malformed JSON with 400, as JSON-RPC errors', async () => {
      const big = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'what_changed', arguments: { path: 'x'.repeat(10 * 1024 * 1024) } } });
      const tooLarge = await rawRequest(loopback.port, { headers: { ...JSON_HEADERS, host: host(loopback) }, body: big });
      expect(tooLarge.status).toBe(413);
      expect(JSON.parse(tooLarge.body)).toMatchObject({ jsonrpc: '2.0', error: { message: 'Request body too large' } });
      const malformed = await rawRequest(loopback.port, { headers: { ...JSON_HEADERS, host: host(loopback) }, body: '{"jsonrpc": "2.0", ' });
      expect(malformed.status).toBe(400);
      expect(JSON.parse(malformed.body)).toMatchObject({ error: { message: 'Parse error: invalid JSON' } });
    });
  });

  describe('session limits', () => {
    it('lets a newcomer in after one client opened 101 sessions, and keeps that client working (issue 16, failure 8)', async () => {
      const server = await startMcpHttp(ctx);
      try {
        const statuses: number[] = [];
        let lastSession = '';
        for (let i = 0; i < 101; i += 1) {
          const response = await initialize(server);
          statuses.push(response.status);
          lastSession = response.headers['mcp-session-id'] as string;
        }
        expect(statuses.every((status) => status === 200)).toBe(true);
        expect(server.handle.sessions()).toBe(8);
        const other = await rawRequest(server.port, { headers: { ...JSON_HEADERS, host: host(server) }, body: INITIALIZE, localAddress: '127.0.0.2' });
        expect(other.status).toBe(200);
        expect(other.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
        const latest = await rawRequest(server.port, {
          headers: { ...JSON_HEADERS, host: host(server), 'mcp-session-id': lastSession, 'mcp-protocol-version': '2025-06-18' },
          body: list(),
        });
        expect(latest.status).toBe(200);
      } finally {
        await server.close();
      }
    });

    it('when full, closes the busiest client\'s oldest session for a newcomer, and refuses only when every session has its own client', async () => {
      const small = await startMcpHttp(ctx, { maxSessions: 2, sessionIdleMs: 60_000 });
      const from = (localAddress: string) =>
        rawRequest(small.port, { headers: { ...JSON_HEADERS, host: host(small) }, body: INITIALIZE, localAddress });
      try {
        const first = (await from('127.0.0.1')).headers['mcp-session-id'] as string;
        expect((await from('127.0.0.1')).status).toBe(200);
        expect((await from('127.0.0.2')).status).toBe(200);
        expect(small.handle.sessions()).toBe(2);
        const evicted = await rawRequest(small.port, {
          headers: { ...JSON_HEADERS, host: host(small), 'mcp-session-id': first, 'mcp-protocol-version': '2025-06-18' },
          body: list(),
        });
        expect(evicted.status).toBe(404);
        const refused = await from('127.0.0.3');
        expect(refused.status).toBe(503);
        expect(refused.headers['retry-after']).toBe('60');
        expect(small.handle.sessions()).toBe(2);
      } finally {
        await small.close();
      }
    });

    it('closes sessions idle past the limit', async () => {
      const idle = await startMcpHttp(ctx, { maxSessions: 1, sessionIdleMs: 50 });
      try {
        const first = (await initialize(idle)).headers['mcp-session-id'] as string;
        await new Promise((resolve) => setTimeout(resolve, 120));
        expect((await initialize(idle, {}, '127.0.0.2')).status).toBe(200);
        const stale = await rawRequest(idle.port, {
          headers: { ...JSON_HEADERS, host: host(idle), 'mcp-session-id': first, 'mcp-protocol-version': '2025-06-18' },
          body: list(),
        });
        expect(stale.status).toBe(404);
      } finally {
        await idle.close();
      }
    });

    it('closes every session on shutdown', async () => {
      const server = await startMcpHttp(ctx);
      const client = await connectHttpClient(server.url);
      expect((await callTool(client, 'list_packages')).isError).toBe(false);
      expect(server.handle.sessions()).toBe(1);
      await server.handle.close();
      expect(server.handle.sessions()).toBe(0);
      await client.close();
      await server.close();
    });
  });
});

function list(): string {
  return JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
}

describe('mcpHttpOptionsFor', () => {
  it('needs no token on loopback and allows only loopback names and the public URL', () => {
    const options = mcpHttpOptionsFor(loadConfig({ HOST: '127.0.0.1', PORT: '3000' }));
    expect(options.requireToken).toBe(false);
    expect([...options.allowedHosts].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    expect(options.allowedOrigins).toContain('http://localhost:3000');
    expect(options.allowedOrigins).toContain('http://127.0.0.1:3000');
  });

  it('requires the token on any other bind and allows the configured public host', () => {
    const options = mcpHttpOptionsFor(loadConfig({ HOST: '0.0.0.0', PORT: '8080', PUBLIC_BASE_URL: 'https://docs.example.com', API_TOKEN: TOKEN }));
    expect(options.requireToken).toBe(true);
    expect(options.apiToken).toBe(TOKEN);
    expect(options.allowedHosts).toContain('docs.example.com');
    expect(options.allowedHosts).not.toContain('0.0.0.0');
    expect(options.allowedOrigins).toContain('https://docs.example.com');
    expect(mcpHttpOptionsFor(loadConfig({ HOST: '::1' })).requireToken).toBe(false);
    expect(mcpHttpOptionsFor(loadConfig({ HOST: '10.0.0.5' })).requireToken).toBe(true);
  });

  it('follows the address serve really binds when --host overrides HOST', () => {
    const options = mcpHttpOptionsFor(loadConfig({ HOST: '127.0.0.1', PORT: '3000' }), { host: '0.0.0.0', port: 8080 });
    expect(options.requireToken).toBe(true);
    expect(options.allowedOrigins).toContain('http://localhost:8080');
  });
});
