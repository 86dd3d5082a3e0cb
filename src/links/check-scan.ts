// Each docs link found in an outside folder, checked against `to`: does it break, and what replaces it —
// written the way the app wrote it (absolute URL or root-relative path).
import type { BrokenLink } from './broken-link.ts';
import { basePathOf, type LinkConventions } from './conventions.ts';
import { parseLinkTarget } from './link-target.ts';
import { type BrokenCode, resolveTarget } from './resolve-link.ts';
import type { FoundAppLink } from './scan-text.ts';
import { type Fix, type FixContext, followThroughMap, nearestRoute } from './suggest-fix.ts';

export interface ScanHit {
  file: string;
  line: number;
  column: number;
  target: string;
  form: FoundAppLink['form'];
  /** The docs route it names (with section segments). */
  route: string;
  breaks: boolean;
  /**
   * ok: works in `to`. Worked in `from` but not in `to`: moved / removed (its page did), changed (the page
   * is there, the section or anchor is not). broken: works in neither.
   */
  status: 'ok' | 'moved' | 'removed' | 'changed' | 'broken';
  code: BrokenCode | null;
  reason: string | null;
  replacement: string | null;
  fix: Fix | null;
}

/** The fix written in the link's own form: `https://host/docs/new` or `/docs/new`. */
function written(fix: Fix, form: FoundAppLink['form'], target: string, baseUrl: string | null): string {
  const basePath = basePathOf(baseUrl);
  const path = `${basePath}${fix.target === '/' && basePath !== '' ? '' : fix.target}`;
  return form === 'absolute' ? `${new URL(target).origin}${path}` : path;
}

export function checkScanLinks(found: ReadonlyArray<FoundAppLink & { file: string }>, context: FixContext, conventions: LinkConventions, baseUrl: string | null): ScanHit[] {
  const hits: ScanHit[] = [];
  for (const link of found) {
    const parsed = parseLinkTarget(link.target, { sourcePath: null, sourceRoute: null, baseUrl, rootRelativeTo: 'host' });
    if (parsed.kind !== 'route' && parsed.kind !== 'asset') continue;
    const route = parsed.route;
    const after = resolveTarget(context.to, parsed, conventions);
    const base = { file: link.file, line: link.line, column: link.column, target: link.target, form: link.form, route };
    if (!after || after.ok) {
      hits.push({ ...base, breaks: false, status: 'ok', code: null, reason: null, replacement: null, fix: null });
      continue;
    }
    const before = resolveTarget(context.from, parsed, conventions);
    const fix = before?.ok ? followThroughMap(before, route, context) : nearestRoute(after, route, context.to);
    const entry = before?.ok && before.page !== null ? context.routeMap.get(before.page) : undefined;
    const status = !before?.ok ? 'broken' : entry?.status === 'removed' ? 'removed' : entry?.status === 'moved' ? 'moved' : 'changed';
    hits.push({ ...base, breaks: true, status, code: after.code, reason: after.message, replacement: fix ? written(fix, link.form, link.target, baseUrl) : null, fix });
  }
  return hits;
}

export function scanBrokenLinks(hits: readonly ScanHit[]): BrokenLink[] {
  return hits
    .filter((hit) => hit.breaks)
    .map((hit) => ({
      scope: 'scan' as const,
      file: hit.file,
      line: hit.line,
      alsoAt: 0,
      target: hit.target,
      kind: 'app' as const,
      code: hit.code ?? 'no-page',
      reason: hit.reason ?? 'does not resolve',
      fix: hit.fix && hit.replacement ? { ...hit.fix, target: hit.replacement } : hit.fix,
    }));
}
