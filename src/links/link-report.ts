// The answer to "we upgrade from A to B: which links break, and where did each page go?" — one object
// for the CLI, the API, MCP and the digest.
import type { PairAnalysis, RouteMapEntry } from './route-map.ts';
import { type BrokenLink, internalBrokenLinks, upgradeBrokenLinks, type CheckedLink, checkVersionLinks, isBroken } from './link-checks.ts';
import { checkScanLinks, scanBrokenLinks, type ScanHit, type FoundAppLink, type WalkStats } from './app-scan.ts';
import type { LinkConventions } from './conventions.ts';
import { planRedirects, type RedirectPlan, oneLine } from './redirects.ts';
import { pageAt } from './route-index.ts';
import type { VersionDocs } from './version-docs.ts';
import { type LinkWarning, linkWarnings } from './report-warnings.ts';

/** Bump when the report would differ for the same input, so cached reports are rebuilt. */
export const LINK_REPORT_VERSION = 'links/1';

export interface LinkCounts {
  /** Every link written in the version's pages and navigation files. */
  total: number;
  /** Links into the docs (routes, sections, anchors, relative files) that were resolved. */
  checked: number;
  broken: number;
  /** Other sites, mail, templates: not ours to check. */
  external: number;
  /** Links to files or paths outside the tracked docs (`../readme.md` from a docs folder): not broken, not checked. */
  outside: number;
  /** `url:` values in frontmatter metadata that name no existing route (see `notes`). */
  staleMetadata: number;
}

export interface ScanReport {
  dir: string;
  baseUrl: string | null;
  stats: WalkStats;
  /** Every docs link found, working or not. */
  hits: ScanHit[];
}

export interface LinkReport {
  package: string;
  from: string;
  to: string;
  conventions: LinkConventions;
  counts: {
    pages: { from: number; to: number };
    routes: { same: number; moved: number; inferred: number; removed: number };
    links: { from: LinkCounts; to: LinkCounts };
    /** `broken.length`: what the exit code and the digest count. */
    broken: number;
    internal: number;
    upgrade: number;
    scan: number | null;
  };
  /** Every page route of `from`, and where it went. */
  routes: RouteMapEntry[];
  redirects: RedirectPlan;
  /** Links in the `to` docs that do not resolve in `to`. */
  internal: BrokenLink[];
  /** Targets the `from` docs linked to that worked in `from` and fail in `to`. */
  upgrade: BrokenLink[];
  scan: ScanReport | null;
  /**
   * What the question asked about: the scanned folder's broken links when scanning, else the docs'
   * own (`internal`) and what the upgrade breaks (`upgrade`).
   */
  broken: BrokenLink[];
  notes: {
    /** Frontmatter metadata URLs that name no route: descriptions of the page, not links; a sample. */
    staleMetadata: Array<{ file: string; line: number; target: string }>;
  };
  /** Why the report may not be the all-clear it looks like (no pages, a route scheme that matches nothing). */
  warnings: LinkWarning[];
}

function countLinks(links: readonly CheckedLink[]): LinkCounts {
  let checked = 0;
  let broken = 0;
  let external = 0;
  let outside = 0;
  let staleMetadata = 0;
  for (const link of links) {
    if (link.resolution === null && (link.parsed.kind === 'file' || link.parsed.kind === 'route' || (link.parsed.kind === 'ignored' && link.parsed.reason === 'outside-docs'))) outside++;
    else if (link.resolution === null) external++;
    else if (link.metadata && !link.resolution.ok) staleMetadata++;
    else checked++;
    if (isBroken(link)) broken++;
  }
  return { total: links.length, checked, broken, external, outside, staleMetadata };
}

