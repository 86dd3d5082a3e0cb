// The HTTP server around the app: timeouts against slow clients (slowloris), keep-alive that does
// not outlive a shutdown, and a close() that stops accepting, lets in-flight requests finish,
// closes idle keep-alive sockets at once, and cuts whatever is left when the grace period ends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import type { HotPath } from './hot-diff-path.ts';

export interface HttpServerOptions {
  host: string;
  port: number;
  /** Time a client has to send all request headers; the slowloris guard. */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request, body included. */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept open between requests. */
  keepAliveTimeoutMs?: number;
  /** Default grace period of close(): in-flight requests get this long before sockets are cut. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  /** Stops accepting, drains in-flight requests, closes idle sockets; resolves when all are gone. */
  close(graceMs?: number): Promise<void>;
}

export const SERVER_DEFAULTS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  shutdownGraceMs: 10_000,
};

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function startHttpServer(app: express.Express, options: HttpServerOptions): Promise<RunningServer> {
  const settings = { ...SERVER_DEFAULTS, ...options };
  const server = http.createServer({
    headersTimeout: settings.headersTimeoutMs,
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    // Node checks the two timeouts above on this interval (30 s by default), which would let a
    // slow client hold a socket far longer than headersTimeout says.
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(settings.headersTimeoutMs / 4))),
  });

  let closing = false;
  const active = new Set<http.ServerResponse>();
  // Registered before the app, so a request that arrives during shutdown is marked before the
  // app can answer it.
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    active.add(res);
    if (closing) res.setHeader('Connection', 'close');
    res.on('finish', () => {
      // A response that went out with keep-alive before shutdown began leaves an open socket
      // behind; end it gracefully now that its last response is written.
      if (closing && res.getHeader('Connection') !== 'close') res.socket?.end();
      // Half-closed, such a socket would otherwise wait for the client's end (or the keep-alive
      // timeout) before server.close() can finish; idle now, it can be closed outright.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    res.on('close', () => active.delete(res));
  });
  // An app from createApp may answer some requests before express runs (see hot-diff-path.ts).
  const hotPath = (app.locals as { hotPath?: HotPath }).hotPath;
  server.on('request', hotPath ? (req: http.IncomingMessage, res: http.ServerResponse) => hotPath(req, res) || app(req, res) : app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let closed: Promise<void> | undefined;
  const close = (graceMs = settings.shutdownGraceMs): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing = true;
      const forceTimer = setTimeout(() => server.closeAllConnections(), graceMs);
      forceTimer.unref();
      server.close(() => {
        clearTimeout(forceTimer);
        resolve();
      });
      for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
      server.closeIdleConnections();
    });
    return closed;
  };

  return { url: urlOf(server.address() as AddressInfo), server, close };
}
