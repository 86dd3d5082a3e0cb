// The cross-version check: every target the `from` docs link to that worked in `from` and fails in `to`,
// once per target, with where it was used and what it should become.
import type { BrokenLink } from './broken-link.ts';
import type { CheckedLink } from './check-version.ts';
import { type Resolution, resolveRoute } from './resolve-link.ts';
import { type FixContext, followThroughMap, joinRoute } from './suggest-fix.ts';

/** The target as a docs route with its anchor, whatever way the `from` page wrote it. */
function canonicalTarget(link: CheckedLink, located: Extract<Resolution, { ok: true }>): { route: string; anchor: string | null } | null {
  if (link.parsed.kind === 'route') return { route: link.parsed.route, anchor: link.parsed.anchor };
  if (link.parsed.kind === 'file' && located.page !== null) return { route: joinRoute(located.page, located.section), anchor: link.parsed.anchor };
  return null;
}

export function upgradeBrokenLinks(fromChecked: readonly CheckedLink[], context: FixContext): BrokenLink[] {
  const groups = new Map<string, { link: CheckedLink; located: Extract<Resolution, { ok: true }>; route: string; anchor: string | null; uses: number }>();
  for (const link of fromChecked) {
    if (link.metadata || link.resolution === null || !link.resolution.ok) continue;
    const canonical = canonicalTarget(link, link.resolution);
    if (!canonical) continue;
    const key = `${canonical.route}#${canonical.anchor ?? ''}`;
    const group = groups.get(key);
    if (group) group.uses++;
    else groups.set(key, { link, located: link.resolution, ...canonical, uses: 1 });
  }
  const out: BrokenLink[] = [];
  for (const group of groups.values()) {
    const after = resolveRoute(context.to, group.route, group.anchor, context.conventions);
    if (after.ok) continue;
    out.push({
      scope: 'upgrade',
      file: group.link.file,
      line: group.link.line,
      alsoAt: group.uses - 1,
      target: `${group.route}${group.anchor ? `#${group.anchor}` : ''}`,
      kind: group.link.kind,
      code: after.code,
      reason: after.message,
      fix: followThroughMap(group.located, group.route, context),
    });
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}
