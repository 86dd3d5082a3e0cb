// A copy of the page where everything that is not prose is blanked, offsets unchanged, for the scanners.
import { fencedLines } from './code-fences.ts';
import { inlineCodeSpans } from './inline-code.ts';
import { occurrences } from './occurrences.ts';

export interface MaskedPage {
  /** Same length and line breaks as the page; frontmatter, code and comments are spaces. */
  masked: string;
  lines: string[];
  maskedLines: string[];
  /** Lines blanked whole (frontmatter, fenced code): known blank, so the heading scan need not read them. */
  hiddenLines: boolean[];
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

export function maskNonProse(text: string, bodyStart: number): MaskedPage {
  const lines = text.split('\n');
  let firstBodyLine = 0;
  for (let offset = 0; firstBodyLine < lines.length && offset < bodyStart; firstBodyLine++) offset += (lines[firstBodyLine] ?? '').length + 1;
  const hiddenLines = fencedLines(lines, firstBodyLine).fill(true, 0, firstBodyLine);
  // Hidden lines are cut from one run of spaces: `' '.repeat` per line builds a rope per line, which the
  // first scanner to read it has to flatten, a second copy of every line of code.
  let widest = 0;
  for (let index = 0; index < lines.length; index++) if (hiddenLines[index]) widest = Math.max(widest, lines[index]!.length);
  const spaces = ' '.repeat(widest);
  // Most lines are prose without code spans and stay as they are.
  const out = lines.slice();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (hiddenLines[index]) out[index] = spaces.slice(0, line.length);
    else if (line.includes('`')) out[index] = maskCodeSpans(line);
  }
  const joined = out.join('\n');
  const masked = maskComments(joined);
  // Most pages have no comments: their masked lines are the ones just built, not a second split.
  return { masked, lines, maskedLines: masked === joined ? out : masked.split('\n'), hiddenLines };
}

function maskCodeSpans(line: string): string {
  const spans = inlineCodeSpans(line);
  if (spans.length === 0) return line;
  // Joined, not concatenated, so the line comes out flat, for the same reason.
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    parts.push(line.slice(from, start), ' '.repeat(end - start));
    from = end;
  }
  parts.push(line.slice(from));
  return parts.join('');
}

// HTML `<!-- -->` and MDX `{/* … */}` comments are not rendered, so their links are not links.
function maskComments(text: string): string {
  // Each kind's next opener is searched again only once the scan has passed it: a page full of one kind
  // must not rescan the rest of the page for the other after every comment.
  const htmlOpeners = occurrences(text, '<!--');
  const mdxOpeners = occurrences(text, '{/*');
  let result = '';
  let from = 0;
  for (;;) {
    const html = htmlOpeners.next(from);
    const mdx = mdxOpeners.next(from);
    if (html === -1 && mdx === -1) break;
    const isHtml = html !== -1 && (mdx === -1 || html < mdx);
    const start = isHtml ? html : mdx;
    const closer = isHtml ? '-->' : '*/}';
    const close = text.indexOf(closer, start + (isHtml ? 4 : 3));
    const end = close === -1 ? text.length : close + closer.length;
    result += text.slice(from, start) + blank(text.slice(start, end));
    from = end;
  }
  return from === 0 ? text : result + text.slice(from);
}
