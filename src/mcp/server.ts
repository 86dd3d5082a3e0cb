// The MCP server: every tool in TOOLS, each a thin adapter over the shared services. One McpServer
// per connection (stdio has one; HTTP makes one per session), all over the same context.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ServiceContext } from '../services/context.ts';
import { type ToolDefinition, toolError } from './tool.ts';
import { listPackagesTool, listVersionsTool } from './tools/catalog.ts';
import { fileDiffTool, fileHistoryTool } from './tools/files.ts';
import { checkLinksTool, resolveRouteTool } from './tools/links.ts';
import { whatChangedTool } from './tools/what-changed.ts';

/** Every tool, in the order clients list them. */
export const TOOLS: ToolDefinition[] = [
  whatChangedTool,
  listVersionsTool,
  listPackagesTool,
  fileDiffTool,
  fileHistoryTool,
  resolveRouteTool,
  checkLinksTool,
];

export const SERVER_INFO = { name: 'docdelta', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'docdelta knows what changed in a package\'s documentation between versions. When your knowledge of these docs may be ' +
  'older than the latest version, call what_changed first (it defaults to the latest release), then file_diff for one page, ' +
  'file_history for a page\'s past, resolve_route for where an old URL went, check_links for the links an upgrade breaks. ' +
  'Answers are short and say which narrower call gives more.';

/** All tools are reads over stored versions: nothing they do changes state or reaches outside. */
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

async function answer(ctx: ServiceContext, tool: ToolDefinition, args: unknown): Promise<CallToolResult> {
  try {
    const result = await tool.run(ctx, args as never);
    return { content: [{ type: 'text', text: result.markdown }], structuredContent: result.structured as Record<string, unknown> };
  } catch (error) {
    return toolError(error, tool.name, ctx.logger, tool.errorHints);
  }
}

export function createMcpServer(ctx: ServiceContext, tools: readonly ToolDefinition[] = TOOLS): McpServer {
  const server = new McpServer(SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.input, outputSchema: tool.output, annotations: READ_ONLY },
      (args: unknown) => answer(ctx, tool, args),
    );
  }
  return server;
}
