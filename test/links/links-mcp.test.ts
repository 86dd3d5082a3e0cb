// check_links over MCP with the SDK's real Client: a package whose versions hold no pages is answered
// with the warning first, never as an all-clear.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { seedPackage } from '../support/seed.ts';
import { connectHttpClient, type McpHttpServer, startMcpHttp } from '../mcp/support/mcp-http.ts';
import { callTool } from '../mcp/support/tool-results.ts';

describe('check_links when nothing can be checked', () => {
  let database: TestDatabase;
  let server: McpHttpServer;
  let client: Client;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const ctx = await testContext(database);
    await seedPackage(ctx, '@fixture/code-only', [
      { version: '1.0.0', files: { 'package.json': '{}', 'dist/index.js': 'export {};\n' } },
      { version: '2.0.0', files: { 'package.json': '{}', 'dist/index.js': 'export const a = 1;\n' } },
    ]);
    server = await startMcpHttp(ctx);
    client = await connectHttpClient(server.url);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await database?.close();
  });

  it('says so before anything else, in the text and in the structured answer', async () => {
    const result = await callTool(client, 'check_links', { from: '1.0.0', to: '2.0.0' });
    expect(result.isError).toBeFalsy();
    expect(result.text).toMatch(/\*\*Warning:\*\* 1\.0\.0: no pages found: 2 files, 0 Markdown; looked for/);
    expect(result.text.indexOf('**Warning:**')).toBeLessThan(result.text.indexOf('Broken:'));
    expect((result.structured as { warnings: string[] }).warnings).toHaveLength(2);
  });
});
