// Checks every /mcp request passes before a session or a tool sees it, in this order:
// 1. DNS rebinding: the Host header must name this server and an Origin header, when a browser
//    sends one, must be an allowed origin — on every bind, not only loopback (403);
// 2. the bearer token, when /mcp is reachable beyond loopback (401) — sessions are not
//    authentication, so this runs on every request, not only on initialize;
// 3. the MCP-Protocol-Version header, when present, must be one the SDK speaks (400).
import crypto from 'node:crypto';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Config } from '../../config.ts';
import { sendJsonRpcError } from './json-rpc-error.ts';

export interface GuardOptions {
  /** Hostnames without port; IPv6 in brackets (`[::1]`). */
  allowedHosts: readonly string[];
  /** Full origins (`https://docs.example.com`, `http://localhost:3000`). */
  allowedOrigins: readonly string[];
  apiToken?: string | undefined;
  requireToken: boolean;
}

function hostnameOf(hostHeader: string): string | null {
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function originOf(header: string): string | null {
  try {
    const url = new URL(header);
    return url.origin === 'null' ? null : url.origin.toLowerCase();
  } catch {
    return null;
  }
}

/** Compares digests so the time taken says nothing about how much of the token matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

export function requestGuard(options: GuardOptions): RequestHandler {
  const hosts = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
  const origins = new Set(options.allowedOrigins.map((origin) => originOf(origin)).filter((origin): origin is string => origin !== null));
  return (req: Request, res: Response, next: NextFunction) => {
    const hostname = hostnameOf(req.headers.host ?? '');
    if (!hostname || !hosts.has(hostname)) {
      sendJsonRpcError(res, 403, 'Forbidden: this Host is not allowed (DNS rebinding protection)');
      return;
    }
    const originHeader = req.headers.origin;
    if (originHeader !== undefined) {
      const origin = originOf(originHeader);
      if (!origin || !origins.has(origin)) {
        sendJsonRpcError(res, 403, 'Forbidden: this Origin is not allowed (DNS rebinding protection)');
        return;
      }
    }
    if (options.requireToken) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!options.apiToken || !match || !sameSecret(match[1]!, options.apiToken)) {
        sendJsonRpcError(res, 401, 'Unauthorized: send Authorization: Bearer <API_TOKEN>', { 'WWW-Authenticate': 'Bearer' });
        return;
      }
    }
    const version = req.headers['mcp-protocol-version'];
    if (version !== undefined && (Array.isArray(version) || !SUPPORTED_PROTOCOL_VERSIONS.includes(version))) {
      sendJsonRpcError(res, 400, `Bad Request: unsupported MCP-Protocol-Version; supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}`);
      return;
    }
    next();
  };
}

// The /mcp guard settings that follow from the configuration: which Host and Origin headers name
// this server, and whether a bearer token is needed (yes, whenever HOST is not a loopback address).
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** URL-style host: IPv6 addresses in brackets. */
function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host.toLowerCase();
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

const isWildcard = (host: string) => ['0.0.0.0', '::', '[::]', ''].includes(host.trim());

/** `bind` is where serve really listens when `--host`/`--port` override the configuration. */
export function mcpHttpOptionsFor(config: Config, bind: { host?: string; port?: number } = {}): GuardOptions {
  const host = bind.host ?? config.host;
  const port = bind.port ?? config.port;
  const hosts = new Set(LOOPBACK_NAMES);
  const origins = new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
  if (!isWildcard(host)) {
    hosts.add(urlHost(host));
    origins.add(`http://${urlHost(host)}:${port}`);
  }
  const publicUrl = new URL(config.publicBaseUrl);
  hosts.add(publicUrl.hostname.toLowerCase());
  origins.add(publicUrl.origin);
  return {
    allowedHosts: [...hosts],
    allowedOrigins: [...origins],
    apiToken: config.apiToken,
    requireToken: !isLoopbackHost(host),
  };
}
