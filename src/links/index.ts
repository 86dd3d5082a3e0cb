/**
 * The link checker's pure pieces: "we upgrade from A to B — which links break, and where did each page go?"
 * The verbs that read stored versions (`checkLinks`, `resolveRoute`) live in `services/links.ts`; this
 * folder only turns plain data (two versions' docs and their diff) into a report, redirects and text.
 *
 * - `route-index.ts`: one version's routes and whether a link target exists in it (`locateRoute`).
 * - `route-map.ts`: where every page of `from` went (`analyzePair`, `buildRouteMap`).
 * - `link-checks.ts`: broken links inside `to` and the ones an upgrade breaks.
 * - `redirects.ts`: the redirect plan and its Netlify / Next.js renderings.
 * - `link-report.ts`: the report every consumer reads, and its table rendering.
 * - `app-scan.ts`: links into the docs found in an app's source folder.
 */
export type { LinkReport, LinkCounts, ScanReport } from './link-report.ts';
export type { LinkWarning } from './report-warnings.ts';
export type { BrokenLink, BrokenScope } from './link-checks.ts';
export type { Fix } from './suggest-fix.ts';
export type { ScanHit } from './app-scan.ts';
export { analyzePair, buildRouteMap, type PairAnalysis, type PairInput, type RouteMapEntry, type RouteStatus } from './route-map.ts';
export { buildLinkReport, renderTable } from './link-report.ts';
export {
  applyRedirects,
  nextRedirects,
  planRedirects,
  renderNetlify,
  renderNextjs,
  type NextRedirect,
  type RedirectHeader,
  type RedirectPlan,
  type RedirectRule,
  type RedirectWarning,
} from './redirects.ts';
export { conventionsFor, DEFAULT_CONVENTIONS, type LinkConventions } from './conventions.ts';
export { parseLinkTarget, type LinkTarget } from './link-target.ts';
export { findAppLinks } from './app-scan.ts';
export type { VersionDocs, DocsPage, LinkSource } from './version-docs.ts';