/** Section routes the upgrade check saw move with their page, so redirects can cover them too. */
function sectionMoves(upgrade: readonly BrokenLink[], analysis: PairAnalysis): Array<{ from: string; to: string; note: string | null }> {
  const out: Array<{ from: string; to: string; note: string | null }> = [];
  for (const broken of upgrade) {
    if (!broken.fix || (broken.fix.kind !== 'moved' && broken.fix.kind !== 'moved-inferred')) continue;
    const from = broken.target.split('#', 1)[0]!;
    const to = broken.fix.target.split('#', 1)[0]!;
    if (from !== to && !pageAt(analysis.fromIndex, from)) out.push({ from, to, note: broken.fix.note ? `section route: ${broken.fix.note}` : null });
  }
  return out;
}

export interface ReportInput {
  package: string;
  conventions: LinkConventions;
  analysis: PairAnalysis;
  docs: { from: VersionDocs; to: VersionDocs };
  scan?: { dir: string; baseUrl: string | null; stats: WalkStats; found: Array<FoundAppLink & { file: string }> };
}

const STALE_SAMPLE = 20;

export function buildLinkReport(input: ReportInput): LinkReport {
  const { analysis, conventions } = input;
  const fromLinks = checkVersionLinks(input.docs.from, analysis.fromIndex, conventions);
  const toLinks = checkVersionLinks(input.docs.to, analysis.toIndex, conventions);
  const internal = internalBrokenLinks(toLinks, analysis.fixes);
  const upgrade = upgradeBrokenLinks(fromLinks, analysis.fixes);
  const redirects = planRedirects({ routeMap: analysis.routeMap, moves: analysis.moves, to: analysis.toIndex, sectionMoves: sectionMoves(upgrade, analysis) });
  const scanHits = input.scan ? checkScanLinks(input.scan.found, analysis.fixes, conventions, input.scan.baseUrl) : null;
  const scanBroken = scanHits ? scanBrokenLinks(scanHits) : null;
  const broken = scanBroken ?? [...internal, ...upgrade];
  const fromCounts = countLinks(fromLinks);
  const toCounts = countLinks(toLinks);
  const status = (name: RouteMapEntry['status']) => analysis.routeMap.filter((entry) => entry.status === name).length;
  return {
    package: input.package,
    from: analysis.fromIndex.version,
    to: analysis.toIndex.version,
    conventions,
    counts: {
      pages: { from: analysis.fromIndex.pages.size, to: analysis.toIndex.pages.size },
      routes: { same: status('same'), moved: status('moved'), inferred: analysis.routeMap.filter((entry) => entry.inferred).length, removed: status('removed') },
      links: { from: fromCounts, to: toCounts },
      broken: broken.length,
      internal: internal.length,
      upgrade: upgrade.length,
      scan: scanBroken ? scanBroken.length : null,
    },
    routes: analysis.routeMap,
    redirects,
    internal,
    upgrade,
    scan: input.scan && scanHits ? { dir: input.scan.dir, baseUrl: input.scan.baseUrl, stats: input.scan.stats, hits: scanHits } : null,
    broken,
    warnings: linkWarnings(
      { version: input.docs.from.version, layout: input.docs.from.layout, files: input.docs.from.paths.length, checked: fromCounts.checked, broken: fromCounts.broken },
      { version: input.docs.to.version, layout: input.docs.to.layout, files: input.docs.to.paths.length, checked: toCounts.checked, broken: toCounts.broken },
      { scanning: input.scan !== undefined },
    ),
    notes: {
      staleMetadata: toLinks
        .filter((link) => link.metadata && link.resolution !== null && !link.resolution.ok)
        .slice(0, STALE_SAMPLE)
        .map((link) => ({ file: link.file, line: link.line, target: link.target })),
    },
  };
}

// The human-readable report of `docdelta links`: counts first, then what moved, what was removed, and
// every broken link with its fix.

export interface TableOptions {
  /** Rows per section before "… and N more" (the JSON format has everything). */
  limit: number;
}

