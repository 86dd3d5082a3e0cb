// MCP marks changes nobody can see and can leave them out like `git diff -w`; a route names its page.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { seedPackage } from '../support/seed.ts';
import { connectHttpClient, type McpHttpServer, startMcpHttp } from './support/mcp-http.ts';
import { callTool } from './support/tool-results.ts';

const page = (description: string, body: string) => `---\ntitle: Page\ndescription: ${description}\n---\n\n# Page\n\n${body}\n`;

describe('what_changed and whitespace', () => {
  let database: TestDatabase;
  let server: McpHttpServer;
  let client: Client;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const ctx = await testContext(database);
    await seedPackage(ctx, '@fixture/nbsp', [
      { version: '1.0.0', files: { 'docs/nbsp.mdx': page('Single sign on', 'Text.'), 'docs/real.mdx': page('Real', 'Old text.') } },
      { version: '2.0.0', files: { 'docs/nbsp.mdx': page('Single\u00a0sign on', 'Text.'), 'docs/real.mdx': page('Real', 'New text.') } },
    ]);
    server = await startMcpHttp(ctx);
    client = await connectHttpClient(server.url);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await database?.close();
  });

  it('marks a file whose only change is a non-breaking space, and leaves it out with ignoreWhitespace', async () => {
    const files = await callTool(client, 'what_changed', { detail: 'files' });
    expect(files.text).toMatch(/nbsp\.mdx.*\(whitespace only\)/);
    expect(files.text).not.toMatch(/real\.mdx.*whitespace only/);
    const ignoring = await callTool(client, 'what_changed', { detail: 'files', ignoreWhitespace: true });
    expect(ignoring.isError).toBe(false);
    expect(ignoring.text).not.toContain('nbsp.mdx');
    expect(ignoring.text).toContain('real.mdx');
  });

  it('reads a path given as a route', async () => {
    const result = await callTool(client, 'what_changed', { detail: 'files', path: '/real' });
    expect(result.text).toContain('real.mdx');
    expect(result.text).not.toContain('nbsp.mdx');
  });
});
