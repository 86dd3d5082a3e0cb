// A token bucket per client address, in memory. The address is express's `req.ip`, which honours
// X-Forwarded-For only when the app's `trust proxy` setting says which proxies to believe — so a
// flood with forged headers is still counted against the real peer.
import type express from 'express';
import { HttpError } from './http-errors.ts';

export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  burst: number;
  /** Sustained requests per second per client. */
  perSecond: number;
  /** Bound on remembered clients, so a spray of addresses cannot grow memory without limit. */
  maxClients?: number;
  now?: () => number;
  /** Requests that are never counted (health probes). */
  skip?: (req: express.Request) => boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 300, perSecond: 100 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function rateLimiter(options: RateLimitOptions): express.RequestHandler {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, Bucket>();
  const refillMs = (options.burst / options.perSecond) * 1000;

  function forgetIdleClients(at: number): void {
    for (const [key, bucket] of buckets) if (at - bucket.updatedAt >= refillMs) buckets.delete(key);
    // Everyone is active: drop the oldest half rather than refuse new clients.
    if (buckets.size >= maxClients) {
      let drop = Math.ceil(buckets.size / 2);
      for (const key of buckets.keys()) {
        if (drop-- <= 0) break;
        buckets.delete(key);
      }
    }
  }

  return (req, res, next) => {
    if (options.skip?.(req)) {
      next();
      return;
    }
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const at = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxClients) forgetIdleClients(at);
      bucket = { tokens: options.burst, updatedAt: at };
      buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((at - bucket.updatedAt) / 1000) * options.perSecond);
      bucket.updatedAt = at;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    res.setHeader('Retry-After', String(retryAfter));
    next(new HttpError(429, 'RATE_LIMITED', `too many requests; retry in ${retryAfter} s`, { 'Retry-After': String(retryAfter) }));
  };
}
