// The one convention every HTTP resource follows, so adding /links, /changelog or /jobs is one
// module plus one line in the list given to createApp.
import type express from 'express';
import type { ServiceContext } from '../services/context.ts';
import type { ApiToolkit } from './toolkit.ts';

/**
 * Registers one resource's routes on the API router. Handlers validate input (see `parseQuery`),
 * call a service verb and return plain data; throwing a DocdeltaError (or any error) is fine — the
 * shared error middleware turns it into `{code, message}` with the right status.
 *
 * The third argument carries shared HTTP helpers (cached version resolution, the response cache,
 * conditional GET); route modules that need none of it can ignore it.
 */
export type RouteModule = (router: express.Router, ctx: ServiceContext, api: ApiToolkit) => void;

/** Raw access to the express app, for things that are not a resource (the MCP endpoint). */
export type AppMount = (app: express.Express) => void;
