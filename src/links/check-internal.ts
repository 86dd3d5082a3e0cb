// The `to` docs' own broken links, each with a fix: through the route map when the target worked in
// `from` (an author who missed a move), else the nearest existing route.
import type { BrokenLink } from './broken-link.ts';
import { type CheckedLink, isBroken } from './check-version.ts';
import { resolveTarget } from './resolve-link.ts';
import { type FixContext, followThroughMap, nearestRoute } from './suggest-fix.ts';

function routeOf(link: CheckedLink): string {
  if (link.parsed.kind === 'route' || link.parsed.kind === 'asset') return link.parsed.route;
  if (link.parsed.kind === 'file') return link.parsed.path;
  return link.target;
}

export function internalBrokenLinks(checked: readonly CheckedLink[], context: FixContext): BrokenLink[] {
  const out: BrokenLink[] = [];
  for (const link of checked) {
    if (!isBroken(link)) continue;
    const route = routeOf(link);
    const before = resolveTarget(context.from, link.parsed, context.conventions);
    const fix = before?.ok ? followThroughMap(before, route, context) : nearestRoute(link.resolution, route, context.to);
    out.push({
      scope: 'internal',
      file: link.file,
      line: link.line,
      alsoAt: 0,
      target: link.target,
      kind: link.kind,
      code: link.resolution.code,
      reason: link.resolution.message,
      fix,
    });
  }
  return out;
}
