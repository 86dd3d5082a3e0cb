// Frontmatter: the block findFrontmatterBlock found, read by the safe YAML loader and nothing else, so
// no language but YAML (and no YAML type but plain data) is ever read from a page.
//
// gray-matter used to read it: it found the block a second time in a copy of it, encoded that copy to a
// Buffer and merged its options on every page, which cost a third of the frontmatter time on pages
// with large blocks. What it decided is kept below, so the same blocks give the same data and errors.
import type { FrontmatterBlock } from './frontmatter-block.ts';
import type { NormalizeLimits } from './limits.ts';
import { toPlainData } from './plain-data.ts';
import { loadSafeYaml } from './safe-yaml.ts';

export interface FrontmatterResult {
  data: Record<string, unknown>;
  error: string | null;
}

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

export function parseFrontmatter(block: FrontmatterBlock, limits: NormalizeLimits): FrontmatterResult {
  const refusal = refusalFor(block, limits);
  if (refusal) return { data: {}, error: refusal };
  // With the opening `---` line's break in front, YAML's error positions are the page's line numbers.
  const source = `\n${block.source}`;
  if (holdsNoFields(source)) return { data: {}, error: null };
  try {
    const data = toPlainData(loadSafeYaml(source), { maxNodes: limits.maxFrontmatterNodes, maxDepth: limits.maxFrontmatterDepth });
    if (data === null || data === undefined) return { data: {}, error: null };
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, error: 'frontmatter is not a mapping of fields' };
    return { data: data as Record<string, unknown>, error: null };
  } catch (error) {
    return { data: {}, error: describe(error) };
  }
}

function refusalFor(block: FrontmatterBlock, limits: NormalizeLimits): string | null {
  if (!YAML_LANGUAGES.has(block.language.toLowerCase())) {
    return `frontmatter language "${block.language.slice(0, 40)}" is refused: only YAML is read`;
  }
  if (block.source.length > limits.maxFrontmatterBytes) {
    return `frontmatter of ${block.source.length} characters is over the ${limits.maxFrontmatterBytes} limit`;
  }
  // A `---` line starts a second YAML document, and other readers (gray-matter among them) close the block
  // at the first `\n---`, even `----`: such a block means different things to different tools.
  if (block.source.startsWith('---') || block.source.includes('\n---')) return 'frontmatter contains a line starting with ---';
  return null;
}

const COMMENT_LINES = /^\s*#[^\n]+/gm;

/**
 * A block of blank lines and `#` comments has no fields and is not handed to YAML (gray-matter's rule).
 * Only a block whose first visible character is `#` needs the comments taken out to tell.
 */
function holdsNoFields(source: string): boolean {
  const first = source.search(/\S/);
  if (first === -1) return true;
  if (source[first] !== '#') return false;
  return source.replace(COMMENT_LINES, '').trim() === '';
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return `frontmatter could not be read: ${oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine}`;
}
