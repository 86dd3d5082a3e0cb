import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { doc, file, lines } from './pages.ts';

const bytesOf = (...parts: Array<string | number[]>) =>
  new Uint8Array(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)))));

describe('normalizeFile: bytes, hashes and text', () => {
  it('hashes and sizes the raw bytes and hands back the very same byte array', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], '# Title\r\n');
    const normalized = file('docs/a.mdx', bytes);
    expect(normalized.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(normalized.size).toBe(bytes.byteLength);
    expect(normalized.bytes).toBe(bytes);
    expect(normalized.binary).toBe(false);
    expect(normalized.note).toBeNull();
  });

  it('strips a UTF-8 BOM before reading frontmatter', () => {
    const meta = doc('\uFEFF---\ntitle: With BOM\n---\n# Heading\n');
    expect(meta.frontmatterError).toBeNull();
    expect(meta.title).toBe('With BOM');
    expect(meta.headings).toEqual([{ depth: 1, text: 'Heading', slug: 'heading', line: 4 }]);
  });

  it('reads CRLF pages like LF pages, with the same line numbers', () => {
    const source = lines('---', 'title: Windows', 'description: Saved on Windows', '---', '', '## Setup', 'See [the guide](/guide).', '');
    const lf = doc(source);
    const crlf = doc(source.replaceAll('\n', '\r\n'));
    expect(crlf).toEqual(lf);
    expect(crlf.title).toBe('Windows');
    expect(crlf.headings[0]).toMatchObject({ text: 'Setup', line: 6 });
    expect(crlf.links[0]).toMatchObject({ target: '/guide', line: 7 });
  });

  it('treats a lone CR as a line break', () => {
    const meta = doc('# One\r## Two\r[x](/y)\r');
    expect(meta.headings.map((heading) => [heading.text, heading.line])).toEqual([
      ['One', 1],
      ['Two', 2],
    ]);
    expect(meta.links[0]).toMatchObject({ target: '/y', line: 3 });
  });

  it('marks a file with a NUL byte in its first 8000 bytes as binary, with the offset, and does not parse it', () => {
    const normalized = file('docs/image.mdx', bytesOf('# Looks like text', [0], 'more'));
    expect(normalized).toMatchObject({ binary: true, doc: null, note: 'binary: NUL byte at offset 17', route: '/image' });
  });

  it('keeps a file whose first NUL comes after 8000 bytes as text, as git does, and parses it with the NUL replaced', () => {
    const normalized = file('docs/late.mdx', bytesOf('# Late\n', 'x'.repeat(9000), [0], '\n[link](/target)\n'));
    expect(normalized.binary).toBe(false);
    expect(normalized.note).toMatch(/NUL bytes .* replaced/);
    expect(normalized.doc?.links).toEqual([{ target: '/target', line: 3, kind: 'markdown', text: 'link' }]);
    expect(JSON.stringify(normalized.doc)).not.toContain('\\u0000');
  });

  it('marks invalid UTF-8 as binary and says at which byte it goes wrong', () => {
    const normalized = file('docs/latin1.mdx', bytesOf('# Caf', [0xe9], '\n'));
    expect(normalized).toMatchObject({ binary: true, doc: null, note: 'binary: invalid UTF-8 at byte 5' });
  });

  it.each([
    ['a truncated sequence at the end', [0x61, 0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('rejects %s as invalid UTF-8', (_name, bytes) => {
    expect(file('docs/bad.md', new Uint8Array(bytes)).binary).toBe(true);
  });

  it('accepts multi-byte text, emoji included', () => {
    expect(doc('# Café ☕ 🎉\n').headings[0]?.text).toBe('Café ☕ 🎉');
  });

  it('gives non-Markdown text files no doc and no route', () => {
    expect(file('docs/data.json', '{"a":1}')).toMatchObject({ binary: false, doc: null, route: null, note: null });
  });

  it('reads an empty page as an empty doc', () => {
    expect(doc('')).toEqual({ frontmatter: {}, title: null, description: null, headings: [], links: [], frontmatterError: null });
  });
});
