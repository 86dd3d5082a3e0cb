// Frontmatter `url:` values inside metadata subtrees (API reference entries declaring their own URL) are
// descriptions of the page, not links a reader follows; this counts them so the checker can set them apart.

const URL_KEYS = new Set(['url', 'href', 'link']);
const MAX_NODES = 20_000;

/** Target → how many times it appears as a `url:` value under one of `keys` of the frontmatter. */
export function metadataUrlCounts(frontmatter: Record<string, unknown>, keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  let budget = MAX_NODES;
  const visit = (node: unknown, key: string | null): void => {
    if (--budget < 0) return;
    if (typeof node === 'string') {
      if (key !== null && URL_KEYS.has(key.toLowerCase())) counts.set(node.trim(), (counts.get(node.trim()) ?? 0) + 1);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
    } else if (node !== null && typeof node === 'object') {
      for (const [childKey, child] of Object.entries(node as Record<string, unknown>)) visit(child, childKey);
    }
  };
  for (const key of keys) if (Object.hasOwn(frontmatter, key)) visit(frontmatter[key], null);
  return counts;
}
