import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { normalizeFile } from '../../src/normalize/index.ts';
import { file, lines } from './pages.ts';

/** Generous enough for a loaded CI machine; a quadratic scan of these inputs would take minutes. */
const QUICK_MS = 3_000;

function timed(content: string, path = 'docs/page.mdx') {
  const started = performance.now();
  const normalized = file(path, content);
  return { normalized, ms: performance.now() - started };
}

describe('normalizeFile: bounded work on hostile pages', () => {
  it.each([
    ['unclosed brackets', '['.repeat(1_000_000)],
    ['bracket-paren runs', '[]('.repeat(300_000)],
    ['close-bracket runs', ']('.repeat(500_000)],
    ['deep parentheses in a target', `[a](${'('.repeat(1_000_000)}`],
    ['unmatched backtick runs of every length', Array.from({ length: 1_000 }, (_, index) => '`'.repeat(index + 1)).join(' x ')],
    ['autolink openers', '<a:'.repeat(300_000)],
    ['attribute openers without closing quotes', ` href="${'x'.repeat(3_000)}`.repeat(300)],
    ['comment openers', '<!--'.repeat(250_000)],
    ['one 2 MB line', 'a'.repeat(2_000_000)],
    ['heading of emphasis and braces', `# ${'*_{{'.repeat(250_000)}`],
    ['definition-like lines', '[x]: '.repeat(200_000)],
    ['half a million short lines', '-\n'.repeat(500_000)],
  ])('stays fast on %s', (_name, content) => {
    const { normalized, ms } = timed(content);
    expect(normalized.doc).not.toBeNull();
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('stops scanning links when a page exhausts its budget, and says so', () => {
    const { normalized, ms } = timed('[](<'.repeat(250_000));
    expect(ms).toBeLessThan(QUICK_MS);
    expect(normalized.note).toMatch(/link scan stopped/);
  });

  it('caps the number of headings and links, and notes it', () => {
    const normalized = normalizeFile(
      { path: 'docs/many.mdx', bytes: new TextEncoder().encode(Array.from({ length: 50 }, (_, index) => `## H${index}\n[l](/${index})`).join('\n')) },
      { docsRoot: 'docs/', limits: { maxHeadings: 10, maxLinks: 20 } },
    );
    expect(normalized.doc?.headings).toHaveLength(10);
    expect(normalized.doc?.links).toHaveLength(20);
    expect(normalized.note).toBe('headings cut at 10; links cut at 20');
  });

  it('hashes but does not parse a page over the size limit', () => {
    const normalized = normalizeFile({ path: 'docs/huge.mdx', bytes: new TextEncoder().encode(`# Huge\n${'x'.repeat(2_000)}`) }, { docsRoot: 'docs/', limits: { maxParseChars: 1_000 } });
    expect(normalized).toMatchObject({ doc: null, binary: false, route: '/huge' });
    expect(normalized.note).toMatch(/not parsed: 2007 characters is over the 1000 limit/);
  });

  it('skips link targets longer than the limit', () => {
    expect(file('docs/a.mdx', `[long](/${'x'.repeat(5_000)}) [ok](/ok)`).doc?.links.map((link) => link.target)).toEqual(['/ok']);
  });
});

describe('normalizeFile: memory', () => {
  it('keeps the heap flat over 10k distinct docs, bad frontmatter included', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const page = (index: number) =>
      lines(
        '---',
        index % 2 === 0 ? `title: Page ${index}` : `title: [unclosed ${index}`,
        `description: ${'words '.repeat(50)}${index}`,
        '---',
        `# Heading ${index}`,
        `Some prose with a [link](/target/${index}) in it. `.repeat(20),
        '## Section',
        '```js',
        `const value = ${index};`,
        '```',
      );
    const run = (from: number, to: number) => {
      let checksum = 0;
      for (let index = from; index < to; index++) {
        const normalized = file(`docs/p${index}.mdx`, page(index));
        checksum += normalized.doc?.links.length ?? 0;
      }
      return checksum;
    };
    run(0, 500);
    gc();
    const before = process.memoryUsage().heapUsed;
    expect(run(500, 10_500)).toBe(10_000 * 20);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 10k pages of ~2.5 KB: a content cache alone would hold 25 MB or more.
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});
