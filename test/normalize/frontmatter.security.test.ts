import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, file, lines } from './pages.ts';

/** gray-matter.d.ts leaves out its content cache, which `matter(input)` without options fills. */
const untypedMatter = matter as typeof matter & { cache: Record<string, unknown>; clearCache(): void };

let dir: string;
let marker: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docdelta-fm-'));
  marker = path.join(dir, 'executed');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Code that leaves a file behind if anything ever runs it. */
const payload = () => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;

describe('normalizeFile: frontmatter never runs page code', () => {
  it('the payload does run under gray-matter defaults, so the tests below would notice if it ran', () => {
    matter(lines('---js', `{ title: (${payload()}, 'pwned') }`, '---', 'body'), { language: 'yaml' });
    expect(fs.existsSync(marker)).toBe(true);
  });

  it.each(['js', 'javascript', 'JavaScript', ' js ', 'JS'])('refuses ---%s frontmatter without executing it', (language) => {
    const meta = doc(lines(`---${language}`, `{ title: (${payload()}, 'pwned') }`, '---', '# Still read'));
    expect(fs.existsSync(marker)).toBe(false);
    expect(meta.frontmatterError).toBe(`frontmatter language "${language.trim()}" is refused: only YAML is read`);
    expect(meta.frontmatter).toEqual({});
    expect(meta.title).toBe('Still read');
  });

  it('refuses ---javascript frontmatter that spawns a process through process.mainModule', () => {
    const spawn = `process.mainModule.require('child_process').execSync('touch ' + ${JSON.stringify(marker)})`;
    const meta = doc(lines('---javascript', `(function () { ${spawn}; return { title: 'x' }; })()`, '---'));
    expect(fs.existsSync(marker)).toBe(false);
    expect(meta.frontmatterError).toMatch(/refused/);
  });

  it.each(['coffee', 'json', 'toml', 'constructor', 'toString', '__proto__'])('refuses ---%s frontmatter: only YAML is read', (language) => {
    expect(doc(lines(`---${language}`, '{"title": "x"}', '---')).frontmatterError).toMatch(/refused/);
  });

  it('does not execute !!js/function values, and reports them', () => {
    const meta = doc(lines('---', `title: !!js/function "function () { ${payload()} }"`, 'toString: !!js/function "function () { return 1 }"', '---', '# Fallback'));
    expect(fs.existsSync(marker)).toBe(false);
    expect(meta.frontmatterError).toMatch(/unknown tag.*js\/function/);
    expect(meta.title).toBe('Fallback');
  });

  it.each(['!!js/undefined ""', '!!js/regexp /x/', '!!binary aGVsbG8=', '!!python/object:os.system ls'])('refuses the YAML type %s', (value) => {
    expect(doc(lines('---', `a: ${value}`, '---')).frontmatterError).toMatch(/unknown tag/);
  });

  it('gray-matter alone, called without options, fails a bad block once and then serves it from its cache (the fault guarded against)', () => {
    const grayMatter = untypedMatter as unknown as (input: string) => { data: unknown };
    const source = lines('---', 'title: [unclosed control', '---', 'body');
    try {
      expect(() => grayMatter(source)).toThrow();
      expect(grayMatter(source).data).toEqual({});
    } finally {
      untypedMatter.clearCache();
    }
  });

  it('fails a bad YAML block every time it is parsed, not only the first time', () => {
    const source = lines('---', 'title: [unclosed', '---', 'body');
    const first = file('docs/a.mdx', source).doc;
    const second = file('docs/a.mdx', source).doc;
    expect(first?.frontmatterError).toMatch(/could not be read/);
    expect(second?.frontmatterError).toBe(first?.frontmatterError);
    expect(second?.frontmatter).toEqual({});
  });

  it("never fills gray-matter's content cache", () => {
    untypedMatter.clearCache();
    for (let index = 0; index < 50; index++) file(`docs/${index}.mdx`, lines('---', `title: Page ${index}`, '---'));
    expect(Object.keys(untypedMatter.cache)).toEqual([]);
  });
});
