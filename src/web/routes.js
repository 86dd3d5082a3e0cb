// The page's URLs. Canonical: /p/<package>/diff/<from>...<to>#file-<slug> (as built by
// src/api/web-urls.ts), and beside it /p/<package>/upgrade/<from>...<to> (links and redirects),
// /p/<package>/history?path=… (one page across versions), /p/<package>/changelog, and /status
// (job runs and the schedule). Also understood: /?package=…&from=…&to=…, the shape other tools may link.

const segment = (text) => encodeURIComponent(text).replace(/%40/g, '@');

export function packageUrl(pkg) {
  return `/p/${pkg.split('/').map(segment).join('/')}`;
}

export function diffUrl(pkg, from, to) {
  return `${packageUrl(pkg)}/diff/${segment(from)}...${segment(to)}`;
}

export function upgradeUrl(pkg, from, to) {
  return `${packageUrl(pkg)}/upgrade/${segment(from)}...${segment(to)}`;
}

export function historyUrl(pkg, path) {
  return `${packageUrl(pkg)}/history?${new URLSearchParams({ path })}`;
}

export function changelogUrl(pkg) {
  return `${packageUrl(pkg)}/changelog`;
}

export const STATUS_URL = '/status';

/** Every package's changelog as an Atom feed. */
export const FEED_URL = '/changelog.xml';

export function feedUrl(pkg) {
  return `${FEED_URL}?${new URLSearchParams({ package: pkg })}`;
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function parseRange(text) {
  const dots = text.indexOf('...');
  if (dots === -1) return null;
  const from = decode(text.slice(0, dots));
  const to = decode(text.slice(dots + 3));
  return from && to ? { from, to } : null;
}

/** Splits `/p/…` into the package name and what follows it (`@scope/name` takes two segments). */
function splitPackage(rest) {
  const parts = rest.split('/');
  const first = decode(parts[0] ?? '');
  if (!first) return null;
  if (first.includes('/') || !first.startsWith('@')) return { pkg: first, tail: parts.slice(1) };
  const second = decode(parts[1] ?? '');
  if (!second) return null;
  return { pkg: `${first}/${second}`, tail: parts.slice(2) };
}

/**
 * { view: 'home' } | { view: 'status' } | { view: 'package', pkg } | { view: 'diff', pkg, from, to }
 * | { view: 'upgrade', pkg, from, to } | { view: 'history', pkg, path } | { view: 'changelog', pkg }
 * | { view: 'missing' }
 */
export function parseLocation(loc) {
  const params = new URLSearchParams(loc.search);
  if (loc.pathname === '/' || loc.pathname === '') {
    const pkg = params.get('package');
    const from = params.get('from');
    const to = params.get('to');
    if (pkg && from && to) return { view: 'diff', pkg, from, to };
    if (pkg) return { view: 'package', pkg };
    return { view: 'home' };
  }
  if (loc.pathname === STATUS_URL) return { view: 'status' };
  if (!loc.pathname.startsWith('/p/')) return { view: 'missing' };
  const split = splitPackage(loc.pathname.slice(3).replace(/\/+$/, ''));
  if (!split) return { view: 'missing' };
  const { pkg, tail } = split;
  if (tail.length === 0) return { view: 'package', pkg };
  if ((tail[0] === 'diff' || tail[0] === 'upgrade') && tail.length === 2) {
    const range = parseRange(tail[1]);
    return range ? { view: tail[0], pkg, ...range } : { view: 'missing' };
  }
  if (tail[0] === 'history' && tail.length === 1) {
    const path = params.get('path');
    return path ? { view: 'history', pkg, path } : { view: 'missing' };
  }
  if (tail[0] === 'changelog' && tail.length === 1) return { view: 'changelog', pkg };
  return { view: 'missing' };
}
