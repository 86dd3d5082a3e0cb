// The MCP SDK's real client, connected three ways: in memory to a server in this process, to a
// `docdelta mcp` child over stdio, and to /mcp of a running server over Streamable HTTP.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ServiceContext } from '../src/services/context.ts';

/** The report section for MCP latencies, whichever scenario measures them (mcp: in memory, stdio; http: /mcp). */
export const MCP_SECTION = 'MCP what_changed';

export interface ConnectedClient {
  /** The text of a tool's answer; throws when the tool reports an error. */
  callText(name: string, args: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

async function connect(transport: Transport, onClose: () => Promise<void> = async () => {}): Promise<ConnectedClient> {
  const client = new Client({ name: 'docdelta-bench', version: '1.0.0' });
  await client.connect(transport);
  return {
    callText: async (name, args) => {
      const result = await client.callTool({ name, arguments: args });
      const text = (result.content as Array<{ type: string; text?: string }>)
        .filter((part) => part.type === 'text')
        .map((part) => part.text ?? '')
        .join('\n');
      if (result.isError) throw new Error(`${name} answered an error: ${text.slice(0, 300)}`);
      return text;
    },
    close: async () => {
      await client.close();
      await onClose();
    },
  };
}

export async function connectInMemory(ctx: ServiceContext): Promise<ConnectedClient> {
  const { createMcpServer } = await import('../src/mcp/index.ts');
  const server = createMcpServer(ctx);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  return connect(clientSide, () => server.close());
}

export async function connectStdio(command: string, args: string[], env: Record<string, string>, cwd: string): Promise<ConnectedClient> {
  const transport = new StdioClientTransport({ command, args, env, cwd, stderr: 'pipe' });
  // Keep the end of the server's stderr: when it dies, that is the only account of why.
  let stderrTail = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
  });
  const explain = (error: unknown) => new Error(`${(error as Error).message}; server stderr: ${stderrTail.trim().split('\n').slice(-5).join(' | ')}`);
  let client: ConnectedClient;
  try {
    client = await connect(transport);
  } catch (error) {
    throw explain(error);
  }
  return {
    callText: (name, toolArgs) => client.callText(name, toolArgs).catch((error: unknown) => Promise.reject(explain(error))),
    close: () => client.close(),
  };
}

export async function connectHttp(url: string): Promise<ConnectedClient> {
  return connect(new StreamableHTTPClientTransport(new URL(url)));
}

export interface CallLatencies {
  /** The first call on this connection: whatever warms up (a process, a session, a cache) is in it. */
  first: number;
  later: number[];
  text: string;
}

/** Times one tool call, then `repetitions` more of the same call. */
export async function callLatencies(client: ConnectedClient, name: string, args: Record<string, unknown>, repetitions: number): Promise<CallLatencies> {
  const started = performance.now();
  const text = await client.callText(name, args);
  const first = performance.now() - started;
  const later: number[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    const again = performance.now();
    await client.callText(name, args);
    later.push(performance.now() - again);
  }
  return { first, later, text };
}
