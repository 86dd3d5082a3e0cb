// MCP over Streamable HTTP at /mcp of `docdelta serve`: POST for messages, GET for the server's
// event stream, DELETE to end a session. Each session gets its own transport and McpServer; the
// request guard runs first on every request (see request-guard.ts).
import crypto from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { ConfigError } from '../../config.ts';
import type { ServiceContext } from '../../services/context.ts';
import { createMcpServer } from '../server.ts';
import { sendJsonRpcError } from './json-rpc-error.ts';
import { type GuardOptions, requestGuard } from './request-guard.ts';
import { SessionRegistry } from './session-registry.ts';

export const MCP_PATH = '/mcp';

export interface MountMcpOptions extends GuardOptions {
  /** Concurrent sessions in all (see session-registry.ts for who gives way when full). Default 100. */
  maxSessions?: number;
  /** Concurrent sessions of one client (address); its next initialize ends its oldest. Default 8. */
  maxSessionsPerClient?: number;
  /** A session unused this long is closed. Default 30 minutes. */
  sessionIdleMs?: number;
  /** Largest POST body. Tool arguments are small; default 1 MiB. */
  maxBodyBytes?: number;
}

export interface McpHttpHandle {
  /** Live sessions, for health output and tests. */
  sessions(): number;
  /** Ends every session (and its open event streams); call on shutdown before closing the server. */
  close(): Promise<void>;
}

const DEFAULTS = { maxSessions: 100, maxSessionsPerClient: 8, sessionIdleMs: 30 * 60_000, maxBodyBytes: 1024 * 1024 };

const sessionIdOf = (req: Request): string | undefined => {
  const header = req.headers['mcp-session-id'];
  return typeof header === 'string' && header.length > 0 ? header : undefined;
};

/** The client's address; behind a proxy, what express's `trust proxy` setting makes of X-Forwarded-For. */
const clientOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

const isInitialize = (body: unknown) => (Array.isArray(body) ? body.some(isInitializeRequest) : isInitializeRequest(body));

/** Body parser failures (too large, not JSON) answered as JSON-RPC errors, never as an HTML page. */
const bodyErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  if (error?.type === 'entity.too.large') return sendJsonRpcError(res, 413, 'Request body too large');
  if (error?.type === 'entity.parse.failed') return sendJsonRpcError(res, 400, 'Parse error: invalid JSON');
  if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) return sendJsonRpcError(res, error.status, 'Bad request');
  next(error);
};

export function mountMcp(app: Express, ctx: ServiceContext, options: MountMcpOptions): McpHttpHandle {
  if (options.requireToken && !options.apiToken) {
    throw new ConfigError('API_TOKEN must be set (16+ characters) to serve /mcp beyond loopback: sessions are not authentication');
  }
  const limits = { ...DEFAULTS, ...definedOnly(options) };
  const registry = new SessionRegistry({ maxSessions: limits.maxSessions, maxPerClient: limits.maxSessionsPerClient, idleMs: limits.sessionIdleMs });

  async function startSession(req: Request, res: Response): Promise<void> {
    const client = clientOf(req);
    if (!(await registry.admit(client))) {
      sendJsonRpcError(res, 503, 'Too many MCP sessions; try again later', { 'Retry-After': '60' });
      return;
    }
    const server = createMcpServer(ctx);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      onsessioninitialized: (id) => registry.add(id, { transport, server, client }),
      onsessionclosed: (id) => registry.forget(id),
      maxRequestBodySize: limits.maxBodyBytes,
    });
    transport.onclose = () => {
      if (transport.sessionId) registry.forget(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
    // An initialize the transport refused leaves no session behind.
    if (!transport.sessionId) await server.close();
  }

  async function handle(req: Request, res: Response): Promise<void> {
    const id = sessionIdOf(req);
    if (id === undefined) {
      if (req.method === 'POST' && isInitialize(req.body)) return startSession(req, res);
      return sendJsonRpcError(res, 400, 'Bad Request: Mcp-Session-Id header is required (initialize first)');
    }
    const session = registry.touch(id);
    if (!session) return sendJsonRpcError(res, 404, 'Session not found: initialize a new session');
    await session.transport.handleRequest(req, res, req.body);
  }

  const router = express.Router();
  router.use(requestGuard(options));
  router.post('/', express.json({ limit: limits.maxBodyBytes }), bodyErrors);
  router.all('/', (req, res, next) => {
    if (!['GET', 'POST', 'DELETE'].includes(req.method)) {
      sendJsonRpcError(res, 405, 'Method not allowed', { Allow: 'GET, POST, DELETE' });
      return;
    }
    handle(req, res).catch((error: unknown) => {
      ctx.logger.error('MCP HTTP request failed', { message: (error as Error)?.message });
      if (!res.headersSent) sendJsonRpcError(res, 500, 'Internal error');
      else next(error);
    });
  });
  app.use(MCP_PATH, router);

  return {
    sessions: () => registry.size,
    close: () => registry.closeAll(),
  };
}

function definedOnly(options: MountMcpOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  if (options.maxSessions !== undefined) out.maxSessions = options.maxSessions;
  if (options.maxSessionsPerClient !== undefined) out.maxSessionsPerClient = options.maxSessionsPerClient;
  if (options.sessionIdleMs !== undefined) out.sessionIdleMs = options.sessionIdleMs;
  if (options.maxBodyBytes !== undefined) out.maxBodyBytes = options.maxBodyBytes;
  return out;
}
