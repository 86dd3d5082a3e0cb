// The express app: security headers, rate limit, body limit, the API routes, the web page, then
// JSON for unknown routes and for every error. Route handlers only validate, call a service and
// return data; everything cross-cutting lives here, once.
import express from 'express';
import type { ServiceContext } from '../services/context.ts';
import { bodyLimit, DEFAULT_BODY_LIMIT_BYTES } from './body-limit.ts';
import { createDiffHotPath, type HotPath } from './hot-diff-path.ts';
import { errorMiddleware, unknownRouteMiddleware } from './http-errors.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions, rateLimiter } from './rate-limit.ts';
import type { AppMount, RouteModule } from './route-module.ts';
import { builtInRoutes } from './routes/index.ts';
import { securityHeaders } from './security-headers.ts';
import { type ApiToolkit, createToolkit, type ToolkitOptions } from './toolkit.ts';
import { mountWebPage } from './web-assets.ts';

export interface AppOptions {
  /** Extra resources (links, changelog, jobs…), registered after the built-in ones. */
  routes?: RouteModule[];
  /** Raw mounts (the MCP endpoint), added after the guards and before the API's body limit and routes. */
  mounts?: AppMount[];
  /** Per-client token bucket; `false` turns it off (benchmarks of the server alone). */
  rateLimit?: RateLimitOptions | false;
  /**
   * express's `trust proxy`: which proxies' X-Forwarded-For to believe when identifying a client.
   * Off by default — behind a proxy, set the hop count (1) or the proxy's addresses.
   */
  trustProxy?: boolean | number | string | string[];
  bodyLimitBytes?: number;
  /** Serve the web page (on by default). */
  web?: boolean;
  caches?: ToolkitOptions;
  /** Answer cached GET /diff before express runs (on by default; see hot-diff-path.ts). */
  hotPath?: boolean;
}

export interface DocdeltaApp extends express.Express {
  /**
   * toolkit: the shared caches, so a sync outside HTTP can invalidate them. hotPath: tried by
   * startHttpServer before the app for each request.
   */
  locals: express.Express['locals'] & { toolkit: ApiToolkit; hotPath?: HotPath };
}

export function createApp(ctx: ServiceContext, options: AppOptions = {}): DocdeltaApp {
  const app = express() as DocdeltaApp;
  // "simple" = node:querystring: `a[b]=` stays a literal key and repeats become arrays, both of
  // which parseQuery refuses; the extended parser would build nested objects from them.
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  app.disable('x-powered-by');

  const toolkit = createToolkit(ctx, options.caches);
  app.locals.toolkit = toolkit;
  // A sync anywhere in this process (cron, the CLI's serve --sync) can move `latest`: the context's
  // invalidateCaches step empties this toolkit's caches.
  ctx.caches.add(toolkit);

  // One instance of each guard, shared with the hot path so a client has one budget.
  const guards = [securityHeaders()] as express.RequestHandler[];
  const limit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  if (limit) guards.push(rateLimiter({ skip: (req) => req.path === '/healthz', ...limit }));
  app.use(guards);
  if (options.hotPath ?? true) app.locals.hotPath = createDiffHotPath(app, toolkit, guards);
  // Mounts (MCP) parse and bound their own bodies and answer in their own protocol (a 413 on /mcp
  // is a JSON-RPC error), so they come before the API's body limit.
  for (const mount of options.mounts ?? []) mount(app);
  app.use(bodyLimit(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES));

  const router = express.Router();
  for (const register of [...builtInRoutes, ...(options.routes ?? [])]) register(router, ctx, toolkit);
  app.use(router);
  if (options.web ?? true) mountWebPage(app);

  app.use(unknownRouteMiddleware());
  app.use(errorMiddleware(ctx.logger));
  return app;
}
