// Every tool over real HTTP with the SDK's Client, on the seeded fixture: `@fixture/docs`
// 1.0.0 → 2.0.0, whose user-management/ folder moved to authkit/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';
import { type McpSession, openMcpSession } from './support/mcp-session.ts';
import { callTool } from './support/tool-results.ts';

const ROOT = '.docs/organized/docs';

describe.each(testDrivers())('MCP tools over HTTP (%s)', (driver) => {
  let mcp: McpSession;

  beforeAll(async () => {
    mcp = await openMcpSession({ driver, seed: seedFixture });
  });
  afterAll(() => mcp?.close());

  it('lists the tools, each with a description and a strict, bounded input schema', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['what_changed', 'list_versions', 'list_packages', 'file_diff', 'file_history', 'resolve_route', 'check_links']);
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(80);
      expect(tool.inputSchema.additionalProperties).toBe(false);
      expect(tool.outputSchema).toBeDefined();
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    const whatChanged = tools.find((tool) => tool.name === 'what_changed')!;
    const properties = whatChanged.inputSchema.properties as Record<string, { maxLength?: number; enum?: string[] }>;
    expect(properties.path!.maxLength).toBe(1024);
    expect(properties.detail!.enum).toEqual(['summary', 'files', 'patch']);
  });

  it('what_changed with no arguments summarizes the only package from its previous to its latest version, folder moves first', async () => {
    const result = await callTool(mcp.client, 'what_changed');
    expect(result.isError).toBe(false);
    expect(result.text).toMatchInlineSnapshot(`
      "# @fixture/docs 1.0.0 → 2.0.0

      12 files changed: 1 added, 2 removed, 5 modified, 4 renamed (+29 −36 lines).
      Paths are relative to the docs root \`.docs/organized/docs/\`.

      ## Folder moves (1)
      - \`user-management/ → authkit/\`: 4 pages, 2 edited

      ## Pages added (1)
      - \`authkit/\` (1): Passkeys

      ## Pages removed (2)
      - \`legacy/\` (1): Old API
      - \`user-management/\` (1): Multi-Factor Auth

      ## Most-changed pages
      - **Single Sign-On** \`sso.mdx\` +8 −1; sections added: Troubleshooting; changed: Setup; frontmatter: description
      - **AuthKit** \`user-management/index.mdx\` → \`authkit/index.mdx\` +4 −4; title \`User Management\` → \`AuthKit\`; sections added: AuthKit; removed: User Management; frontmatter: description, title
      - **Users** \`user-management/users.mdx\` → \`authkit/users.mdx\` +1 −1; sections added: Remove a user; removed: Delete a user
      - **Home** \`index.mdx\` +1 −1; changed: Home
      - **Unsafe \\<script\\>alert(1)\\</script\\>** \`unsafe.mdx\` +1 −1; changed: Unsafe alert(1)

      Other files changed (2): \`_navigation.mdx\`, \`package.json\`.
      "
    `);
    expect(result.structured).toMatchObject({
      package: '@fixture/docs',
      from: '1.0.0',
      to: '2.0.0',
      detail: 'summary',
      docsRoot: ROOT,
      summary: { added: 1, removed: 2, modified: 5, renamed: 4 },
      moves: [{ from: `${ROOT}/user-management`, to: `${ROOT}/authkit`, files: 4, edited: 2, pages: 4 }],
      addedPages: [{ folder: `${ROOT}/authkit/`, pages: 1, titles: ['Passkeys'] }],
      truncated: false,
    });
  });

  it('never lets a doc title inject markup into the Markdown answer', async () => {
    const { text } = await callTool(mcp.client, 'what_changed');
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\<script\\>');
  });

  it('what_changed detail "files" lists every changed file, renames folded git-style', async () => {
    const result = await callTool(mcp.client, 'what_changed', { from: '1.0.0', to: '2.0.0', detail: 'files' });
    expect(result.structured!.files).toHaveLength(12);
    expect(result.text).toContain('- renamed `{user-management → authkit}/users.mdx` 96% +1 −1 — Users');
    expect(result.text).toContain('- removed `legacy/old-api.mdx` +0 −12 — Old API');
    expect(result.structured!.truncated).toBe(false);
  });

  it('what_changed detail "patch" narrowed to one page gives its unified diff', async () => {
    const result = await callTool(mcp.client, 'what_changed', { path: 'authkit/users.mdx', detail: 'patch' });
    expect(result.text).toContain('```diff');
    expect(result.text).toContain('rename from .docs/organized/docs/user-management/users.mdx');
    expect(result.text).toContain('-## Delete a user');
    expect(result.text).toContain('+## Remove a user');
    expect(result.structured!.files).toEqual([expect.objectContaining({ status: 'renamed', path: `${ROOT}/authkit/users.mdx`, patch: expect.stringContaining('@@') })]);
  });

  it('accepts `path` relative to the docs root or to the package root, with the same answer', async () => {
    const short = await callTool(mcp.client, 'what_changed', { path: 'authkit/', detail: 'files' });
    const long = await callTool(mcp.client, 'what_changed', { path: `${ROOT}/authkit`, detail: 'files' });
    expect(short.structured!.files).toEqual(long.structured!.files);
    expect(short.structured!.files).toHaveLength(5);
    expect(short.text).toContain('Narrowed to `authkit/`.');
  });

  it('says where the changes are when `path` matches none of them, without calling it an error', async () => {
    const result = await callTool(mcp.client, 'what_changed', { path: 'glossary.mdx' });
    expect(result.isError).toBe(false);
    expect(result.text).toContain('Nothing under `glossary.mdx` changed between 1.0.0 and 2.0.0.');
    expect(result.text).toContain('Folders with changes: `authkit/` (5)');
    expect(result.structured!.more).toContain('what_changed {"from":"1.0.0","to":"2.0.0","path":"authkit/","detail":"summary"}');
  });

  it('list_versions and list_packages show what is stored', async () => {
    const versions = await callTool(mcp.client, 'list_versions');
    expect(versions.text).toContain('- `2.0.0` — 2025-01-08, 11 files (latest)');
    expect(versions.structured).toMatchObject({ package: '@fixture/docs', total: 2, versions: [{ version: '1.0.0' }, { version: '2.0.0' }] });
    const packages = await callTool(mcp.client, 'list_packages', {});
    expect(packages.text).toContain('- `@fixture/docs` (local): 2 versions stored, latest 2.0.0');
    expect(packages.structured).toEqual({ packages: [{ name: '@fixture/docs', source: 'local', versions: 2, latest: '2.0.0' }], total: 1, truncated: false });
  });

  it('file_diff follows a rename from either name and shows section, anchor and patch changes', async () => {
    for (const path of ['user-management/users.mdx', 'authkit/users.mdx', `${ROOT}/authkit/users.mdx`]) {
      const result = await callTool(mcp.client, 'file_diff', { from: '1.0.0', to: '2.0.0', path });
      expect(result.isError).toBe(false);
      expect(result.structured).toMatchObject({
        change: { status: 'renamed', path: `${ROOT}/authkit/users.mdx`, oldPath: `${ROOT}/user-management/users.mdx` },
        page: 1,
        pages: 1,
      });
    }
    const { text } = await callTool(mcp.client, 'file_diff', { from: '1.0.0', to: '2.0.0', path: 'authkit/users.mdx' });
    expect(text).toContain('renamed from `user-management/users.mdx` (96% similar), +1 −1 lines. Title: **Users**.');
    expect(text).toContain('- sections added: Remove a user');
    expect(text).toContain('`#delete-a-user`');
    expect(text).toContain('+## Remove a user');
  });

  it('file_diff shows frontmatter values that changed', async () => {
    const { text } = await callTool(mcp.client, 'file_diff', { from: '1.0.0', to: '2.0.0', path: 'sso.mdx' });
    expect(text).toContain('- `description`: `Single Sign-On description` → `SSO with any identity provider`');
  });

  it('file_history finds the versions that changed a page under its new or its old name', async () => {
    for (const path of ['authkit/users.mdx', 'user-management/users.mdx']) {
      const result = await callTool(mcp.client, 'file_history', { path });
      expect(result.isError).toBe(false);
      expect(result.structured!.entries).toEqual([
        { version: '2.0.0', previous: '1.0.0', status: 'renamed', path: `${ROOT}/authkit/users.mdx`, oldPath: `${ROOT}/user-management/users.mdx`, additions: 1, deletions: 1 },
      ]);
    }
    const unchanged = await callTool(mcp.client, 'file_history', { path: 'glossary.mdx' });
    expect(unchanged.text).toContain('did not change between any two of them');
  });

  it('resolve_route says where each kind of route went, with the redirect to add', async () => {
    const moved = await callTool(mcp.client, 'resolve_route', { route: '/user-management/users#delete-a-user' });
    expect(moved.structured).toMatchObject({
      status: 'moved',
      route: '/user-management/users#delete-a-user',
      target: '/authkit/users',
      redirect: { from: '/user-management/users', to: '/authkit/users' },
      page: { path: `${ROOT}/user-management/users.mdx`, toPath: `${ROOT}/authkit/users.mdx`, via: 'rename' },
    });
    expect(moved.text).toContain('moved: link to `/authkit/users` instead.');
    expect(moved.text).toContain('Redirect to add: `/user-management/users → /authkit/users`');

    const anchored = await callTool(mcp.client, 'resolve_route', { route: '/user-management/sessions#refresh', from: '1.0.0', to: '2.0.0' });
    expect(anchored.structured).toMatchObject({ status: 'moved', target: '/authkit/sessions#refresh' });

    const removed = await callTool(mcp.client, 'resolve_route', { route: '/legacy/old-api' });
    expect(removed.structured).toMatchObject({ status: 'removed', target: null, redirect: null });
    expect(removed.text).toContain('was removed in 2.0.0');

    expect((await callTool(mcp.client, 'resolve_route', { route: '/sso' })).structured).toMatchObject({ status: 'same', target: '/sso' });
    expect((await callTool(mcp.client, 'resolve_route', { route: '/glossary#acs-url' })).text).toContain('still works in 2.0.0 (Glossary)');
  });

  it('check_links lists the redirects to add and the links the upgrade breaks, with replacements', async () => {
    const result = await callTool(mcp.client, 'check_links', { from: '1.0.0', to: '2.0.0' });
    expect(result.isError).toBe(false);
    expect(result.text).toContain('Page routes of 1.0.0: 4 unchanged, 4 moved (0 of them inferred), 2 removed.');
    expect(result.text).toContain('- `/user-management/* → /authkit/*`');
    expect(result.text).toContain('use `/authkit/sessions#refresh`');
    expect(result.structured).toMatchObject({
      routes: { same: 4, moved: 4, removed: 2 },
      broken: { upgrade: 2, internal: 0 },
      redirects: expect.arrayContaining([{ from: '/user-management', to: '/authkit', splat: true, inferred: false }]),
      truncated: false,
    });
    expect(result.structured!.upgradeBroken).toEqual(
      expect.arrayContaining([expect.objectContaining({ target: '/user-management/users', alsoAt: 1, fix: expect.objectContaining({ target: '/authkit/users' }) })]),
    );
  });
});
