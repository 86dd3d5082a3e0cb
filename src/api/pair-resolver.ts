// Turning `package, from, to` into version rows costs a few queries; a hot diff URL should cost
// none. Resolutions are kept briefly (a sync in another replica shows up within the TTL) and
// dropped at once when this process syncs. Concurrent lookups of one key share one query.
import type { ServiceContext } from '../services/context.ts';
import { type ResolvedPair, resolvePair } from '../services/version-diff.ts';

export interface PairRequest {
  package?: string | undefined;
  from: string;
  to: string;
}

export interface PairResolverOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

const keyOf = (request: PairRequest) => `${request.package ?? ''}\u0000${request.from}\u0000${request.to}`;

export class PairResolver {
  readonly #ctx: ServiceContext;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, { pair: Promise<ResolvedPair>; settled?: ResolvedPair; expiresAt: number }>();

  constructor(ctx: ServiceContext, options: PairResolverOptions = {}) {
    this.#ctx = ctx;
    this.#ttlMs = options.ttlMs ?? 10_000;
    this.#maxEntries = options.maxEntries ?? 2_000;
    this.#now = options.now ?? Date.now;
  }

  resolve(request: PairRequest): Promise<ResolvedPair> {
    const key = keyOf(request);
    const now = this.#now();
    const cached = this.#entries.get(key);
    if (cached && cached.expiresAt > now) return cached.pair;
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    const pair = resolvePair(this.#ctx, { package: request.package ?? null, from: request.from, to: request.to });
    const entry: { pair: Promise<ResolvedPair>; settled?: ResolvedPair; expiresAt: number } = { pair, expiresAt: now + this.#ttlMs };
    this.#entries.set(key, entry);
    pair.then(
      (resolved) => {
        entry.settled = resolved;
      },
      // Failures (unknown version, database down) are not remembered: the next request asks again.
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return pair;
  }

  /** A resolution that is already known and fresh, without waiting; undefined otherwise. */
  peek(request: PairRequest): ResolvedPair | undefined {
    const cached = this.#entries.get(keyOf(request));
    return cached && cached.expiresAt > this.#now() ? cached.settled : undefined;
  }

  invalidate(): void {
    this.#entries.clear();
  }
}
