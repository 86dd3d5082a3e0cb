// Links into the docs inside an app's source text: absolute URLs under the docs' base URL, and
// root-relative paths that point into the docs — in Markdown, HTML, JSX, code strings, JSON or YAML.
import fs from 'node:fs/promises';
import path from 'node:path';
import { basePathOf, type LinkConventions } from './conventions.ts';
import { constants } from 'node:fs';
import { invalidInput } from '../errors.ts';
import type { BrokenLink } from './link-checks.ts';
import { parseLinkTarget } from './link-target.ts';
import { type BrokenCode, resolveTarget } from './route-index.ts';
import { type Fix, type FixContext, followThroughMap, nearestRoute } from './suggest-fix.ts';

export interface FoundAppLink {
  line: number;
  /** 1-based, in characters. */
  column: number;
  target: string;
  form: 'absolute' | 'root-relative';
}

export interface AppLinkOptions {
  /** Where the docs are published; without it only root-relative links are found. */
  baseUrl: string | null;
  /**
   * First route segments of the docs (`authkit`, `sso`, …). When the docs are served at the root of their
   * host, a root-relative path counts only if it starts with one of them, so the app's own `/login` is not read as a docs link.
   */
  docsSegments: ReadonlySet<string>;
}

const ABSOLUTE = /https?:\/\/[^\s"'`<>()[\]{}|\\^]+/g;
// A path after a quote, bracket, `=`, `,` or whitespace: where strings, attributes and Markdown targets start.
const ROOT_RELATIVE = /(?<=^|[\s"'`(=,[>])\/(?![/*\s])[^\s"'`<>()[\]{}|\\^,;]*/g;
const TRAILING = /[.,:;!?]+$/;

export function findAppLinks(text: string, options: AppLinkOptions): FoundAppLink[] {
  const basePath = basePathOf(options.baseUrl);
  const host = options.baseUrl ? new URL(options.baseUrl).host.toLowerCase() : null;
  const found: FoundAppLink[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (host !== null && line.includes('://')) {
      for (const match of line.matchAll(ABSOLUTE)) {
        const target = match[0].replace(TRAILING, '');
        if (target.includes('$') || line[match.index + match[0].length] === '{') continue;
        let url: URL;
        try {
          url = new URL(target);
        } catch {
          continue;
        }
        if (url.host.toLowerCase() !== host) continue;
        if (basePath !== '' && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) continue;
        found.push({ line: index + 1, column: match.index + 1, target, form: 'absolute' });
      }
    }
    if (!line.includes('/')) return;
    for (const match of line.matchAll(ROOT_RELATIVE)) {
      const target = match[0].replace(TRAILING, '');
      // `/docs/${slug}`: a path built at run time names no page we could check.
      if (target.length < 2 || target.includes('$') || line[match.index + match[0].length] === '{') continue;
      const path = target.split(/[?#]/, 1)[0]!;
      const intoDocs =
        basePath !== ''
          ? path === basePath || path.startsWith(`${basePath}/`)
          : options.docsSegments.has(path.split('/')[1] ?? '');
      if (intoDocs) found.push({ line: index + 1, column: match.index + 1, target, form: 'root-relative' });
    }
  });
  return found;
}

// The files of an outside folder worth scanning for docs links: source, markup and data files, never
// inside node_modules or .git, never through a symlink, each read with a size cap.

export const SCANNED_EXTENSIONS = new Set(['.md', '.mdx', '.html', '.htm', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.tsx', '.jsx', '.json', '.yaml', '.yml']);
const IGNORED_FOLDERS = new Set(['node_modules', '.git']);

export interface WalkLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxDepth: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxFiles: 200_000, maxFileBytes: 2 * 1024 * 1024, maxDepth: 64 };

export interface WalkStats {
  files: number;
  bytes: number;
  skippedLarge: number;
  skippedBinary: number;
  skippedLinks: number;
  /** True when `maxFiles` stopped the walk early. */
  truncated: boolean;
}

export interface AppFile {
  /** Relative to the scanned folder, with `/`. */
  path: string;
  text: string;
}

/** Opens without following a link (O_NOFOLLOW) and checks the open file, so a swap after listing cannot redirect the read. */
async function readCapped(file: string, maxBytes: number): Promise<Buffer | 'large' | 'not-a-file'> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return 'not-a-file';
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return 'not-a-file';
    if (stat.size > maxBytes) return 'large';
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function listFiles(root: string, limits: WalkLimits, stats: WalkStats): Promise<string[]> {
  const files: string[] = [];
  const pending: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  while (pending.length > 0) {
    const { dir, depth } = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        stats.skippedLinks++;
      } else if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name) && depth < limits.maxDepth) pending.push({ dir: full, depth: depth + 1 });
      } else if (entry.isFile() && SCANNED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        if (files.length >= limits.maxFiles) {
          stats.truncated = true;
          return files;
        }
        files.push(full);
      }
    }
  }
  return files;
}

/** Calls `visit` for every scannable file, a few reads in flight at a time, in a stable order. */
export async function walkApp(dir: string, visit: (file: AppFile) => void, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<WalkStats> {
  let root: string;
  try {
    root = await fs.realpath(dir);
    if (!(await fs.stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw invalidInput(`--scan: ${JSON.stringify(dir)} is not a readable folder`);
  }
  const stats: WalkStats = { files: 0, bytes: 0, skippedLarge: 0, skippedBinary: 0, skippedLinks: 0, truncated: false };
  const files = await listFiles(root, limits, stats);
  const CONCURRENCY = 16;
  for (let start = 0; start < files.length; start += CONCURRENCY) {
    const batch = files.slice(start, start + CONCURRENCY);
    const contents = await Promise.all(batch.map((file) => readCapped(file, limits.maxFileBytes)));
    batch.forEach((file, index) => {
      const content = contents[index]!;
      if (content === 'not-a-file') return;
      if (content === 'large') {
        stats.skippedLarge++;
        return;
      }
      if (content.subarray(0, 8000).includes(0)) {
        stats.skippedBinary++;
        return;
      }
      stats.files++;
      stats.bytes += content.length;
      visit({ path: path.relative(root, file).split(path.sep).join('/'), text: content.toString('utf8') });
    });
  }
  return stats;
}

// Each docs link found in an outside folder, checked against `to`: does it break, and what replaces it —
// written the way the app wrote it (absolute URL or root-relative path).

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