function fixText(broken: BrokenLink): string {
  if (!broken.fix) return 'no fix found';
  const confidence = broken.fix.confidence !== null ? ` (${Math.round(broken.fix.confidence * 100)}%)` : '';
  const label = broken.fix.kind === 'candidate' || broken.fix.kind === 'similar-route' ? 'maybe' : 'use';
  return `${label} ${broken.fix.target}${confidence}${broken.fix.note ? `; ${broken.fix.note}` : ''}`;
}

function section<T>(title: string, rows: readonly T[], row: (item: T) => string, limit: number): string[] {
  if (rows.length === 0) return [];
  const lines = ['', `${title} (${rows.length})`, ...rows.slice(0, limit).map((item) => `  ${oneLine(row(item))}`)];
  if (rows.length > limit) lines.push(`  … and ${rows.length - limit} more (--format json lists all)`);
  return lines;
}

export function renderTable(report: LinkReport, options: TableOptions = { limit: 200 }): string {
  const { counts } = report;
  const moved = report.routes.filter((entry) => entry.status === 'moved');
  const removed = report.routes.filter((entry) => entry.status === 'removed');
  const lines = [
    `${report.package} ${report.from} → ${report.to}`,
    `pages: ${counts.pages.from} → ${counts.pages.to}; routes of ${report.from}: ${counts.routes.same} same, ${counts.routes.moved} moved (${counts.routes.inferred} inferred), ${counts.routes.removed} removed`,
    `links checked: ${counts.links.from.checked} in ${report.from}, ${counts.links.to.checked} in ${report.to}; broken: ${counts.internal} in ${report.to}, ${counts.upgrade} that worked in ${report.from}${counts.scan !== null ? `, ${counts.scan} in the scanned folder` : ''}${counts.links.to.outside > 0 ? `; ${counts.links.to.outside} point outside the tracked docs (not checked)` : ''}`,
    `redirects: ${report.redirects.rules.length} rules (${report.redirects.rules.filter((rule) => rule.splat).length} folder splats)${report.redirects.gone.length > 0 ? `; ${report.redirects.gone.length} removed pages under them answer 404 first` : ''}`,
    ...report.warnings.map((warning) => `${warning.blocking ? 'WARNING' : 'note'}: ${oneLine(warning.message)}`),
    ...section('Moved', moved, (entry) => `${entry.route} → ${entry.to}${entry.inferred ? '  (inferred: same name under a moved folder)' : entry.similarity !== null ? `  (renamed, ${Math.round(entry.similarity * 100)}% similar)` : ''}`, options.limit),
    ...section(
      'Removed',
      removed,
      (entry) => `${entry.route}  ${entry.candidate ? `closest: ${entry.candidate.route} (${Math.round(entry.candidate.confidence * 100)}%)` : 'no similar page'} — ${entry.reason}`,
      options.limit,
    ),
    ...section(`Broken links in ${report.to}`, report.internal, (broken) => `${broken.file}:${broken.line}  ${broken.target}  ${broken.reason}; ${fixText(broken)}`, options.limit),
    ...section(
      `Worked in ${report.from}, broken in ${report.to}`,
      report.upgrade,
      (broken) => `${broken.target}  ${broken.reason}; ${fixText(broken)}  (linked from ${broken.file}:${broken.line}${broken.alsoAt > 0 ? ` and ${broken.alsoAt} more` : ''})`,
      options.limit,
    ),
  ];
  if (report.scan) {
    const { stats } = report.scan;
    lines.push('', `Scanned ${report.scan.dir}: ${stats.files} files, ${report.scan.hits.length} docs links, ${counts.scan} break in ${report.to}${stats.truncated ? ' (file limit reached)' : ''}`);
    lines.push(...section('Broken in the scanned folder', report.broken, (broken) => `${broken.file}:${broken.line}  ${broken.target}  ${broken.reason}; ${fixText(broken)}`, options.limit).slice(1));
  }
  return `${lines.join('\n')}\n`;
}
