// The page's URLs. Canonical: /p/<package>/diff/<from>...<to>#file-<slug> (as built by
// src/api/web-urls.ts). Also understood: /?package=…&from=…&to=…, the shape other tools may link.

const segment = (text) => encodeURIComponent(text).replace(/%40/g, '@');

export function packageUrl(pkg) {
  return `/p/${pkg.split('/').map(segment).join('/')}`;
}

export function diffUrl(pkg, from, to) {
  return `${packageUrl(pkg)}/diff/${segment(from)}...${segment(to)}`;
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** { view: 'home' } | { view: 'package', pkg } | { view: 'diff', pkg, from, to } | { view: 'missing' } */
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
  if (!loc.pathname.startsWith('/p/')) return { view: 'missing' };
  const rest = loc.pathname.slice(3);
  const split = rest.lastIndexOf('/diff/');
  if (split === -1) {
    const pkg = decode(rest.replace(/\/+$/, ''));
    return pkg ? { view: 'package', pkg } : { view: 'missing' };
  }
  const pkg = decode(rest.slice(0, split));
  const range = rest.slice(split + '/diff/'.length);
  const dots = range.indexOf('...');
  if (!pkg || dots === -1) return { view: 'missing' };
  const from = decode(range.slice(0, dots));
  const to = decode(range.slice(dots + 3));
  return from && to ? { view: 'diff', pkg, from, to } : { view: 'missing' };
}
