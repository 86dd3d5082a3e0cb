// Which redirects make old links work: only `moved` routes become rules. A folder that moved as a whole
// becomes one splat rule, with the pages that went elsewhere as exact rules before it. Removed pages are
// warnings, never guessed into a redirect — and a removed page a splat would catch is listed before the
// splat as an explicit 404 (Netlify), or the splat is written out page by page (Next.js, which cannot
// answer 404 from redirects()).
//
// The invariant, tested on every pair of every real package in the tests: following the emitted rules
// (first match wins) from any page route of `from` ends exactly at the route map's target, or nowhere.
import type { Candidate } from './candidate-finder.ts';
import type { RouteIndex } from './route-index.ts';
import { isUnder, type RouteMapEntry, type RouteMove } from './route-map.ts';

export interface RedirectRule {
  from: string;
  to: string;
  /** `from` and `to` are folders: everything under `from` goes to the same place under `to`. */
  splat: boolean;
  /** Matched by name under a moved folder rather than paired by git. */
  inferred: boolean;
  why: 'folder-move' | 'page-move' | 'section-move';
  /** What a reader of the rules should know (a section that is gone, so the rule goes to its page). */
  note: string | null;
}

export interface RedirectWarning {
  route: string;
  message: string;
  candidate: Candidate | null;
}

/** A removed page under a splat rule: answered 404 before the splat can send it to a page that does not exist. */
export interface GoneRule {
  route: string;
  /** The `from` of the splat rule that would otherwise catch it. */
  splat: string;
}

export interface RedirectPlan {
  /** In the order a first-match router must see them: exact rules, then splats, deepest first. */
  rules: RedirectRule[];
  /** Exceptions to the splats, to be placed before them. */
  gone: GoneRule[];
  /** The page-by-page rules each splat stands for (`splat`: its `from`), for routers without 404 rules. */
  covered: Array<RedirectRule & { splatFrom: string }>;
  warnings: RedirectWarning[];
}

export interface RedirectInput {
  routeMap: readonly RouteMapEntry[];
  moves: readonly RouteMove[];
  to: RouteIndex;
  /** Known section routes of moved pages (`/old/page/section` → `/new/page/section`), from the link checks. */
  sectionMoves?: ReadonlyArray<{ from: string; to: string; note: string | null }>;
}

function routesOf(index: RouteIndex): string[] {
  return [...[...index.pages.values()].map((page) => page.route), ...index.folders];
}

/** The folder moves whose whole folder can become one splat rule. */
function collapsibleMoves(input: RedirectInput): RouteMove[] {
  const targets = new Map<string, Set<string>>();
  for (const move of input.moves) targets.set(move.from, (targets.get(move.from) ?? new Set()).add(move.to));
  const live = routesOf(input.to);
  const out: RouteMove[] = [];
  const seen = new Set<string>();
  for (const move of input.moves) {
    if (seen.has(move.from)) continue;
    seen.add(move.from);
    // A folder split over several places has no single destination.
    if (targets.get(move.from)!.size !== 1) continue;
    // A destination inside the source would redirect to itself for ever.
    if (isUnder(move.to, move.from)) continue;
    // Pages still served under the old folder must not be captured by a splat.
    if (live.some((route) => isUnder(route, move.from))) continue;
    const followers = input.routeMap.filter((entry) => entry.status === 'moved' && isUnder(entry.route, move.from) && entry.to === `${move.to}${entry.route.slice(move.from.length)}`);
    if (followers.length > 0) out.push(move);
  }
  return out;
}

/**
 * Where the rules send a route (first matching rule), or null when no rule matches. With a plan, its
 * 404 exceptions come first, as the renderers write them.
 */
export function applyRedirects(plan: readonly RedirectRule[] | Pick<RedirectPlan, 'rules' | 'gone'>, route: string): string | null {
  const rules = Array.isArray(plan) ? (plan as readonly RedirectRule[]) : (plan as RedirectPlan).rules;
  if (!Array.isArray(plan) && (plan as RedirectPlan).gone.some((gone) => gone.route === route)) return null;
  for (const rule of rules) {
    if (!rule.splat && rule.from === route) return rule.to;
    if (rule.splat && route.startsWith(`${rule.from}/`)) return `${rule.to}${route.slice(rule.from.length)}`;
  }
  return null;
}

