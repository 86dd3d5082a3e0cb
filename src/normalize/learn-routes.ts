// Learning a site's routes from the links its own pages write. A link `/docs/agents/overview` and a file
// `.docs/raw/agents/overview.mdx` end the same way (`agents/overview`); what comes before the shared
// tail is how the site maps the folder: `.docs/raw` is served at `/docs`. Counted over every distinct
// link, the folder most links agree on is a docs root; a section whose links disagree with its parent
// (`.docs/raw/reference` at `/reference`) is a root of its own.

export interface LinkedFile {
  path: string;
  /** Link targets as written in the file (Markdown files only). */
  links: readonly string[];
}

export interface LearnedMount {
  folder: string;
  route: string;
  why: string;
}

export interface LearnedRoutes {
  mounts: LearnedMount[];
  baseUrl: string | null;
  baseUrlWhy: string | null;
  /** Distinct internal link paths looked at. */
  linksSeen: number;
  /** Of those, how many matched one page file unambiguously. */
  linksMatched: number;
}

interface Conventions {
  routeGroups: boolean;
  indexNames: string[];
  /** Known publication URL: absolute links under it are internal, others are not looked at. */
  baseUrl: string | null;
}

// Code hosts show files, not the site: a link to a `.md` on GitHub says nothing about routes.
const CODE_HOSTS = /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|npmjs\.com|githubusercontent\.com)$/i;
const ASSET = /\.(png|jpe?g|gif|svg|webp|ico|pdf|zip|json|ya?ml|txt|js|css|mp4|webm)$/i;
const EXTENSION = /\.(mdx?|html?)$/i;
const MAX_LINKS = 50_000;
/** A root needs at least this many agreeing links; fewer is chance. */
const MIN_VOTES = 3;

interface PageKey {
  path: string;
  /** Path segments as the site would see them: extension gone, index pages folded, route groups dropped. */
  key: string[];
  /** For each key segment, the index of its segment in the path. */
  at: number[];
  segments: string[];
}

function pageKey(path: string, conventions: Conventions): PageKey {
  const segments = path.split('/');
  const key: string[] = [];
  const at: number[] = [];
  segments.forEach((segment, index) => {
    const name = index === segments.length - 1 ? segment.replace(EXTENSION, '') : segment;
    if (conventions.routeGroups && /^\(.*\)$/.test(name)) return;
    if (index === segments.length - 1 && conventions.indexNames.includes(name.toLowerCase())) return;
    key.push(name.toLowerCase());
    at.push(index);
  });
  return { path, key, at, segments };
}

