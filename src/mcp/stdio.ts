// MCP over stdio (`docdelta mcp`): stdout carries nothing but MCP messages. Logs already go to
// stderr; console output from libraries (PGlite's WebAssembly runtime binds console.log when it
// loads) is sent there too, which is why keepStdoutForMessages must run before the database opens.
import { format } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ServiceContext } from '../services/context.ts';
import { createMcpServer } from './server.ts';

/**
 * Largest message `docdelta mcp` reads from stdin. Above the SDK's default of 10 MiB so that a
 * 10 MB argument still reaches the schema and gets an isError answer; a larger message ends the
 * session (the SDK's stdio transport cannot skip a line it did not buffer).
 */
const STDIO_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export function keepStdoutForMessages(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${format(...args)}\n`);
  };
  Object.assign(console, { log: toStderr, info: toStderr, debug: toStderr, trace: toStderr });
}

export interface StdioStreams {
  stdin: NodeJS.ReadableStream & { destroy(): unknown };
  stdout: NodeJS.WritableStream;
}

/**
 * Serves one MCP session on the streams; resolves when the client hangs up (stdin ends), the
 * transport closes (a message over STDIO_MAX_MESSAGE_BYTES closes it) or `signal` aborts.
 */
export async function serveStdio(
  ctx: ServiceContext,
  streams: StdioStreams = { stdin: process.stdin, stdout: process.stdout },
  signal?: AbortSignal,
): Promise<void> {
  const server = createMcpServer(ctx);
  const transport = new StdioServerTransport(streams.stdin as typeof process.stdin, streams.stdout as typeof process.stdout, {
    maxBufferSize: STDIO_MAX_MESSAGE_BYTES,
  });
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  transport.onerror = (error) => ctx.logger.warn('MCP stdio transport error', { message: error.message });
  await server.connect(transport);
  const hangUp = () => void server.close();
  streams.stdin.once('end', hangUp);
  streams.stdin.once('close', hangUp);
  signal?.addEventListener('abort', hangUp, { once: true });
  await closed;
  streams.stdin.off('end', hangUp);
  streams.stdin.off('close', hangUp);
  signal?.removeEventListener('abort', hangUp);
  // The transport only pauses stdin when it closes (after an oversized message, say); a paused pipe
  // would keep the process alive with no one listening, so let it go.
  streams.stdin.destroy();
}
