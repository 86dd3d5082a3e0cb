// Section changes are found without splitting whole pages into lines: the result must be what the
// plain definition gives (every line without trailing whitespace, each section's lines joined and
// trimmed, compared by anchor slug), on random pages with odd heading lines and trailing spaces.
import { describe, expect, it } from 'vitest';
import { docChanges } from '../../src/diff/index.ts';
import type { Heading } from '../../src/types.ts';
import { seededRandom } from '../support/diff-random-trees.ts';

function plainSections(text: string, headings: Heading[]): Map<string, { heading: Heading; body: string }> {
  const lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  const ordered = [...headings].sort((x, y) => x.line - y.line);
  const sections = new Map<string, { heading: Heading; body: string }>();
  ordered.forEach((heading, i) => {
    const end = i + 1 < ordered.length ? ordered[i + 1]!.line - 1 : lines.length;
    sections.set(heading.slug, { heading, body: lines.slice(heading.line, end).join('\n').trim() });
  });
  return sections;
}

function plainChanges(oldText: string, oldHeadings: Heading[], newText: string, newHeadings: Heading[]) {
  const before = plainSections(oldText, oldHeadings);
  const after = plainSections(newText, newHeadings);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [slug, section] of after) {
    const old = before.get(slug);
    if (!old) added.push(section.heading.text);
    else if (old.body !== section.body || old.heading.depth !== section.heading.depth) changed.push(section.heading.text);
  }
  for (const [slug, section] of before) if (!after.has(slug)) removed.push(section.heading.text);
  return { added, removed, changed };
}

describe('section changes', () => {
  it('equal the plain definition on random pages', () => {
    const random = seededRandom(11);
    const pieces = ['a', 'b', ' ', '\t', '\u00a0', '', 'x y', '# h'];
    const page = () => Array.from({ length: Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]! + (random() < 0.3 ? ' ' : '')).join('\n');
    const headings = (lineCount: number): Heading[] =>
      Array.from({ length: Math.floor(random() * 5) }, () => {
        const slug = ['s1', 's2', 's3', 's4'][Math.floor(random() * 4)]!;
        return { depth: 1 + Math.floor(random() * 2), text: slug.toUpperCase(), slug, line: 1 + Math.floor(random() * (lineCount + 3)) };
      });
    for (let i = 0; i < 3000; i++) {
      const oldText = page();
      const newText = random() < 0.3 ? oldText : page();
      const oldHeadings = headings(oldText.split('\n').length);
      const newHeadings = random() < 0.5 ? oldHeadings : headings(newText.split('\n').length);
      const doc = (headingList: Heading[]) => ({ title: null, frontmatter: {}, headings: headingList });
      const ours = docChanges(oldText, doc(oldHeadings), newText, doc(newHeadings)).sections;
      expect(ours, `case ${i}`).toEqual(plainChanges(oldText, oldHeadings, newText, newHeadings));
    }
  });
});
