import { describe, expect, it } from 'vitest';
import { doc, lines } from './pages.ts';

describe('normalizeFile: frontmatter', () => {
  it('reads YAML frontmatter, title and description', () => {
    const meta = doc(lines('---', 'title: Single Sign-On', 'description: >-', '  Facilitate greater', '  security.', 'showNextPage: true', '---', '', '## Introduction'));
    expect(meta.frontmatter).toEqual({ title: 'Single Sign-On', description: 'Facilitate greater security.', showNextPage: true });
    expect(meta.title).toBe('Single Sign-On');
    expect(meta.description).toBe('Facilitate greater security.');
    expect(meta.frontmatterError).toBeNull();
  });

  it('falls back to the first level-1 heading for the title', () => {
    expect(doc(lines('## Not this', '# The **real** title', '# Not this either')).title).toBe('The real title');
  });

  it('prefers the frontmatter title over the first heading, and reads a number as a title', () => {
    expect(doc(lines('---', 'title: 404', '---', '# Page not found')).title).toBe('404');
  });

  it('accepts ---yaml and ---yml as YAML', () => {
    expect(doc(lines('---yaml', 'title: A', '---')).title).toBe('A');
    expect(doc(lines('--- yml', 'title: B', '---')).title).toBe('B');
  });

  it('keeps dates as the strings they were written as, so the data stays plain JSON', () => {
    expect(doc(lines('---', 'date: 2024-01-31', 'updated: 2024-01-31T10:00:00Z', '---')).frontmatter).toEqual({
      date: '2024-01-31',
      updated: '2024-01-31T10:00:00Z',
    });
  });

  it('reports bad YAML, keeps frontmatter empty and still parses the body with file line numbers', () => {
    const meta = doc(lines('---', 'title: [unclosed', 'description: x', '---', '', '# Body heading', '[a link](/somewhere)'));
    expect(meta.frontmatterError).toMatch(/^frontmatter could not be read: /);
    expect(meta.frontmatter).toEqual({});
    expect(meta.title).toBe('Body heading');
    expect(meta.headings[0]?.line).toBe(6);
    expect(meta.links[0]).toMatchObject({ target: '/somewhere', line: 7 });
  });

  it('reports frontmatter that is a list or a scalar rather than a mapping', () => {
    expect(doc(lines('---', '- a', '- b', '---')).frontmatterError).toBe('frontmatter is not a mapping of fields');
    expect(doc(lines('---', 'just a sentence', '---')).frontmatterError).toBe('frontmatter is not a mapping of fields');
  });

  it('reads an empty or comment-only block as no fields, without an error', () => {
    expect(doc(lines('---', '---', '# T'))).toMatchObject({ frontmatter: {}, frontmatterError: null, title: 'T' });
    expect(doc(lines('---', '# only a comment', '---'))).toMatchObject({ frontmatter: {}, frontmatterError: null });
  });

  it('reads the fields after leading comments and blank lines', () => {
    expect(doc(lines('---', '', '# generated, do not edit', '  # indented comment', 'title: T', '---')).frontmatter).toEqual({ title: 'T' });
  });

  it("reports a YAML error at the page's own line number", () => {
    expect(doc(lines('---', 'title: T', 'keys: 1', 'keys: 2', '---')).frontmatterError).toMatch(/duplicated mapping key at line 4,/);
  });

  it('treats an opening --- that is never closed as a thematic break, not as frontmatter swallowing the page', () => {
    const meta = doc(lines('---', '', '# Heading after a rule', 'text'));
    expect(meta.frontmatterError).toBeNull();
    expect(meta.headings).toEqual([{ depth: 1, text: 'Heading after a rule', slug: 'heading-after-a-rule', line: 3 }]);
  });

  it('does not treat ---- as an opening delimiter', () => {
    expect(doc(lines('----', 'title: x', '---')).frontmatter).toEqual({});
  });

  it('refuses frontmatter over 64 KB without parsing it, and still reads the body', () => {
    const big = `note: "${'x'.repeat(70 * 1024)}"`;
    const meta = doc(lines('---', big, '---', '# After'));
    expect(meta.frontmatterError).toMatch(/over the 65536 limit/);
    expect(meta.frontmatter).toEqual({});
    expect(meta.headings[0]).toMatchObject({ text: 'After', line: 4 });
  });

  it('refuses a block holding a line that gray-matter would take as its end', () => {
    expect(doc(lines('---', 'a: 1', '----', 'b: 2', '---')).frontmatterError).toBe('frontmatter contains a line starting with ---');
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [from, to] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f']]) bomb.push(`${to}: &${to} [*${from},*${from},*${from},*${from},*${from},*${from},*${from},*${from},*${from},*${from}]`);
    const meta = doc(lines('---', ...bomb, '---'));
    expect(meta.frontmatterError).toMatch(/more than 10000 values/);
    expect(meta.frontmatter).toEqual({});
  });

  it('refuses frontmatter nested deeper than 32 levels, and survives nesting deep enough to overflow the parser', () => {
    expect(doc(lines('---', `a: ${'['.repeat(40)}${']'.repeat(40)}`, '---')).frontmatterError).toMatch(/deeper than 32/);
    expect(doc(lines('---', `a: ${'['.repeat(30_000)}`, '---')).frontmatterError).toMatch(/^frontmatter could not be read/);
  });

  it('keeps a __proto__ key as plain data without touching any prototype', () => {
    const meta = doc(lines('---', '__proto__:', '  polluted: true', 'title: T', '---'));
    expect(Object.getPrototypeOf(meta.frontmatter)).toBe(Object.prototype);
    expect(Object.keys(meta.frontmatter)).toEqual(['__proto__', 'title']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(meta.frontmatter))).toEqual(JSON.parse('{"__proto__":{"polluted":true},"title":"T"}'));
  });

  it('replaces NUL and lone surrogates that YAML escapes produce, since jsonb cannot store them', () => {
    const meta = doc(lines('---', 'a: "x\\0y"', 'b: "\\uD800"', '---'));
    expect(meta.frontmatter).toEqual({ a: 'x\uFFFDy', b: '\uFFFD' });
  });

  it('reports duplicate keys rather than silently keeping one', () => {
    expect(doc(lines('---', 'title: a', 'title: b', '---')).frontmatterError).toMatch(/duplicated mapping key/);
  });
});
