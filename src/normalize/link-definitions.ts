// `[label]: target` definitions: the target of every `[text][label]` on the page, recorded where it is written.
import type { FoundLink } from './found-link.ts';

// Footnotes (`[^1]: …`) look alike but hold prose, so labels starting with `^` are left out.
const DEFINITION = /^ {0,3}\[([^\]^\n][^\]\n]{0,998})\]:[ \t]*(?:<([^<>\n]{1,2048})>|([^\s<]{1,2048}))/;

/** Only lines whose first non-space character is `[` are tried, which spares the pattern nearly every line. */
export function scanLinkDefinitions(maskedLines: string[]): FoundLink[] {
  const links: FoundLink[] = [];
  let offset = 0;
  for (const line of maskedLines) {
    const first = line.search(/\S/);
    if (first !== -1 && first <= 3 && line[first] === '[') {
      const match = DEFINITION.exec(line);
      if (match) links.push({ target: match[2] ?? match[3] ?? '', offset, kind: 'markdown', text: match[1]?.trim() ?? null });
    }
    offset += line.length + 1;
  }
  return links;
}
