// `<https://…>` autolinks. The body stops at `<`, `>` and whitespace, so each `<` is looked past once.
import type { FoundLink } from './found-link.ts';

const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{1,2048})>/g;

export function scanAutolinks(masked: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of masked.matchAll(AUTOLINK)) {
    const target = match[1] ?? '';
    links.push({ target, offset: match.index, kind: 'markdown', text: target });
  }
  return links;
}
