// One Markdown/MDX page's text → DocMeta: frontmatter, title, description, headings and links with lines.
import type { DocLink, DocMeta } from '../types.ts';
import { scanAutolinks } from './autolinks.ts';
import type { FoundLink } from './found-link.ts';
import { findFrontmatterBlock } from './frontmatter-block.ts';
import { scanFrontmatterLinks } from './frontmatter-links.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { extractHeadings } from './headings.ts';
import { scanHtmlLinks } from './html-links.ts';
import type { NormalizeLimits } from './limits.ts';
import { detached } from './detached.ts';
import { createLinkBudget } from './link-budget.ts';
import { scanLinkDefinitions } from './link-definitions.ts';
import { buildLineIndex, lineAt } from './line-index.ts';
import { scanMarkdownLinks } from './markdown-links.ts';
import { maskNonProse } from './prose-mask.ts';

export interface ReadDocOptions {
  /** `_navigation.mdx` and friends: their frontmatter URLs are the site's navigation. */
  partial: boolean;
  /** `.md` keeps CommonMark's indented code, so headings may be indented 3 spaces at most. */
  markdownIndent: boolean;
}

export interface ReadDoc {
  doc: DocMeta;
  /** Limits that cut the extraction short, for the file's note. */
  notes: string[];
}

export function readDoc(text: string, options: ReadDocOptions, limits: NormalizeLimits): ReadDoc {
  const notes: string[] = [];
  const block = findFrontmatterBlock(text);
  const frontmatter = block ? parseFrontmatter(block, limits) : { data: {}, error: null };
  const page = maskNonProse(text, block?.bodyStart ?? 0);

  const headingScan = extractHeadings(page, { maxIndent: options.markdownIndent ? 3 : Number.POSITIVE_INFINITY }, limits);
  if (headingScan.truncated) notes.push(`headings cut at ${limits.maxHeadings}`);

  const budget = createLinkBudget(text.length, limits.linkScanStepsPerChar);
  const textOptions = { maxTargetChars: limits.maxLinkTargetChars, maxTextChars: limits.maxTextChars };
  const found: FoundLink[] = [
    ...(block ? scanFrontmatterLinks(frontmatter.data, block, budget, { ...textOptions, kind: options.partial ? 'navigation' : 'frontmatter' }) : []),
    ...scanMarkdownLinks(page.masked, text, budget, textOptions),
    ...scanLinkDefinitions(page.maskedLines),
    ...scanAutolinks(page.masked),
    ...scanHtmlLinks(page.masked, text, budget, limits.maxLinkTargetChars),
  ];
  if (budget.exhausted) notes.push('link scan stopped: page exceeds the scanning budget');
  const lines = buildLineIndex(page.lines);
  const links: DocLink[] = found
    .filter((link) => link.target.length <= limits.maxLinkTargetChars)
    .sort((a, b) => a.offset - b.offset)
    .slice(0, limits.maxLinks)
    .map((link) => ({ target: detached(link.target), line: lineAt(lines, link.offset), kind: link.kind, text: link.text === null ? null : detached(link.text) }));
  if (found.length > limits.maxLinks) notes.push(`links cut at ${limits.maxLinks}`);

  const firstH1 = headingScan.headings.find((heading) => heading.depth === 1);
  return {
    doc: {
      frontmatter: frontmatter.data,
      title: textField(frontmatter.data.title) ?? (firstH1 && firstH1.text !== '' ? firstH1.text : null),
      description: textField(frontmatter.data.description),
      headings: headingScan.headings,
      links,
      frontmatterError: frontmatter.error,
    },
    notes,
  };
}

/** `title: 404` is a title too; objects and lists are not. */
function textField(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}
