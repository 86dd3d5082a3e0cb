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
  const out = lines.map((line, index) => {
    if (index < firstBodyLine || inCode[index]) return ' '.repeat(line.length);
    const spans = inlineCodeSpans(line);
    if (spans.length === 0) return line;
    let result = '';
    let from = 0;
    for (const [start, end] of spans) {
      result += line.slice(from, start) + ' '.repeat(end - start);
      from = end;
    }
    return result + line.slice(from);
  });
  const masked = maskComments(out.join('\n'));
  return { masked, lines, maskedLines: masked.split('\n') };
}

// HTML `<!-- -->` and MDX `{/* … */}` comments are not rendered, so their links are not links.
function maskComments(text: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const html = text.indexOf('<!--', from);
    const mdx = text.indexOf('{/*', from);
    if (html === -1 && mdx === -1) break;
    const isHtml = html !== -1 && (mdx === -1 || html < mdx);
    const start = isHtml ? html : mdx;
    const closer = isHtml ? '-->' : '*/}';
    const close = text.indexOf(closer, start + (isHtml ? 4 : 3));
    const end = close === -1 ? text.length : close + closer.length;
    result += text.slice(from, start) + blank(text.slice(start, end));
    from = end;
  }
  return result + text.slice(from);
}
