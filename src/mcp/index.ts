// docdelta's MCP server: the tools (tools/), and the two ways to reach them — stdio for
// `docdelta mcp`, Streamable HTTP at /mcp of `docdelta serve`.
export { createMcpServer, SERVER_INFO, TOOLS } from './server.ts';
export { keepStdoutForMessages, serveStdio } from './stdio.ts';
export { MCP_PATH, type McpHttpHandle, mountMcp, type MountMcpOptions } from './http/mount.ts';
export { isLoopbackHost, mcpHttpOptionsFor } from './http/request-guard.ts';
export type { ToolAnswer, ToolDefinition } from './tool.ts';
