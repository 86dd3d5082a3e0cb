// Links into the docs inside an app's source text: absolute URLs under the docs' base URL, and
// root-relative paths that point into the docs — in Markdown, HTML, JSX, code strings, JSON or YAML.
import { basePathOf } from './conventions.ts';

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
