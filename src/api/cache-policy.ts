// How long a client may reuse a diff response. Two named versions of a named package never change
// (a version is written once, whole), so such URLs are cacheable for a day and revalidate by ETag.
// `latest` / `previous` move on every sync, and a URL without `package` would change meaning once a
// second package is tracked, so those are always revalidated (cheap: a 304 costs no database work).
import type { PairRequest } from './pair-resolver.ts';

const SHORTCUTS = new Set(['latest', 'previous']);

export const STABLE_PAIR_CACHE_CONTROL = 'public, max-age=86400';
export const MOVING_PAIR_CACHE_CONTROL = 'no-cache';

export function isStablePairRequest(request: PairRequest): boolean {
  return Boolean(request.package) && !SHORTCUTS.has(request.from) && !SHORTCUTS.has(request.to);
}

export function cacheControlFor(request: PairRequest): string {
  return isStablePairRequest(request) ? STABLE_PAIR_CACHE_CONTROL : MOVING_PAIR_CACHE_CONTROL;
}
