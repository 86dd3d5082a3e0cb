// The diff what_changed describes: a resolved pair (defaults: the one tracked package, `previous` →
// `latest`), narrowed to a path given relative to the package root or to the docs root.
import { filterChanges } from '../../diff/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import { diffPair, type ResolvedPair, resolvePair } from '../../services/version-diff.ts';
import type { VersionDiff } from '../../types.ts';
import { candidatePaths, type PathView, pathView } from '../format/display-paths.ts';

export interface DiffViewRequest {
  package?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  path?: string | undefined;
}

export interface DiffView {
  pair: ResolvedPair;
  /** Narrowed to `path` when one was given. */
  diff: VersionDiff;
  /** The whole pair's diff, for pointing at where changes are when `path` matched nothing. */
  whole: VersionDiff;
  /** The pattern that was applied (package-root relative), or null for the whole pair. */
  path: string | null;
  paths: PathView;
}

export async function loadDiffView(ctx: ServiceContext, request: DiffViewRequest): Promise<DiffView> {
  const pair = await resolvePair(ctx, { package: request.package, from: request.from ?? 'previous', to: request.to ?? 'latest' });
  const whole = await diffPair(ctx, pair);
  const paths = pathView([pair.from.docsRoot, pair.to.docsRoot]);
  if (!request.path) return { pair, diff: whole, whole, path: null, paths };
  const candidates = candidatePaths(request.path, paths.root);
  for (const candidate of candidates) {
    const narrowed = filterChanges(whole, candidate);
    if (narrowed.files.length > 0) return { pair, diff: narrowed, whole, path: candidate, paths };
  }
  return { pair, diff: filterChanges(whole, candidates[0]!), whole, path: candidates[0]!, paths };
}
