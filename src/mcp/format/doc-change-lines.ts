// A page's changes beyond its lines, one Markdown bullet each: title, frontmatter fields (with
// values), sections, and anchors that inbound links may still point at.
import type { DocChanges, FrontmatterChange } from '../../types.ts';
import { code, nameList, value } from './inline-text.ts';

const SECTION_NAMES = 12;

/** NBSP ↔ space and the like: a real change, but not one a reader needs to look at. */
function whitespaceOnly(field: FrontmatterChange): boolean {
  const squash = (input: unknown) => (typeof input === 'string' ? input.replace(/\s+/g, ' ').trim() : JSON.stringify(input));
  return typeof field.before === 'string' && typeof field.after === 'string' && squash(field.before) === squash(field.after);
}

export function docChangeLines(doc: DocChanges): string[] {
  const lines: string[] = [];
  if (doc.titleBefore !== doc.titleAfter) lines.push(`title: ${value(doc.titleBefore, 100)} → ${value(doc.titleAfter, 100)}`);
  for (const field of doc.frontmatter.slice(0, 12)) {
    const name = code(field.field, 60);
    lines.push(whitespaceOnly(field) ? `${name}: whitespace only` : `${name}: ${value(field.before, 100)} → ${value(field.after, 100)}`);
  }
  if (doc.frontmatter.length > 12) lines.push(`${doc.frontmatter.length - 12} more frontmatter fields changed`);
  const { added, removed, changed } = doc.sections;
  if (added.length) lines.push(`sections added: ${nameList(added, SECTION_NAMES, 60)}`);
  if (removed.length) lines.push(`sections removed: ${nameList(removed, SECTION_NAMES, 60)}`);
  if (changed.length) lines.push(`sections changed: ${nameList(changed, SECTION_NAMES, 60)}`);
  if (doc.removedAnchors.length) {
    const anchors = doc.removedAnchors.slice(0, SECTION_NAMES).map((slug) => code(`#${slug}`, 60)).join(', ');
    const more = doc.removedAnchors.length > SECTION_NAMES ? ` (+${doc.removedAnchors.length - SECTION_NAMES} more)` : '';
    lines.push(`anchors gone (links to them now land at the top of the page): ${anchors}${more}`);
  }
  return lines.map((line) => `- ${line}`);
}
