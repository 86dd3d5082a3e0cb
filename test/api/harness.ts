// Shared by the API tests: a real server on 127.0.0.1 over a test database, and small HTTP helpers
// that see exactly what a client sees (raw status, headers, body).
import http from 'node:http';
import type { AppOptions } from '../../src/api/app.ts';
import { createApp } from '../../src/api/app.ts';
import { type RunningServer, startHttpServer, type HttpServerOptions } from '../../src/api/http-server.ts';
import type { ServiceContext } from '../../src/services/context.ts';

export interface TestServer extends RunningServer {
  get(path: string, headers?: Record<string, string>): Promise<RawResponse>;
  request(method: string, path: string, options?: { headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse>;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  // Tests read response bodies field by field; a precise type per route would only restate them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

/** One HTTP exchange with node:http (no fetch magic: no decompression, no header rewriting). */
export function rawRequest(
  url: string,
  method: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; agent?: http.Agent } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: options.headers, agent: options.agent ?? false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text, json: () => JSON.parse(text) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

export async function startTestServer(
  ctx: ServiceContext,
  options: AppOptions = {},
  server: Partial<HttpServerOptions> = {},
): Promise<TestServer> {
  const running = await startHttpServer(createApp(ctx, { rateLimit: false, ...options }), { host: '127.0.0.1', port: 0, ...server });
  return {
    ...running,
    get: (path, headers) => rawRequest(`${running.url}${path}`, 'GET', { headers }),
    request: (method, path, requestOptions) => rawRequest(`${running.url}${path}`, method, requestOptions ?? {}),
  };
}

export const DOCS = '.docs/organized/docs';
