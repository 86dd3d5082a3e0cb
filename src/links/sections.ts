// Section routes: `/page/h2-slug/h3-slug` names a heading by the slugs of the headings it sits under.
import type { Heading } from '../types.ts';

/**
 * Slug algorithms disagree on punctuation: GitHub turns `dsync.activated` into `dsyncactivated` and
 * `OAuth 2.0` into `oauth-20`, the site into `dsync-activated` and `oauth-2-0`. Comparing letters and
 * digits only accepts every such spelling of one heading and nothing else.
 */
export function looseKey(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Keys a heading answers to: its slug and its text, and — when the slug is a repeat made unique with
 * `-1`, `-2` — the plain slug too, as sites that nest section routes only need uniqueness under a parent.
 */
export function headingKeys(headings: readonly Heading[]): Array<Set<string>> {
  const seen = new Set<string>();
  return headings.map((heading) => {
    const keys = new Set([looseKey(heading.slug), looseKey(heading.text)]);
    const repeat = /^(.+)-\d+$/.exec(heading.slug);
    if (repeat && seen.has(repeat[1]!)) keys.add(looseKey(repeat[1]!));
    seen.add(heading.slug);
    keys.delete('');
    return keys;
  });
}

const MAX_SECTION_SEGMENTS = 12;
const MAX_SEARCH_STEPS = 200_000;

/** End (exclusive) of the section a heading opens: the next heading at its depth or shallower. */
function sectionEnd(headings: readonly Heading[], index: number): number {
  const depth = headings[index]!.depth;
  let end = index + 1;
  while (end < headings.length && headings[end]!.depth > depth) end++;
  return end;
}

/**
 * The heading that `segments` name, each segment a heading inside the previous one's section (not
 * necessarily a direct child: sites skip levels). Null when no chain of headings matches.
 */
export function findSection(headings: readonly Heading[], segments: readonly string[], keys = headingKeys(headings)): number | null {
  if (segments.length > MAX_SECTION_SEGMENTS) return null;
  const wanted = segments.map(looseKey);
  // Repeated headings could make the search branch; a step budget keeps crafted pages from costing more.
  let steps = MAX_SEARCH_STEPS;
  const search = (depth: number, start: number, end: number): number | null => {
    for (let index = start; index < end; index++) {
      if (--steps < 0) return null;
      if (!keys[index]!.has(wanted[depth]!)) continue;
      if (depth === wanted.length - 1) return index;
      const found = search(depth + 1, index + 1, sectionEnd(headings, index));
      if (found !== null) return found;
    }
    return null;
  };
  return wanted.length === 0 ? null : search(0, 0, headings.length);
}

/**
 * The section route of a heading under its page: the slugs of the headings it sits under, then its own.
 * A page's `#` title is the page itself, never a segment.
 */
export function sectionPath(headings: readonly Heading[], index: number): string[] {
  const path = [headings[index]!.slug];
  let depth = headings[index]!.depth;
  for (let at = index - 1; at >= 0; at--) {
    const heading = headings[at]!;
    if (heading.depth < depth && heading.depth > 1) {
      path.unshift(heading.slug);
      depth = heading.depth;
    }
  }
  return path;
}
