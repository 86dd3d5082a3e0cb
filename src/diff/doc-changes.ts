// What changed in a Markdown/MDX page beyond its lines: title, frontmatter fields, sections (a
// heading and the text up to the next heading of any depth) and the anchors links may point at.
// Sections are matched by their anchor slug, so a renamed heading is one removed and one added
// section, and its old anchor shows up in `removedAnchors` (where inbound links break).
import type { DocChanges, DocMeta, Heading } from '../types.ts';
import { frontmatterChanges, type FrontmatterSide } from './frontmatter-changes.ts';

export function isDocPath(path: string): boolean {
  return /\.mdx?$/i.test(path);
}

interface Section {
  heading: Heading;
  /** The section's lines as they stand in the text (see `sameBody`). */
  raw: string;
}

/** Offsets where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * Heading lines are 1-based and count frontmatter lines, like the rest of DocMeta. A section is the
 * lines after its heading up to the next heading; its text is only cut out here, and normalized
 * (`bodyOf`) only when two sides must be compared and differ as they stand.
 */
function sectionsOf(text: string, headings: readonly Heading[]): Map<string, Section> {
  const starts = lineStarts(text);
  const ordered = [...headings].sort((x, y) => x.line - y.line);
  const sections = new Map<string, Section>();
  ordered.forEach((heading, i) => {
    const first = heading.line;
    const end = Math.min(i + 1 < ordered.length ? ordered[i + 1]!.line - 1 : starts.length, starts.length);
    const raw = first < end ? text.slice(starts[first], end < starts.length ? starts[end]! - 1 : text.length) : '';
    sections.set(heading.slug, { heading, raw });
  });
  return sections;
}

/** A section's body as compared: trailing whitespace dropped from every line, the whole trimmed. */
function bodyOf(raw: string): string {
  // trimEnd drops exactly what /\s+$/ matches (WhiteSpace and LineTerminator), without a regex per line.
  return raw
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Equal lines as they stand are equal bodies; only differing ones are normalized and compared. */
const sameBody = (a: Section, b: Section) => a.raw === b.raw || bodyOf(a.raw) === bodyOf(b.raw);

/** The page fields compared here (a whole DocMeta will do; the store hands frontmatter as a brief). */
type PageFields = Pick<DocMeta, 'title' | 'headings'> & FrontmatterSide;

export function docChanges(oldText: string, oldDoc: PageFields, newText: string, newDoc: PageFields): DocChanges {
  const before = sectionsOf(oldText, oldDoc.headings);
  const after = sectionsOf(newText, newDoc.headings);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [slug, section] of after) {
    const old = before.get(slug);
    if (!old) added.push(section.heading.text);
    else if (old.heading.depth !== section.heading.depth || !sameBody(old, section)) changed.push(section.heading.text);
  }
  for (const [slug, section] of before) if (!after.has(slug)) removed.push(section.heading.text);
  const newSlugs = new Set(newDoc.headings.map((heading) => heading.slug));
  return {
    titleBefore: oldDoc.title,
    titleAfter: newDoc.title,
    frontmatter: frontmatterChanges(oldDoc, newDoc),
    sections: { added, removed, changed },
    removedAnchors: oldDoc.headings.map((heading) => heading.slug).filter((slug) => !newSlugs.has(slug)),
  };
}
