// The hot path for GET /diff. express's router, query getter and per-request setup cost more than
// everything else in a cached answer, so a request whose answer is already known — a fresh version
// resolution plus a cached body, or an ETag match — is written before express sees it. The same
// security headers and rate limit run first; anything else (a miss, a bad query, a limited client)
// falls through to the express app, which answers it the normal way.
import type http from 'node:http';
import querystring from 'node:querystring';
import type express from 'express';
import { cacheControlFor } from './cache-policy.ts';
import { parseQueryObject } from './query.ts';
import { diffQuery, diffResponseKey } from './routes/diff-route.ts';
import type { ApiToolkit } from './toolkit.ts';

export type HotPath = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

type SyncMiddleware = (req: express.Request, res: express.Response, next: (error?: unknown) => void) => void;

/** Runs middleware that complete synchronously; false when one fails or does not finish at once. */
function runSynchronously(middleware: SyncMiddleware[], req: express.Request, res: express.Response): boolean {
  for (const step of middleware) {
    let passed = false;
    step(req, res, (error) => {
      passed = error === undefined;
    });
    if (!passed) return false;
  }
  return true;
}

export function createDiffHotPath(app: express.Express, toolkit: ApiToolkit, guards: SyncMiddleware[]): HotPath {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (!url.startsWith('/diff?')) return false;
    let query;
    try {
      query = parseQueryObject(querystring.parse(url.slice('/diff?'.length)), diffQuery);
    } catch {
      return false;
    }
    const pair = toolkit.pairs.peek(query);
    if (!pair) return false;
    const write = toolkit.responses.ready(req, diffResponseKey(pair, query.format ?? 'json', query.path, query.w === '1'), cacheControlFor(query));
    if (!write) return false;
    // From here on the request is an express request as far as the guards can tell (req.ip
    // honours `trust proxy`); express itself does the same before its router runs.
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    (req as express.Request).res = res as express.Response;
    (res as express.Response).req = req as express.Request;
    if (!runSynchronously(guards, req as express.Request, res as express.Response)) return false;
    write(res);
    return true;
  };
}
