// `[label]: target` definitions: the target of every `[text][label]` on the page, recorded where it is written.
import type { FoundLink } from './found-link.ts';

// Footnotes (`[^1]: …`) look alike but hold prose, so labels starting with `^` are left out.
const DEFINITION = /^ {0,3}\[([^\]^\n][^\]\n]{0,998})\]:[ \t]*(?:<([^<>\n]{1,2048})>|([^\s<]{1,2048}))/;

/** Only lines starting with `[` after at most 3 spaces are tried, which spares the pattern nearly every line. */
export function scanLinkDefinitions(maskedLines: string[]): FoundLink[] {
  const links: FoundLink[] = [];
  let offset = 0;
  for (const line of maskedLines) {
    if (mayOpenDefinition(line)) {
      const match = DEFINITION.exec(line);
      if (match) links.push({ target: match[2] ?? match[3] ?? '', offset, kind: 'markdown', text: match[1]?.trim() ?? null });
    }
    offset += line.length + 1;
  }
  return links;
}

function mayOpenDefinition(line: string): boolean {
  // Bounded by the length too: reading past a string's end is a slow path in V8, and a third of lines are empty.
  for (let at = 0; at <= 3 && at < line.length; at++) {
    if (line[at] === '[') return true;
    if (line[at] !== ' ') return false;
  }
  return false;
}
