// MCP marks changes nobody can see and can leave them out like `git diff -w`; a route names its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPackage } from '../support/seed.ts';
import { type McpSession, openMcpSession } from './support/mcp-session.ts';
import { callTool } from './support/tool-results.ts';

const page = (description: string, body: string) => `---\ntitle: Page\ndescription: ${description}\n---\n\n# Page\n\n${body}\n`;

describe('what_changed and whitespace', () => {
  let mcp: McpSession;

  beforeAll(async () => {
    mcp = await openMcpSession({
      seed: (ctx) =>
        seedPackage(ctx, '@fixture/nbsp', [
          { version: '1.0.0', files: { 'docs/nbsp.mdx': page('Single sign on', 'Text.'), 'docs/real.mdx': page('Real', 'Old text.') } },
          { version: '2.0.0', files: { 'docs/nbsp.mdx': page('Single\u00a0sign on', 'Text.'), 'docs/real.mdx': page('Real', 'New text.') } },
        ]),
    });
  });
  afterAll(() => mcp?.close());

  it('marks a file whose only change is a non-breaking space, and leaves it out with ignoreWhitespace', async () => {
    const files = await callTool(mcp.client, 'what_changed', { detail: 'files' });
    expect(files.text).toMatch(/nbsp\.mdx.*\(whitespace only\)/);
    expect(files.text).not.toMatch(/real\.mdx.*whitespace only/);
    const ignoring = await callTool(mcp.client, 'what_changed', { detail: 'files', ignoreWhitespace: true });
    expect(ignoring.isError).toBe(false);
    expect(ignoring.text).not.toContain('nbsp.mdx');
    expect(ignoring.text).toContain('real.mdx');
  });

  it('reads a path given as a route', async () => {
    const result = await callTool(mcp.client, 'what_changed', { detail: 'files', path: '/real' });
    expect(result.text).toContain('real.mdx');
    expect(result.text).not.toContain('nbsp.mdx');
  });
});