/** `/a/b/` or `/a/b.md#x` → [`a`, `b`]; null for assets and templates. */
function linkSegments(pathname: string): string[] | null {
  const path = pathname.split(/[?#]/, 1)[0]!;
  if (ASSET.test(path) || /[{}[\]<>$:*]/.test(path)) return null;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return null;
  segments[segments.length - 1] = segments.at(-1)!.replace(EXTENSION, '');
  try {
    return segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return segments;
  }
}

interface Vote {
  folder: string;
  urlPrefix: string;
  /** The first shared segment as the file names it, and as the link wrote it. */
  section: string;
  sectionUrl: string;
}

/** The folder/URL pair one link path votes for, or null when no page or several disagreeing pages match. */
function voteOf(link: string[], bySuffix: Map<string, PageKey[]>): Vote | null {
  const lower = link.map((segment) => segment.toLowerCase());
  let best = 0;
  let votes: Vote[] = [];
  for (const page of bySuffix.get(lower.at(-1)!) ?? []) {
    let shared = 0;
    while (shared < lower.length && shared < page.key.length && lower[lower.length - 1 - shared] === page.key[page.key.length - 1 - shared]) shared++;
    if (shared === 0 || shared < best) continue;
    const first = page.key.length - shared;
    // The folder before the shared tail, without trailing route groups (`content/(guides)` is `content`).
    let end = page.at[first]!;
    while (end > 0 && /^\(.*\)$/.test(page.segments[end - 1]!)) end--;
    const vote = {
      folder: page.segments.slice(0, end).join('/'),
      urlPrefix: `/${link.slice(0, link.length - shared).join('/')}`.replace(/^\/$/, ''),
      section: page.segments[page.at[first]!]!.replace(EXTENSION, ''),
      sectionUrl: link[link.length - shared]!,
    };
    if (shared > best) votes = [];
    best = shared;
    votes.push(vote);
  }
  const distinct = new Set(votes.map((vote) => `${vote.folder}\0${vote.urlPrefix}`));
  return distinct.size === 1 ? votes[0]! : null;
}

/** folder → section → (the section's URL segment, URL prefix → links). */
type Tally = Map<string, Map<string, { url: string; prefixes: Map<string, number> }>>;

/** Pages by the last segment of their key: a link can only match a page whose name it ends with. */
function indexByLastSegment(pages: readonly PageKey[]): Map<string, PageKey[]> {
  const bySuffix = new Map<string, PageKey[]>();
  for (const page of pages) {
    const last = page.key.at(-1);
    if (last === undefined) continue;
    // Appended in place: copying the list for each page was quadratic in pages sharing a name.
    const named = bySuffix.get(last);
    if (named) named.push(page);
    else bySuffix.set(last, [page]);
  }
  return bySuffix;
}

function tally(links: Iterable<string[]>, bySuffix: Map<string, PageKey[]>): { votes: Tally; seen: number; matched: number } {
  const votes: Tally = new Map();
  let seen = 0;
  let matched = 0;
  for (const link of links) {
    seen++;
    const vote = voteOf(link, bySuffix);
    if (!vote) continue;
    matched++;
    const sections = votes.get(vote.folder) ?? new Map<string, { url: string; prefixes: Map<string, number> }>();
    const section = sections.get(vote.section) ?? { url: vote.sectionUrl, prefixes: new Map<string, number>() };
    section.prefixes.set(vote.urlPrefix, (section.prefixes.get(vote.urlPrefix) ?? 0) + 1);
    sections.set(vote.section, section);
    votes.set(vote.folder, sections);
  }
  return { votes, seen, matched };
}

const top = (counts: Map<string, number>): [string, number] => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
const routeOfPrefix = (prefix: string) => prefix || '/';
const withSlash = (folder: string) => (folder === '' ? '' : `${folder}/`);

/** Roots from the votes: each folder at the prefix most of its sections agree on, and the sections that disagree. */
function mountsOf(votes: Tally, total: number): Array<LearnedMount & { prefix: string; votes: number }> {
  const out: Array<LearnedMount & { prefix: string; votes: number }> = [];
  for (const [folder, sections] of votes) {
    // The folder's own prefix is the one most of its sections use: one big section (an API reference)
    // with its own scheme must not decide for the dozen guides beside it.
    const bySections = new Map<string, number>();
    const perPrefix = new Map<string, number>();
    let sum = 0;
    for (const { prefixes } of sections.values()) {
      const [own, count] = top(prefixes);
      bySections.set(own, (bySections.get(own) ?? 0) + 1 + count / 1e6);
      for (const [prefix, n] of prefixes) {
        perPrefix.set(prefix, (perPrefix.get(prefix) ?? 0) + n);
        sum += n;
      }
    }
    if (sum < Math.max(MIN_VOTES, total * 0.05)) continue;
    const [prefix] = top(bySections);
    const agreeing = perPrefix.get(prefix) ?? 0;
    const sectionsAgreeing = Math.floor(bySections.get(prefix) ?? 0);
    const why =
      sections.size > 1
        ? `${agreeing} internal links into ${sectionsAgreeing} of its ${sections.size} linked sections use ${routeOfPrefix(prefix)}`
        : `${agreeing} of ${sum} internal links that match a file here use ${routeOfPrefix(prefix)}`;
    out.push({ folder: withSlash(folder), route: routeOfPrefix(prefix), prefix, votes: agreeing, why });
    for (const [section, { url, prefixes }] of sections) {
      const [own, count] = top(prefixes);
      if (own === prefix || count < 2) continue;
      const route = `${own}/${url}`;
      out.push({ folder: withSlash(folder === '' ? section : `${folder}/${section}`), route, prefix: own, votes: count, why: `${count} internal links into this section use ${route}, unlike the rest of ${withSlash(folder) || 'the package'}` });
    }
  }
  return out;
}

interface DistinctTarget {
  target: string;
  /** Where the target is first written, counting every target of every file in order. */
  first: number;
}

/** Pages repeat the same links (navigation, footers): each distinct target is looked at once, in the order first written. */
function distinctTargets(files: readonly LinkedFile[]): DistinctTarget[] {
  const seen = new Set<string>();
  const distinct: DistinctTarget[] = [];
  let position = 0;
  for (const file of files) {
    for (const target of file.links) {
      if (!seen.has(target)) {
        seen.add(target);
        distinct.push({ target, first: position });
      }
      position++;
    }
  }
  return distinct;
}

/** Absolute links grouped by origin, paths as segments; code hosts left out. */
function absoluteLinks(targets: readonly DistinctTarget[]): Map<string, Map<string, string[]>> {
  const byOrigin = new Map<string, Map<string, string[]>>();
  for (const { target } of targets) {
    if (!/^https?:\/\//i.test(target)) continue;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      continue;
    }
    if (CODE_HOSTS.test(url.hostname)) continue;
    const segments = linkSegments(url.pathname);
    if (!segments) continue;
    const paths = byOrigin.get(url.origin) ?? new Map<string, string[]>();
    paths.set(segments.join('/'), segments);
    byOrigin.set(url.origin, paths);
  }
  return byOrigin;
}

export function learnMounts(files: readonly LinkedFile[], pagePaths: readonly string[], conventions: Conventions): LearnedRoutes {
  // Indexed once: every origin's links below are matched against the same pages.
  const bySuffix = indexByLastSegment(pagePaths.map((path) => pageKey(path, conventions)));
  const targets = distinctTargets(files);
  const relative = new Map<string, string[]>();
  const base = conventions.baseUrl ? new URL(conventions.baseUrl) : null;
  const basePath = base ? base.pathname.replace(/\/+$/, '') : '';
  for (const { target, first } of targets) {
    // Only the first MAX_LINKS targets written are read for routes; a target seen before adds nothing.
    if (first >= MAX_LINKS) break;
    let pathname: string | null = null;
    if (target.startsWith('/') && !target.startsWith('//')) pathname = target;
    else if (base && /^https?:\/\//i.test(target)) {
      // A known publication URL: its links are routes once its path is taken off.
      try {
        const url = new URL(target);
        if (url.host === base.host && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) pathname = url.pathname.slice(basePath.length) || '/';
      } catch {
        pathname = null;
      }
    }
    const segments = pathname === null ? null : linkSegments(pathname);
    if (segments) relative.set(segments.join('/'), segments);
  }
  const fromRelative = tally(relative.values(), bySuffix);
  let mounts = mountsOf(fromRelative.votes, fromRelative.matched);
  let seen = fromRelative.seen;
  let matched = fromRelative.matched;
  let baseUrl: string | null = null;
  let baseUrlWhy: string | null = null;

  if (!base) {
    // The site's own host: the origin whose links match the most page files.
    let bestOrigin: { origin: string; result: ReturnType<typeof tally> } | null = null;
    for (const [origin, paths] of absoluteLinks(targets)) {
      const result = tally(paths.values(), bySuffix);
      if (result.matched >= MIN_VOTES && result.matched >= result.seen * 0.25 && (!bestOrigin || result.matched > bestOrigin.result.matched)) bestOrigin = { origin, result };
    }
    if (bestOrigin) {
      const absoluteMounts = mountsOf(bestOrigin.result.votes, bestOrigin.result.matched);
      if (mounts.length === 0 && absoluteMounts.length > 0) {
        mounts = absoluteMounts;
        seen += bestOrigin.result.seen;
        matched += bestOrigin.result.matched;
        baseUrl = bestOrigin.origin;
      } else {
        // Both kinds: `/authkit` in the docs and `https://workos.com/docs/authkit` mean the site adds `/docs`.
        const main = mounts[0];
        const twin = main ? absoluteMounts.find((mount) => mount.folder === main.folder) : undefined;
        if (main && twin && twin.prefix.endsWith(main.prefix)) baseUrl = `${bestOrigin.origin}${twin.prefix.slice(0, twin.prefix.length - main.prefix.length)}`;
      }
      if (baseUrl) baseUrlWhy = `${bestOrigin.result.matched} of ${bestOrigin.result.seen} links to ${bestOrigin.origin} match page files`;
    }
  }
  return { mounts: mounts.map(({ folder, route, why }) => ({ folder, route, why })), baseUrl, baseUrlWhy, linksSeen: seen, linksMatched: matched };
}
