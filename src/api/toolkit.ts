// Shared HTTP helpers handed to every route module: cached version-pair resolution, the response
// cache with conditional GET, and one switch that forgets what a sync may have changed.
import type { ServiceContext } from '../services/context.ts';
import type { ResolvedPair } from '../services/version-diff.ts';
import { ResponseCache, type ResponseCacheOptions } from './cached-response.ts';
import { PairResolver, type PairResolverOptions, type PairRequest } from './pair-resolver.ts';

export interface ApiToolkit {
  pairs: PairResolver;
  responses: ResponseCache;
  /** Forgets cached version resolutions (`latest` may have moved); serialized pairs stay valid. */
  invalidate(): void;
  /** Aborted when the server shuts down: long work started by a request (POST /sync) stops with it. */
  stopping: AbortSignal;
  /** Called by the shutdown; aborts `stopping`. */
  stop(): void;
}

export interface ToolkitOptions {
  resolution?: PairResolverOptions;
  responses?: ResponseCacheOptions;
}

export function createToolkit(ctx: ServiceContext, options: ToolkitOptions = {}): ApiToolkit {
  const pairs = new PairResolver(ctx, options.resolution);
  const responses = new ResponseCache(options.responses);
  const stopping = new AbortController();
  return { pairs, responses, invalidate: () => pairs.invalidate(), stopping: stopping.signal, stop: () => stopping.abort(new Error('server shutting down')) };
}

/**
 * The part of a response key that names a resolved pair: ids as well as names, so a version that
 * was deleted and ingested again never matches the old cached body.
 */
export function pairKey(pair: ResolvedPair): string {
  return `${pair.pkg.name}#${pair.pkg.id}\u0000${pair.from.version}#${pair.from.id}\u0000${pair.to.version}#${pair.to.id}`;
}

export type { PairRequest };
