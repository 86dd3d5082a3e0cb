// What an MCP test file runs against: a fresh database, a service context over it (seeded by the
// caller), the /mcp server on 127.0.0.1 and the SDK's real Client connected to it.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ServiceContext } from '../../../src/services/context.ts';
import { testContext } from '../../support/context.ts';
import { type Driver, openTestDatabase, type TestDatabase } from '../../support/databases.ts';
import { connectHttpClient, type McpHttpServer, startMcpHttp } from './mcp-http.ts';

export interface McpSession {
  database: TestDatabase;
  ctx: ServiceContext;
  server: McpHttpServer;
  client: Client;
  /** Closes the client, then the server, then the database. */
  close(): Promise<void>;
}

export interface McpSessionOptions {
  driver?: Driver;
  /** Extra environment for the service context. */
  env?: Record<string, string>;
  /** Fills the database before the server starts. */
  seed: (ctx: ServiceContext) => Promise<void>;
}

/**
 * Opens the session in order. Should a step fail, what was already opened is closed before the
 * error is passed on, since the test file never receives a session to close.
 */
export async function openMcpSession(options: McpSessionOptions): Promise<McpSession> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    while (closers.length > 0) await closers.pop()!();
  };
  try {
    const database = await openTestDatabase(options.driver ?? 'pglite');
    closers.push(() => database.close());
    const ctx = await testContext(database, options.env);
    await options.seed(ctx);
    const server = await startMcpHttp(ctx);
    closers.push(() => server.close());
    const client = await connectHttpClient(server.url);
    closers.push(() => client.close());
    return { database, ctx, server, client, close };
  } catch (error) {
    await close();
    throw error;
  }
}
