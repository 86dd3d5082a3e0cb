// The one place errors become HTTP responses: a DocdeltaError code maps to a status, transport-level
// failures (auth, rate limit, body size) carry their own, and the body is `{code, message}` — or,
// for a browser's page load (Accept prefers text/html), the same message as a small HTML page;
// never a stack trace.
import type express from 'express';
import { DocdeltaError, type ErrorCode, toDocdeltaError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { errorPageHtml, prefersHtml } from './error-page.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  UPSTREAM: 502,
  INTEGRITY: 502,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Failures that belong to HTTP itself rather than to a service; they never leave src/api. */
export type HttpErrorCode =
  | 'UNAUTHORIZED'
  | 'NOT_CONFIGURED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE'
  | 'METHOD_NOT_ALLOWED';

export class HttpError extends Error {
  readonly status: number;
  readonly code: HttpErrorCode;
  readonly headers: Record<string, string>;

  constructor(status: number, code: HttpErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export interface ErrorBody {
  code: string;
  message: string;
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** Unexpected errors are logged with their cause; expected ones are not noise. */
  unexpected: boolean;
}

/** body-parser and the router flag their errors with `type` / `status`; those are the client's fault. */
function clientErrorOf(error: unknown): { status: number; type?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { status?: unknown; statusCode?: unknown; type?: unknown; expose?: unknown };
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return { status, type: typeof candidate.type === 'string' ? candidate.type : undefined };
}

export function mapError(error: unknown): MappedError {
  if (error instanceof DocdeltaError) {
    const status = STATUS_BY_CODE[error.code];
    const message = error.code === 'INTERNAL' ? 'internal error' : error.message;
    const headers: Record<string, string> = error.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(error.retryAfterSeconds) };
    return { status, body: { code: error.code, message }, headers, unexpected: error.code === 'INTERNAL' };
  }
  if (error instanceof HttpError) {
    return { status: error.status, body: { code: error.code, message: error.message }, headers: error.headers, unexpected: false };
  }
  const client = clientErrorOf(error);
  if (client) {
    if (client.status === 413 || client.type === 'entity.too.large') {
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'request body too large' }, headers: {}, unexpected: false };
    }
    if (client.type === 'entity.parse.failed') {
      return { status: 400, body: { code: 'INVALID_INPUT', message: 'request body is not valid JSON' }, headers: {}, unexpected: false };
    }
    if (client.type === 'encoding.unsupported' || client.type === 'charset.unsupported') {
      return { status: 415, body: { code: 'INVALID_INPUT', message: 'unsupported request body encoding' }, headers: {}, unexpected: false };
    }
    if (client.status === 404) return { status: 404, body: { code: 'NOT_FOUND', message: 'not found' }, headers: {}, unexpected: false };
    return { status: client.status, body: { code: 'INVALID_INPUT', message: 'bad request' }, headers: {}, unexpected: false };
  }
  const known = toDocdeltaError(error);
  if (known.code !== 'INTERNAL') return { ...mapError(known), unexpected: true };
  return { status: 500, body: { code: 'INTERNAL', message: 'internal error' }, headers: {}, unexpected: true };
}

/** Writes an error as JSON; other route modules (links, changelog, jobs, MCP glue) reuse it. */
export function sendError(res: express.Response, error: unknown, logger?: Logger): void {
  const mapped = mapError(error);
  if (mapped.unexpected) {
    const cause = error instanceof DocdeltaError ? error.cause : error;
    logger?.error('unexpected error in an HTTP handler', { stack: (cause as Error)?.stack ?? String(cause) });
  }
  if (res.headersSent) {
    // Half a response cannot be repaired; cut the connection so the client sees a failure.
    res.destroy();
    return;
  }
  writeErrorBody(res, mapped.status, mapped.body, mapped.headers);
}

// Written directly rather than with res.json: an error must carry no ETag and no cache lifetime.
function writeErrorBody(res: express.Response, status: number, body: ErrorBody, headers: Record<string, string>): void {
  const html = prefersHtml(res.req);
  const payload = html ? errorPageHtml(status, body) : JSON.stringify(body);
  res.removeHeader('ETag');
  res.vary('Accept');
  res.status(status).set(headers).set({
    'Content-Type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(payload)),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

/** The last middleware of the app. Express 5 forwards rejected promises from handlers here. */
export function errorMiddleware(logger: Logger): express.ErrorRequestHandler {
  return (error, _req, res, _next) => sendError(res, error, logger);
}

export function unknownRouteMiddleware(): express.RequestHandler {
  return (req, res) => {
    writeErrorBody(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${req.path.slice(0, 200)}` }, {});
  };
}
