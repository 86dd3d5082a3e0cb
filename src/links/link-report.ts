// The answer to "we upgrade from A to B: which links break, and where did each page go?" — one object
// for the CLI, the API, MCP and the digest.
import type { PairAnalysis } from './analyze-pair.ts';
import type { BrokenLink } from './broken-link.ts';
import { checkScanLinks, scanBrokenLinks, type ScanHit } from './check-scan.ts';
import { internalBrokenLinks } from './check-internal.ts';
import { upgradeBrokenLinks } from './check-upgrade.ts';
import { type CheckedLink, checkVersionLinks, isBroken } from './check-version.ts';
import type { LinkConventions } from './conventions.ts';
import { planRedirects, type RedirectPlan } from './redirect-plan.ts';
import { pageAt } from './route-index.ts';
import type { RouteMapEntry } from './route-map.ts';
import type { FoundAppLink } from './scan-text.ts';
import type { VersionDocs } from './version-docs.ts';
import type { WalkStats } from './walk-app.ts';

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
}

function countLinks(links: readonly CheckedLink[]): LinkCounts {
  let checked = 0;
  let broken = 0;
  let external = 0;
  let staleMetadata = 0;
  for (const link of links) {
    if (link.resolution === null) external++;
    else if (link.metadata && !link.resolution.ok) staleMetadata++;
    else checked++;
    if (isBroken(link)) broken++;
  }
  return { total: links.length, checked, broken, external, staleMetadata };
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
  const status = (name: RouteMapEntry['status']) => analysis.routeMap.filter((entry) => entry.status === name).length;
  return {
    package: input.package,
    from: analysis.fromIndex.version,
    to: analysis.toIndex.version,
    conventions,
    counts: {
      pages: { from: analysis.fromIndex.pages.size, to: analysis.toIndex.pages.size },
      routes: { same: status('same'), moved: status('moved'), inferred: analysis.routeMap.filter((entry) => entry.inferred).length, removed: status('removed') },
      links: { from: countLinks(fromLinks), to: countLinks(toLinks) },
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
    notes: {
      staleMetadata: toLinks
        .filter((link) => link.metadata && link.resolution !== null && !link.resolution.ok)
        .slice(0, STALE_SAMPLE)
        .map((link) => ({ file: link.file, line: link.line, target: link.target })),
    },
  };
}
