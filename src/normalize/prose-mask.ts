// A copy of the page where everything that is not prose is blanked, offsets unchanged, for the scanners.
import { fencedLines } from './code-fences.ts';
import { inlineCodeSpans } from './inline-code.ts';

export interface MaskedPage {
  /** Same length and line breaks as the page; frontmatter, code and comments are spaces. */
  masked: string;
  lines: string[];
  maskedLines: string[];
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

export function maskNonProse(text: string, bodyStart: number): MaskedPage {
  const lines = text.split('\n');
  let firstBodyLine = 0;
  for (let offset = 0; firstBodyLine < lines.length && offset < bodyStart; firstBodyLine++) offset += (lines[firstBodyLine] ?? '').length + 1;
  const inCode = fencedLines(lines, firstBodyLine);
  const hidden = (index: number) => index < firstBodyLine || inCode[index] === true;
  // Hidden lines are cut from one run of spaces: `' '.repeat` per line builds ropes that every later
  // reader of the line (trim, charAt, join) has to flatten again.
  let widest = 0;
  for (let index = 0; index < lines.length; index++) if (hidden(index)) widest = Math.max(widest, lines[index]!.length);
  const spaces = ' '.repeat(widest);
  const out = lines.map((line, index) => {
    if (hidden(index)) return spaces.slice(0, line.length);
    if (!line.includes('`')) return line;
    const spans = inlineCodeSpans(line);
    if (spans.length === 0) return line;
    // Joined, not concatenated, for the same reason: the line comes out flat.
    const parts: string[] = [];
    let from = 0;
    for (const [start, end] of spans) {
      parts.push(line.slice(from, start), ' '.repeat(end - start));
      from = end;
    }
    parts.push(line.slice(from));
    return parts.join('');
  });
  const joined = out.join('\n');
  const masked = maskComments(joined);
  // Most pages have no comments: their masked lines are the ones just built, not a second split.
  return { masked, lines, maskedLines: masked === joined ? out : masked.split('\n') };
}

// HTML `<!-- -->` and MDX `{/* … */}` comments are not rendered, so their links are not links.
function maskComments(text: string): string {
  // Each kind's next opener is searched again only once the scan has passed it: a page full of one kind
  // must not rescan the rest of the page for the other after every comment.
  let html = text.indexOf('<!--');
  let mdx = text.indexOf('{/*');
  if (html === -1 && mdx === -1) return text;
  let result = '';
  let from = 0;
  while (html !== -1 || mdx !== -1) {
    const isHtml = html !== -1 && (mdx === -1 || html < mdx);
    const start = isHtml ? html : mdx;
    const closer = isHtml ? '-->' : '*/}';
    const close = text.indexOf(closer, start + (isHtml ? 4 : 3));
    const end = close === -1 ? text.length : close + closer.length;
    result += text.slice(from, start) + blank(text.slice(start, end));
    from = end;
    if (html !== -1 && html < from) html = text.indexOf('<!--', from);
    if (mdx !== -1 && mdx < from) mdx = text.indexOf('{/*', from);
  }
  return result + text.slice(from);
}