const depth = (route: string) => route.split('/').length;
const byRoute = (a: RedirectRule, b: RedirectRule) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

export function planRedirects(input: RedirectInput): RedirectPlan {
  const folders = collapsibleMoves(input);
  const exact: RedirectRule[] = [];
  const splats: RedirectRule[] = [];
  const warnings: RedirectWarning[] = [];
  const gone: GoneRule[] = [];
  const covered: RedirectPlan['covered'] = [];

  for (const folder of folders) splats.push({ from: folder.from, to: folder.to, splat: true, inferred: false, why: 'folder-move', note: null });
  const folderOf = (route: string) => [...folders].sort((a, b) => b.from.length - a.from.length).find((folder) => isUnder(route, folder.from));

  for (const entry of input.routeMap) {
    if (entry.status === 'moved' && entry.to !== null && entry.to !== entry.route) {
      const folder = folderOf(entry.route);
      const followsSplat = folder !== undefined && entry.route !== folder.from && entry.to === `${folder.to}${entry.route.slice(folder.from.length)}`;
      // Covered by the splat; the folder's own route is not (`/a/*` need not match `/a`), so it stays exact.
      if (followsSplat) covered.push({ from: entry.route, to: entry.to, splat: false, inferred: entry.inferred, why: 'folder-move', note: null, splatFrom: folder.from });
      else {
        const why = folder && entry.route === folder.from ? 'folder-move' : 'page-move';
        exact.push({ from: entry.route, to: entry.to, splat: false, inferred: entry.inferred, why, note: entry.inferred ? 'inferred: same name under a moved folder; git did not pair the files' : null });
      }
    } else if (entry.status === 'removed') {
      const folder = folderOf(entry.route);
      if (folder) gone.push({ route: entry.route, splat: folder.from });
      const caught = folder ? ` It answers 404 before the ${folder.from}/* rule, which would send it to ${folder.to}${entry.route.slice(folder.from.length)}, a page that does not exist.` : '';
      const suggestion = entry.candidate ? ` Closest page: ${entry.candidate.route} (confidence ${entry.candidate.confidence}); redirect it yourself if that is right.` : ' No similar page found.';
      warnings.push({ route: entry.route, message: `${entry.route} was removed and is not redirected.${caught}${suggestion}`, candidate: entry.candidate });
    }
  }

  const ordered = (rules: RedirectRule[]) => [...rules.sort(byRoute), ...splats.sort((a, b) => depth(b.from) - depth(a.from) || byRoute(a, b))];
  // Section routes of moved pages: only where the rules above would send them somewhere else.
  const sectionRules: RedirectRule[] = [];
  for (const move of input.sectionMoves ?? []) {
    const planned = applyRedirects(ordered([...exact, ...sectionRules]), move.from);
    if (move.from !== move.to && planned !== move.to && !sectionRules.some((rule) => rule.from === move.from)) {
      sectionRules.push({ from: move.from, to: move.to, splat: false, inferred: false, why: 'section-move', note: move.note });
    }
  }
  return { rules: ordered([...exact, ...sectionRules]), gone: gone.sort((a, b) => (a.route < b.route ? -1 : 1)), covered, warnings: warnings.sort((a, b) => (a.route < b.route ? -1 : 1)) };
}

// Netlify `_redirects`: one rule per line, `from to status`, first match wins; `#` lines are comments.

export interface RedirectHeader {
  package: string;
  from: string;
  to: string;
  /** Prefix for every route (`/docs` when the docs are served under it); '' for none. */
  basePath: string;
}

