// The real @workos/mcp-docs-server 0.1.0 → 0.2.0 (568 changes, 117 renames), synced
// from the npm registry (tarballs kept in snapshots/), asked over HTTP by the SDK's Client.
// The goal: the summary under 4,000 characters with every folder move named.
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { connectHttpClient, type McpHttpServer, startMcpHttp } from './support/mcp-http.ts';
import { callTool } from './support/tool-results.ts';

const NAME = '@workos/mcp-docs-server';
const ROOT = '.docs/organized/docs/';
const SNAPSHOTS = path.resolve(import.meta.dirname, '../../snapshots');

describe('what_changed on the real @workos/mcp-docs-server 0.1.0 → 0.2.0', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let server: McpHttpServer;
  let client: Client;

  beforeAll(async () => {
    database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    ctx = await testContext(database, { NPM_REGISTRY: 'https://registry.npmjs.org/', DOCDELTA_SNAPSHOTS_DIR: SNAPSHOTS });
    const report = await syncPackage(ctx, NAME, { versions: ['0.1.0', '0.2.0'] });
    expect(report.failed).toEqual([]);
    server = await startMcpHttp(ctx);
    client = await connectHttpClient(server.url);
  }, 180_000);
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await database?.close();
  });

  it('summarizes in under 4,000 characters and names every folder move', async () => {
    const result = await callTool(client, 'what_changed');
    expect(result.isError).toBe(false);
    expect(result.text.length).toBeLessThan(4_000);
    expect(result.text).toContain('568 files changed: 187 added, 79 removed, 185 modified, 117 renamed');
    const moves = result.structured!.moves as { from: string; to: string; files: number }[];
    expect(moves.length).toBeGreaterThanOrEqual(2);
    for (const move of moves) {
      expect(result.text).toContain(`\`${move.from.slice(ROOT.length)}/ → ${move.to.slice(ROOT.length)}/\`: `);
    }
    expect(result.text).toContain('- `user-management/ → authkit/`: 25 pages, all edited');
    expect(result.text).toContain('- `reference/user-management/ → reference/authkit/`: 67 pages, all edited');
    // Folder moves come before everything else that is listed.
    expect(result.text.indexOf('## Folder moves')).toBeLessThan(result.text.indexOf('## Pages added'));
    // It says how to get the rest, with calls that work as written.
    expect(result.structured!.truncated).toBe(true);
    expect(result.text).toContain('what_changed {"from":"0.1.0","to":"0.2.0","detail":"files"}');
    expect(JSON.stringify(result.structured).length).toBeLessThan(20_000);
  });

  it('keeps "files" and "patch" answers bounded and points at the narrower calls', async () => {
    const files = await callTool(client, 'what_changed', { detail: 'files' });
    expect(files.text.length).toBeLessThan(12_500);
    expect(files.text).toMatch(/\d+ more files not shown\. Narrow with `path`, e\.g\. `reference\/authkit\/`/);
    const patch = await callTool(client, 'what_changed', { detail: 'patch' });
    expect(patch.text.length).toBeLessThan(16_500);
    expect(patch.structured!.truncated).toBe(true);
    const narrowed = await callTool(client, 'what_changed', { path: 'user-management/', detail: 'files' });
    expect(narrowed.structured!.totalFiles).toBe(36);
  });

  it('pages through a long patch with file_diff', async () => {
    const first = await callTool(client, 'file_diff', { from: '0.1.0', to: '0.2.0', path: 'reference/_navigation.mdx' });
    const pages = first.structured!.pages as number;
    expect(pages).toBeGreaterThan(1);
    let patch = first.structured!.patch as string;
    for (let page = 2; page <= pages; page++) {
      const next = await callTool(client, 'file_diff', { from: '0.1.0', to: '0.2.0', path: 'reference/_navigation.mdx', page });
      expect(next.text.length).toBeLessThan(16_000);
      patch += next.structured!.patch as string;
    }
    expect(patch).toMatch(/^diff --git a\/\.docs\/organized\/docs\/reference\/_navigation\.mdx/);
    expect(patch.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++')).length).toBe(430);
  });

  it('keeps check_links bounded on a release with hundreds of broken links', async () => {
    const result = await callTool(client, 'check_links', { from: '0.1.0', to: '0.2.0' });
    expect(result.isError).toBe(false);
    expect(result.text.length).toBeLessThan(6_500);
    expect(result.text).toContain('- `/user-management/* → /authkit/*`');
    expect(result.structured!.truncated).toBe(true);
  });

  it('follows the user-management → authkit move for routes and history', async () => {
    const route = await callTool(client, 'resolve_route', { route: '/user-management/sessions#logout-redirect' });
    expect(route.structured).toMatchObject({ status: 'moved', target: '/authkit/sessions', redirect: { from: '/user-management/sessions', to: '/authkit/sessions' } });
    const history = await callTool(client, 'file_history', { path: 'authkit/sso.mdx' });
    expect(history.structured!.entries).toEqual([expect.objectContaining({ version: '0.2.0', status: 'renamed', oldPath: `${ROOT}user-management/sso.mdx` })]);
  });
});
