// The in-process caches a sync makes stale — the HTTP API keeps resolved `latest`/`previous`
// pairs and rendered bodies. Each context owns one set; an app adds its caches when it is built,
// and the `invalidateCaches` after-sync step empties them all. Held weakly, so tests that build
// many apps on one context do not keep them alive.
import type { AfterSyncStep } from './context.ts';

export interface Invalidatable {
  invalidate(): void;
}

export class CacheSet {
  readonly #members = new Set<WeakRef<Invalidatable>>();

  add(cache: Invalidatable): void {
    this.#members.add(new WeakRef(cache));
  }

  invalidateAll(): void {
    for (const ref of this.#members) {
      const cache = ref.deref();
      if (cache) cache.invalidate();
      else this.#members.delete(ref);
    }
  }
}

export const invalidateCaches: AfterSyncStep = async (ctx) => ctx.caches.invalidateAll();