/** Routes are written as URL paths: anything a line-based format could misread is percent-encoded. */
function encodeRoute(basePath: string, route: string): string {
  const full = `${basePath}${route === '/' && basePath !== '' ? '' : route}`;
  return encodeURI(full).replace(/#/g, '%23');
}

/** Comment text on one line, so a page title or route can never start a rule of its own. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

const commentLine = (text: string) => `# ${oneLine(text)}`;

/** Columns are aligned for reading, up to this width; longer routes just push their line out. */
const MAX_PADDING = 60;

export function renderNetlify(plan: RedirectPlan, header: RedirectHeader): string {
  const lines = [
    commentLine(`Redirects for ${header.package} ${header.from} -> ${header.to}, generated by docdelta.`),
    commentLine('Only pages that moved are redirected; exact rules come before the folder rules (splats) they refine.'),
  ];
  if (plan.warnings.length > 0) {
    lines.push('#', commentLine(`${plan.warnings.length} removed page(s), deliberately not redirected:`));
    for (const warning of plan.warnings) lines.push(commentLine(warning.message));
  }
  lines.push('');
  const width = Math.min(MAX_PADDING, Math.max(0, ...plan.rules.map((rule) => encodeRoute(header.basePath, rule.from).length + (rule.splat ? 2 : 0))));
  const firstSplat = plan.rules.findIndex((rule) => rule.splat);
  plan.rules.forEach((rule, index) => {
    if (index === (firstSplat === -1 ? -2 : firstSplat)) {
      // Removed pages the splats below would catch: a 404 of their own first (first match wins).
      if (plan.gone.length > 0) lines.push(commentLine('Removed pages under a moved folder: 404 here, so the folder rules below do not send them to pages that do not exist.'));
      for (const gone of plan.gone) lines.push(`${encodeRoute(header.basePath, gone.route).padEnd(width)}  /404.html  404`);
    }
    const from = rule.splat ? `${encodeRoute(header.basePath, rule.from)}/*` : encodeRoute(header.basePath, rule.from);
    const to = rule.splat ? `${encodeRoute(header.basePath, rule.to)}/:splat` : encodeRoute(header.basePath, rule.to);
    if (rule.note) lines.push(commentLine(`${rule.from}: ${rule.note}`));
    lines.push(`${from.padEnd(width)}  ${to}  301`);
  });
  return `${lines.join('\n')}\n`;
}

// Next.js `redirects()` entries: path-to-regexp sources, first match wins, `:path*` for a whole folder.

export interface NextRedirect {
  source: string;
  destination: string;
  permanent: true;
}

/** path-to-regexp gives `:`, `(`, `)`, `*`, `+`, `?`, `{`, `}` a meaning; in a literal route they are escaped. */
function literal(path: string): string {
  return path.replace(/[:()*+?{}\\]/g, (char) => `\\${char}`);
}

/**
 * Next.js cannot answer 404 from redirects(), so a splat with a removed page under it is written out as
 * one exact rule per page that follows it (the pages it would send where the route map does).
 */
function withoutCaughtRemovals(plan: RedirectPlan): RedirectRule[] {
  const caught = new Set(plan.gone.map((gone) => gone.splat));
  if (caught.size === 0) return plan.rules;
  const exact = plan.rules.filter((rule) => !rule.splat);
  const out: RedirectRule[] = [...exact];
  for (const rule of plan.rules) {
    if (!rule.splat) continue;
    if (!caught.has(rule.from)) {
      out.push(rule);
      continue;
    }
    for (const { splatFrom, ...follower } of plan.covered) {
      if (splatFrom === rule.from && !out.some((other) => other.from === follower.from)) out.push(follower);
    }
  }
  return out;
}

export function nextRedirects(plan: RedirectPlan, basePath: string): NextRedirect[] {
  return withoutCaughtRemovals(plan).map((rule) => {
    const from = literal(encodeRoute(basePath, rule.from));
    const to = literal(encodeRoute(basePath, rule.to));
    return rule.splat
      ? { source: `${from}/:path*`, destination: `${to}/:path*`, permanent: true }
      : { source: from, destination: to, permanent: true };
  });
}

/** A CommonJS module whose export is the array `redirects()` returns; JSON inside, comments above. */
export function renderNextjs(plan: RedirectPlan, header: RedirectHeader): string {
  const lines = [
    `// Redirects for ${header.package} ${header.from} -> ${header.to}, generated by docdelta.`,
    '// In next.config.js: `redirects: async () => require(\'./docs-redirects.js\')`.',
    '// If next.config.js sets basePath, generate without --base-path: Next.js prefixes sources itself.',
  ];
  for (const warning of plan.warnings) lines.push(`// ${oneLine(warning.message)}`);
  lines.push(`module.exports = ${JSON.stringify(nextRedirects(plan, header.basePath), null, 2)};`);
  return `${lines.join('\n')}\n`;
}
