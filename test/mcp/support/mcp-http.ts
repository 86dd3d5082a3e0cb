// A real express server on 127.0.0.1 with /mcp mounted, and real SDK clients connected to it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import express from 'express';
import { type McpHttpHandle, mountMcp, type MountMcpOptions } from '../../../src/mcp/index.ts';
import type { ServiceContext } from '../../../src/services/context.ts';

export interface McpHttpServer {
  port: number;
  url: URL;
  handle: McpHttpHandle;
  close(): Promise<void>;
}

export async function startMcpHttp(ctx: ServiceContext, overrides: Partial<MountMcpOptions> = {}): Promise<McpHttpServer> {
  const app = express();
  const server = await new Promise<http.Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const port = (server.address() as AddressInfo).port;
  const handle = mountMcp(app, ctx, {
    allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
    allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    requireToken: false,
    ...overrides,
  });
  return {
    port,
    url: new URL(`http://127.0.0.1:${port}/mcp`),
    handle,
    close: async () => {
      await handle.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function connectHttpClient(url: URL, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'docdelta-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the headers given (Host and Origin included), which fetch would not allow. */
export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/mcp',
        headers: options.headers ?? {},
        // Another loopback address is another client to the server (127.0.0.0/8 is all local).
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        // The GET event stream never ends by itself: its status and headers are the answer.
        if (options.method === 'GET' && String(response.headers['content-type']).includes('text/event-stream')) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: '' });
        }
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

export const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
