import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

export interface ToolResult {
  text: string;
  structured: Record<string, unknown> | undefined;
  isError: boolean;
}

/** Calls a tool and returns its text, JSON and error flag; protocol errors still throw. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text?: string }[];
  return {
    text: content.map((part) => part.text ?? '').join('\n'),
    structured: result.structuredContent as Record<string, unknown> | undefined,
    isError: result.isError === true,
  };
}
