// docdelta's HTTP interface: the express app, the server around it, and `runServe`, which the
// serve command (and the lead's wiring of MCP and the scheduler) builds on.
export { type AppOptions, createApp, type DocdeltaApp } from './app.ts';
export { requireBearerToken } from './bearer-auth.ts';
export { cacheControlFor } from './cache-policy.ts';
export { errorMiddleware, HttpError, mapError, sendError, STATUS_BY_CODE, unknownRouteMiddleware } from './http-errors.ts';
export { type HttpServerOptions, type RunningServer, startHttpServer } from './http-server.ts';
export { NO_PARAMETERS, packageParam, parseQuery, pathParam, versionParam } from './query.ts';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.ts';
export type { AppMount, RouteModule } from './route-module.ts';
export { runServe, type ServeHandle, type ServeOptions, type ShutdownHook } from './run-serve.ts';
export { onShutdownSignals } from './shutdown-signals.ts';
export { type ApiToolkit, pairKey } from './toolkit.ts';
export { diffPageUrl, fileAnchor } from './web-urls.ts';
