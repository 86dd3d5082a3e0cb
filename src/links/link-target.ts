// A link as written (`/authkit/sso#setup`, `../sso.mdx`, `https://workos.com/docs/sso`, `mailto:…`) →
// what it points at inside the docs, or why it is not ours to check.
import path from 'node:path/posix';
import { basePathOf } from './conventions.ts';

export type LinkTarget =
  | { kind: 'ignored'; reason: 'external' | 'outside-docs' | 'template' | 'empty' }
  /** A route under the docs root; may continue into section segments. */
  /**
   * A route under the docs root; may continue into section segments. `file`: the package path it names
   * when written as a Markdown file from the repository root (`/docs/Reference/Hooks.md`, as on GitHub).
   */
  | { kind: 'route'; route: string; anchor: string | null; file?: string }
  /**
   * A relative link to a Markdown file, resolved to a package path. `written` and `sourcePath` are kept:
   * sites that flatten their source folders into the package resolve the link through the routes instead.
   */
  | { kind: 'file'; path: string; anchor: string | null; written: string; sourcePath: string }
  /** A file the site serves next to its pages (`/docs/assets/x.json`, `/img/a.png`). */
  | { kind: 'asset'; route: string };

export interface TargetContext {
  /** Package path of the file holding the link; relative `.mdx` links resolve against it. */
  sourcePath: string | null;
  /** Route of the page holding the link; `#anchor` and URL-relative links resolve against it. */
  sourceRoute: string | null;
  baseUrl: string | null;
  /** In the docs `/x` is relative to the docs root; in an outside app it is relative to the host. */
  rootRelativeTo: 'docs' | 'host';
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const MARKDOWN_FILE = /\.mdx?$/i;
const ASSET_EXTENSION = /\.[A-Za-z0-9]{1,8}$/;
// Route parameters and template holes (`/reference/:id`, `/x/{slug}`, `/x/[id]`) are patterns, not links.
const TEMPLATE = /(^|\/)[:*]|[{}[\]<>$]/;
const PLACEHOLDER_ORIGIN = 'https://docs.invalid';

function splitFragment(raw: string): { path: string; anchor: string | null } {
  const hash = raw.indexOf('#');
  const beforeHash = hash === -1 ? raw : raw.slice(0, hash);
  const anchor = hash === -1 ? null : decodeSafely(raw.slice(hash + 1)) || null;
  const query = beforeHash.indexOf('?');
  return { path: query === -1 ? beforeHash : beforeHash.slice(0, query), anchor };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `//a/./b/../c/` → `/a/c`: the path a browser would request, decoded, without a trailing slash. */
export function normalizeRoute(pathname: string): string {
  const resolved = new URL(pathname.replace(/\/{2,}/g, '/'), PLACEHOLDER_ORIGIN).pathname;
  const decoded = resolved.split('/').map(decodeSafely).join('/');
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') : '/';
}

/** The route under the docs base path, or null when the path is not under it. */
function underBase(pathname: string, basePath: string): string | null {
  if (basePath === '') return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
}

function routeOrAsset(route: string, anchor: string | null): LinkTarget {
  if (TEMPLATE.test(route)) return { kind: 'ignored', reason: 'template' };
  const last = route.slice(route.lastIndexOf('/') + 1);
  if (ASSET_EXTENSION.test(last) && !MARKDOWN_FILE.test(last)) return { kind: 'asset', route };
  const file = MARKDOWN_FILE.test(last) ? route.slice(1) : undefined;
  return { kind: 'route', route: route.replace(MARKDOWN_FILE, '') || '/', anchor, ...(file ? { file } : {}) };
}

function absoluteTarget(url: URL, anchor: string | null, baseUrl: string | null): LinkTarget {
  if (!baseUrl || !/^https?:$/.test(url.protocol)) return { kind: 'ignored', reason: 'external' };
  const base = new URL(baseUrl);
  if (url.host.toLowerCase() !== base.host.toLowerCase()) return { kind: 'ignored', reason: 'external' };
  const route = underBase(normalizeRoute(url.pathname), basePathOf(baseUrl));
  return route === null ? { kind: 'ignored', reason: 'outside-docs' } : routeOrAsset(route, anchor);
}

export function parseLinkTarget(raw: string, context: TargetContext): LinkTarget {
  const written = raw.trim();
  if (written === '' || written === '#') return { kind: 'ignored', reason: 'empty' };
  const { path: pathPart, anchor } = splitFragment(written);

  if (written.startsWith('//') || SCHEME.test(written)) {
    let url: URL;
    try {
      url = new URL(written.startsWith('//') ? `https:${written}` : written);
    } catch {
      return { kind: 'ignored', reason: 'external' };
    }
    return absoluteTarget(url, anchor, context.baseUrl);
  }
  if (pathPart === '') {
    return context.sourceRoute === null ? { kind: 'ignored', reason: 'empty' } : { kind: 'route', route: context.sourceRoute, anchor };
  }
  if (TEMPLATE.test(pathPart)) return { kind: 'ignored', reason: 'template' };

  if (pathPart.startsWith('/')) {
    const normalized = normalizeRoute(pathPart);
    if (context.rootRelativeTo === 'docs') return routeOrAsset(normalized, anchor);
    const route = underBase(normalized, basePathOf(context.baseUrl));
    return route === null ? { kind: 'ignored', reason: 'outside-docs' } : routeOrAsset(route, anchor);
  }

  if (MARKDOWN_FILE.test(pathPart) && context.sourcePath !== null) {
    const joined = path.normalize(path.join(path.dirname(context.sourcePath), decodeSafely(pathPart)));
    if (joined.startsWith('../') || joined === '..') return { kind: 'ignored', reason: 'outside-docs' };
    return { kind: 'file', path: joined, anchor, written: decodeSafely(pathPart), sourcePath: context.sourcePath };
  }
  if (context.sourceRoute === null) return { kind: 'ignored', reason: 'outside-docs' };
  // A browser resolves `reference/x` on /docs/events to /docs/reference/x: against the page's URL.
  const basePath = basePathOf(context.baseUrl);
  const pageUrl = new URL(`${basePath}${context.sourceRoute}`, PLACEHOLDER_ORIGIN);
  const resolved = underBase(normalizeRoute(new URL(pathPart, pageUrl).pathname), basePath);
  return resolved === null ? { kind: 'ignored', reason: 'outside-docs' } : routeOrAsset(resolved, anchor);
}
