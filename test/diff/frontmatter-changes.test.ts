// A page's frontmatter compared as its values and as the briefs the store keeps of them must give the
// same changes, byte for byte: a cold diff reads briefs, a diff in memory (or of rows stored before
// briefs) reads values, and a pair can mix both. Checked on synthetic edge cases and on every page
// pair of a real release whose frontmatter carries kilobytes of API reference per page.
import { beforeAll, describe, expect, it } from 'vitest';
import { frontmatterChanges, type FrontmatterBrief, frontmatterBrief, type FrontmatterSide } from '../../src/diff/frontmatter-changes.ts';
import { asJsonb } from '../../src/diff/jsonb-key-order.ts';
import { normalizeFile } from '../../src/normalize/normalize-file.ts';
import type { FrontmatterChange } from '../../src/types.ts';
import { publishedFiles } from '../normalize/published-package.ts';

type Frontmatter = Record<string, unknown>;

/** A value as the store gives it back: JSON, then jsonb's key order. */
const stored = <T>(value: T): T => asJsonb(JSON.parse(JSON.stringify(value))) as T;
const asValues = (frontmatter: Frontmatter): FrontmatterSide => ({ frontmatter: stored(frontmatter) });
const asBrief = (frontmatter: Frontmatter): FrontmatterSide => ({ frontmatterBrief: stored(frontmatterBrief(frontmatter)) });

/** The changes in every way a diff can be handed the two sides; all must agree. */
function changesEveryWay(before: Frontmatter, after: Frontmatter): FrontmatterChange[] {
  const byValues = frontmatterChanges(asValues(before), asValues(after));
  const ways = {
    briefs: frontmatterChanges(asBrief(before), asBrief(after)),
    'values then brief': frontmatterChanges(asValues(before), asBrief(after)),
    'brief then values': frontmatterChanges(asBrief(before), asValues(after)),
  };
  for (const [way, changes] of Object.entries(ways)) expect(JSON.stringify(changes), way).toBe(JSON.stringify(byValues));
  return byValues;
}

const long = (text: string, times: number) => Array.from({ length: times }, (_, i) => `${text} ${i}`);

