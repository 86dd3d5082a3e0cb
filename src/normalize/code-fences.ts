// Which lines are inside fenced code, where `#` and `[x](y)` are code, not headings and links.

const OPENING = /^[ \t]*(`{3,}|~{3,})(.*)$/;

/**
 * Fences may be indented any amount: MDX pages nest them in list items and JSX. An unclosed fence runs to
 * the end of the page, as in CommonMark. `true` marks fence lines themselves too.
 */
export function fencedLines(lines: string[], firstBodyLine: number): boolean[] {
  const inCode = new Array<boolean>(lines.length).fill(false);
  let fence: { char: string; length: number } | null = null;
  for (let index = firstBodyLine; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (fence) {
      inCode[index] = true;
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const match = OPENING.exec(line);
    if (!match) continue;
    const marker = match[1] ?? '';
    // A backtick fence's info string cannot hold backticks: ```x``` on one line is inline code.
    if (marker.startsWith('`') && (match[2] ?? '').includes('`')) continue;
    fence = { char: marker.charAt(0), length: marker.length };
    inCode[index] = true;
  }
  return inCode;
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const trimmed = line.trim();
  if (trimmed.length < fence.length) return false;
  for (let k = 0; k < trimmed.length; k++) if (trimmed[k] !== fence.char) return false;
  return true;
}
