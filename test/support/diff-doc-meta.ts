// A small stand-in for normalize's DocMeta, so diff tests can build pages without that stage:
// `---` frontmatter of `key: value` lines, ATX headings with simple slugs, 1-based line numbers
// that count the frontmatter lines.
import type { DocMeta, Heading } from '../../src/types.ts';

export function docMetaOf(text: string): DocMeta {
  const lines = text.split('\n');
  const frontmatter: Record<string, unknown> = {};
  let first = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    for (const line of lines.slice(1, end)) {
      const [key, ...rest] = line.split(':');
      frontmatter[key!.trim()] = rest.join(':').trim();
    }
    first = end + 1;
  }
  const headings: Heading[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, index) => {
    const match = index >= first ? /^(#{1,6})\s+(.*)$/.exec(line) : null;
    if (!match) return;
    const text = match[2]!.trim();
    const base = text.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    headings.push({ depth: match[1]!.length, text, slug: repeat ? `${base}-${repeat}` : base, line: index + 1 });
  });
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : (headings[0]?.text ?? null);
  const description = typeof frontmatter.description === 'string' ? frontmatter.description : null;
  return { frontmatter, title, description, headings, links: [], frontmatterError: null };
}