describe('frontmatter compared as values and as briefs', () => {
  it('keeps small values whole and large ones as hashes and a summary', () => {
    const brief: FrontmatterBrief = frontmatterBrief({ title: 'Users', reference: { methods: long('listUsers', 40) } });
    expect(brief.small).toEqual({ title: 'Users' });
    const [hash, squeezed, head, shape, chars] = brief.large.reference!;
    expect(hash).toMatch(/^[\w-]{43}$/);
    expect(squeezed).not.toBe(hash);
    expect(head).toBe(JSON.stringify({ methods: long('listUsers', 40) }).slice(0, 120));
    expect(shape).toBe('an object with 1 fields');
    expect(chars).toBe(JSON.stringify({ methods: long('listUsers', 40) }).length);
  });

  it('finds a change deep inside a large value, and none when only key order differs', () => {
    const reference = { methods: long('listUsers', 40), params: { limit: 10, order: 'desc' } };
    const edited = { ...reference, methods: [...reference.methods.slice(0, 39), 'listUsers 39!'] };
    const changes = changesEveryWay({ reference }, { reference: edited });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.before).toMatch(/… \(an object with 2 fields, \d+ characters; see the file's patch\)$/);
    expect(changesEveryWay({ reference }, { reference: { params: { order: 'desc', limit: 10 }, methods: reference.methods } })).toEqual([]);
  });

  it('reports whitespace-only edits of large values, and across the size at which values are summarized', () => {
    const words = long('a word', 30).join(' ');
    // Both large.
    expect(changesEveryWay({ text: [words] }, { text: [words.replace('a word 3', 'a\u00a0word 3')] })[0]!.whitespaceOnly).toBe(true);
    // Small before, large after: the spaces alone pass the length at which values are summarized.
    const small = 'x'.repeat(290);
    const grown = changesEveryWay({ text: small }, { text: `${small.slice(0, 100)}${' '.repeat(20)}${small.slice(100)}` });
    expect(grown).toHaveLength(1);
    expect(grown[0]!.before).toBe(small);
    expect(grown[0]!.after).toMatch(/characters; see the file's patch\)$/);
    expect(grown[0]!.whitespaceOnly).toBe(true);
    // A real edit across that size is not whitespace-only.
    expect(changesEveryWay({ text: small }, { text: `${small}${'y'.repeat(20)}` })[0]!.whitespaceOnly).toBeUndefined();
  });

  it('reports fields added and removed, summarized when large, with null for the missing side', () => {
    const changes = changesEveryWay({ gone: long('old', 50), kept: 1 }, { kept: 1, added: long('new', 50), flag: false });
    expect(changes.map((change) => [change.field, change.before === null, change.after === null])).toEqual([
      ['added', true, false],
      ['flag', true, false],
      ['gone', false, true],
    ]);
  });

  it('never cuts a summary inside a character, and stores its head well formed', () => {
    // 118 characters of JSON before the emoji: the 120th is the first half of a surrogate pair.
    const value = `${'a'.repeat(118)}😀${'b'.repeat(300)}`;
    const json = JSON.stringify(value);
    expect(json.charCodeAt(119)).toBe(0xd83d);
    const [, , head] = frontmatterBrief({ value }).large.value!;
    // Text with half a surrogate pair would not survive UTF-8 (nor jsonb).
    expect(Buffer.from(head, 'utf8').toString('utf8')).toBe(head);
    const changes = changesEveryWay({ value }, { value: `${value}c` });
    expect(changes[0]!.before).toBe(`${json.slice(0, 119)}… (a long value, ${json.length} characters; see the file's patch)`);
  });

  it('keeps a field named __proto__ as a field, small or inside a large value', () => {
    // normalize keeps such a key as data (plain-data.ts); JSON.parse from the store does too.
    const withProto = (inner: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}, "title": "x"}`) as Frontmatter;
    expect(changesEveryWay(withProto('a'), withProto('b'))).toEqual([{ field: '__proto__', before: 'a', after: 'b' }]);
    const large = (last: string) => JSON.parse(`{"ref": {"__proto__": ${JSON.stringify(last)}, "list": ${JSON.stringify(long('w', 80))}}}`) as Frontmatter;
    expect(changesEveryWay(large('a'), large('b')).map((change) => change.field)).toEqual(['ref']);
  });

  it('treats values JSON cannot hold as the store does, should any reach the diff', () => {
    // normalize turns YAML's .inf into a string; a caller handing Infinity sees it compared as JSON's null.
    expect(changesEveryWay({ limit: Infinity, list: [...long('x', 40), Infinity] }, { limit: null, list: [...long('x', 40), null] })).toEqual([]);
  });
});

describe('frontmatter of a real release, as values and as briefs', () => {
  const pages = new Map<string, Map<string, Frontmatter>>();

  beforeAll(async () => {
    for (const version of ['0.1.0', '0.2.0']) {
      const byPath = new Map<string, Frontmatter>();
      for (const source of await publishedFiles('@workos/mcp-docs-server', version)) {
        const doc = normalizeFile(source, { docsRoot: null }).doc;
        if (doc) byPath.set(source.path, doc.frontmatter);
      }
      pages.set(version, byPath);
    }
  }, 120_000);

  it('gives the same changes for every page pair of @workos/mcp-docs-server 0.1.0 → 0.2.0', () => {
    const before = pages.get('0.1.0')!;
    const after = pages.get('0.2.0')!;
    // The same path on both sides, the moved folder's pages, and each page against an unrelated one.
    const pairs: Array<[Frontmatter, Frontmatter]> = [];
    const afterPaths = [...after.keys()].sort();
    [...before.keys()].sort().forEach((path, i) => {
      const moved = path.replace('/user-management/', '/authkit/');
      if (after.has(moved)) pairs.push([before.get(path)!, after.get(moved)!]);
      pairs.push([before.get(path)!, after.get(afterPaths[(i * 7) % afterPaths.length]!)!]);
    });
    let summarized = 0;
    let whitespaceOnly = 0;
    for (const [old, next] of pairs) {
      for (const change of changesEveryWay(old, next)) {
        if (typeof change.after === 'string' && change.after.endsWith("see the file's patch)")) summarized += 1;
        if (change.whitespaceOnly) whitespaceOnly += 1;
      }
    }
    // The release exercises what briefs stand for: large values changed, and edits of whitespace alone.
    expect(pairs.length).toBeGreaterThan(700);
    expect(summarized).toBeGreaterThan(300);
    expect(whitespaceOnly).toBeGreaterThan(10);
  }, 120_000);
});
