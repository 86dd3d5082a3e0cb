// Links held in frontmatter: `url:` entries (navigation trees, breadcrumbs, API reference), absolute URLs in
// any field, and Markdown links inside text fields that the site renders.
import type { LinkKind } from '../types.ts';
import type { FoundLink } from './found-link.ts';
import type { FrontmatterBlock } from './frontmatter-block.ts';
import type { LinkBudget } from './link-budget.ts';
import { scanMarkdownLinks } from './markdown-links.ts';
import { maskNonProse } from './prose-mask.ts';

const URL_KEYS = new Set(['url', 'href', 'link']);
const LABEL_KEYS = ['title', 'label', 'name', 'text'];
const ABSOLUTE_URL = /^https?:\/\/\S+$/i;

export interface FrontmatterLinkOptions {
  kind: Extract<LinkKind, 'navigation' | 'frontmatter'>;
  maxTargetChars: number;
  maxTextChars: number;
}

/**
 * Found from the parsed data (so YAML quoting and folding do not matter), then placed on the line where the
 * target first appears in the block after the previous same target; a target not found verbatim gets line 1.
 */
export function scanFrontmatterLinks(data: Record<string, unknown>, block: FrontmatterBlock, budget: LinkBudget, options: FrontmatterLinkOptions): FoundLink[] {
  const found: Array<{ target: string; text: string | null }> = [];
  const visit = (node: unknown, key: string | null, siblings: Record<string, unknown> | null) => {
    if (budget.exhausted) return;
    if (typeof node === 'string') {
      const value = node.trim();
      if (value === '' || value.length > options.maxTargetChars) return;
      if ((key !== null && URL_KEYS.has(key.toLowerCase()) && !/\s/.test(value)) || ABSOLUTE_URL.test(value)) {
        found.push({ target: value, text: labelOf(siblings, key, options.maxTextChars) });
      } else if (value.includes('](')) {
        const masked = maskNonProse(node, 0).masked;
        for (const link of scanMarkdownLinks(masked, node, budget, options)) found.push({ target: link.target, text: link.text });
      }
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key, null);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const [childKey, child] of Object.entries(record)) visit(child, childKey, record);
    }
  };
  visit(data, null, null);

  const cursors = new Map<string, number>();
  return found.map(({ target, text }) => {
    const at = findWhole(block.source, target, cursors.get(target) ?? 0);
    if (at !== -1) cursors.set(target, at + target.length);
    return { target, offset: at === -1 ? 0 : block.sourceStart + at, kind: options.kind, text };
  });
}

const BEFORE = new Set([undefined, ' ', '\t', '\n', '"', "'", '(', '[', '{', '<', ',']);
const AFTER = new Set([undefined, ' ', '\t', '\n', '"', "'", ')', ']', '}', '>', ',']);

/** `/authkit/sso` must not be placed on the line of `/authkit/sso-with-contractors`. */
function findWhole(source: string, target: string, from: number): number {
  for (let at = source.indexOf(target, from); at !== -1; at = source.indexOf(target, at + 1)) {
    if (BEFORE.has(source[at - 1]) && AFTER.has(source[at + target.length])) return at;
  }
  return -1;
}

function labelOf(siblings: Record<string, unknown> | null, key: string | null, maxChars: number): string | null {
  if (!siblings) return null;
  for (const labelKey of LABEL_KEYS) {
    const label = labelKey === key ? undefined : siblings[labelKey];
    if (typeof label === 'string' && label.trim() !== '') return label.trim().slice(0, maxChars);
  }
  return null;
}
