// Links into the web diff viewer, for consumers that point people at a diff (digest, changelog,
// MCP answers). The page itself (src/web/routes.js) parses exactly these shapes.
export interface DiffPageTarget {
  package: string;
  from: string;
  to: string;
  /** A file to open: the link ends in that file's permalink anchor. */
  path?: string;
}

const segment = (text: string) => encodeURIComponent(text).replace(/%40/g, '@');

/** `file-` + the path in lower case with every run of other characters turned into one `-`. */
export function fileAnchor(path: string): string {
  const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `file-${slug}`;
}

/** `${base}/p/@scope/name`: a package's page (for a first version, which has nothing to compare with). */
export function packagePageUrl(baseUrl: string, packageName: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/p/${packageName.split('/').map(segment).join('/')}`;
}

/** `${base}/p/@scope/name/diff/1.0.0...2.0.0[#file-…]` */
export function diffPageUrl(baseUrl: string, target: DiffPageTarget): string {
  const anchor = target.path ? `#${fileAnchor(target.path)}` : '';
  return `${packagePageUrl(baseUrl, target.package)}/diff/${segment(target.from)}...${segment(target.to)}${anchor}`;
}
