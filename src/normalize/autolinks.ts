// `<https://…>` autolinks. The body stops at `<`, `>` and whitespace, so each `<` is looked past once.
import type { FoundLink } from './found-link.ts';

const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{1,2048})>/y;

/** Tried only at each `<`, found by indexOf: a pattern left to find its own start walks the page ten times slower. */
export function scanAutolinks(masked: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (let at = masked.indexOf('<'); at !== -1; at = masked.indexOf('<', at + 1)) {
    AUTOLINK.lastIndex = at;
    const match = AUTOLINK.exec(masked);
    if (!match) continue;
    const target = match[1] ?? '';
    links.push({ target, offset: at, kind: 'markdown', text: target });
    at = AUTOLINK.lastIndex - 1;
  }
  return links;
}
