// Headings with the anchors GitHub (and most doc sites) give them, so sections can be compared and linked.
import GithubSlugger from 'github-slugger';
import type { Heading } from '../types.ts';
import { detached } from './detached.ts';
import { splitHeadingAttributes } from './heading-attributes.ts';
import { inlineText } from './inline-text.ts';
import type { NormalizeLimits } from './limits.ts';
import type { MaskedPage } from './prose-mask.ts';

export interface HeadingScan {
  headings: Heading[];
  truncated: boolean;
}

export interface HeadingOptions {
  /** `.md` has indented code blocks, so a heading may be indented at most 3 spaces; MDX has none. */
  maxIndent: number;
}

const ATX = /^([ \t]*)(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const NOT_BLANK = /\S/;
// Lines that end a paragraph in a way that rules out a setext underline below them.
const NOT_PARAGRAPH = /^[ \t]*(?:[<{|>#]|[-*+][ \t]|\d{1,9}[.)][ \t]|(?:import|export)[ \t])/;

/**
 * `lines` are the page's lines, `maskedLines` the same with code/frontmatter/comments blanked:
 * detection reads the masked copy, the text comes from the original (keeping inline code words).
 * Hidden lines are blank without being read.
 */
export function extractHeadings(page: Pick<MaskedPage, 'lines' | 'maskedLines' | 'hiddenLines'>, options: HeadingOptions, limits: NormalizeLimits): HeadingScan {
  const { lines, maskedLines, hiddenLines } = page;
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  let paragraphStart = -1;
  const push = (depth: number, raw: string, index: number) => {
    const { text: withoutAttributes, id } = splitHeadingAttributes(raw.slice(0, limits.maxHeadingLineChars));
    const text = detached(inlineText(withoutAttributes, { keepImageAlt: false, maxChars: limits.maxTextChars }));
    headings.push({ depth, text, slug: slugger.slug(id ?? text), line: index + 1 });
  };
  for (let index = 0; index < maskedLines.length; index++) {
    if (headings.length >= limits.maxHeadings) return { headings, truncated: true };
    const masked = maskedLines[index] ?? '';
    if (hiddenLines[index] || !NOT_BLANK.test(masked)) {
      paragraphStart = -1;
      continue;
    }
    const atx = ATX.exec(masked);
    if (atx && indentWidth(atx[1] ?? '') <= options.maxIndent) {
      const hashes = atx[2] ?? '';
      const original = lines[index] ?? '';
      push(hashes.length, stripClosingHashes(original.slice((atx[1] ?? '').length + hashes.length)), index);
      paragraphStart = -1;
      continue;
    }
    const setext = paragraphStart !== -1 ? SETEXT.exec(masked) : null;
    if (setext) {
      const raw = lines.slice(paragraphStart, index).join(' ');
      push((setext[1] ?? '').startsWith('=') ? 1 : 2, raw, paragraphStart);
      paragraphStart = -1;
      continue;
    }
    if (NOT_PARAGRAPH.test(masked) || isThematicBreak(masked)) paragraphStart = -1;
    else if (paragraphStart === -1) paragraphStart = index;
  }
  return { headings, truncated: false };
}

/** `---`, `* * *`, `===` on their own: a break (or an underline with nothing above), never paragraph text. */
function isThematicBreak(line: string): boolean {
  // Read in place, not on a copy without blanks: most lines fail at their first character.
  let char = '';
  let count = 0;
  for (let at = 0; at < line.length; at++) {
    const each = line[at]!;
    if (each === ' ' || each === '\t') continue;
    if (char === '') {
      if (each !== '-' && each !== '*' && each !== '_' && each !== '=') return false;
      char = each;
    } else if (each !== char) {
      return false;
    }
    count++;
  }
  return count >= 3;
}

function indentWidth(indent: string): number {
  let width = 0;
  for (const char of indent) width += char === '\t' ? 4 - (width % 4) : 1;
  return width;
}

/** `## Title ##` → `Title`; a `#` run that is part of the text (`C#`) stays. */
function stripClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  if (end === trimmed.length) return trimmed;
  if (end === 0) return '';
  const before = trimmed[end - 1];
  return before === ' ' || before === '\t' ? trimmed.slice(0, end) : trimmed;
}
