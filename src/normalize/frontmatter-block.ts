// Finds the frontmatter block ourselves, so the body is parsed (and its lines numbered) even when the block is refused.

export interface FrontmatterBlock {
  /** What follows the opening `---` (`js`, `yaml`), trimmed; `''` for plain YAML. */
  language: string;
  /** The lines between the delimiters. */
  source: string;
  /** Offset of `source` in the page text. */
  sourceStart: number;
  /** Offset of the first body character. */
  bodyStart: number;
}

const CLOSING = /^---[ \t]*$/;

/**
 * Opens with `---` on the first line (not `----`, as gray-matter) and closes at the next line that is
 * exactly `---`. An unclosed opening is a thematic break, not a block: gray-matter would swallow the page.
 */
export function findFrontmatterBlock(text: string): FrontmatterBlock | null {
  if (!text.startsWith('---') || text.charAt(3) === '-') return null;
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1) return null;
  const language = text.slice(3, firstBreak).trim();
  let lineStart = firstBreak + 1;
  while (lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if (text.startsWith('---', lineStart) && CLOSING.test(text.slice(lineStart, end))) {
      const source = lineStart === firstBreak + 1 ? '' : text.slice(firstBreak + 1, lineStart - 1);
      return { language, source, sourceStart: firstBreak + 1, bodyStart: Math.min(end + 1, text.length) };
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return null;
}
