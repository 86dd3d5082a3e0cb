// A sync normalizes an unchanged file once: the next version reuses the result, which equals what
// normalizing it again would give; a changed file or another docs root is normalized afresh.
import { describe, expect, it } from 'vitest';
import { normalizeFile } from '../../src/normalize/index.ts';
import { NormalizeMemo } from '../../src/services/normalize-memo.ts';
import type { SourceFile } from '../../src/types.ts';

const file = (path: string, text: string): SourceFile => ({ path, bytes: new TextEncoder().encode(text) });
const page = (title: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\nSee [the guide](./guide.mdx).\n`;

describe('NormalizeMemo', () => {
  it('reuses the previous version’s result for an unchanged file and normalizes changed ones', () => {
    const memo = new NormalizeMemo();
    const [kept1, edited1] = memo.normalizeVersion([file('docs/a.mdx', page('A')), file('docs/b.mdx', page('B'))], 'docs');
    const [kept2, edited2, added] = memo.normalizeVersion([file('docs/a.mdx', page('A')), file('docs/b.mdx', page('B, edited')), file('docs/c.mdx', page('C'))], 'docs');
    expect(kept2).toBe(kept1);
    expect(kept2).toEqual(normalizeFile(file('docs/a.mdx', page('A')), { docsRoot: 'docs' }));
    expect(edited2).not.toBe(edited1);
    expect(edited2!.doc?.title).toBe('B, edited');
    expect(added!.route).toBe('/c');
  });

  it('normalizes everything again when the docs root changes, since routes depend on it', () => {
    const memo = new NormalizeMemo();
    const [first] = memo.normalizeVersion([file('docs/a.mdx', page('A'))], 'docs');
    const [second] = memo.normalizeVersion([file('docs/a.mdx', page('A'))], null);
    expect(second).not.toBe(first);
    expect(second).toEqual(normalizeFile(file('docs/a.mdx', page('A')), { docsRoot: null }));
  });

  it('reads a file for a batch-by-batch ingest: the earlier version’s result when the content is the same, never holding bytes', () => {
    const memo = new NormalizeMemo();
    const sha = (source: SourceFile) => normalizeFile(source, { docsRoot: null }).sha256;
    const a = file('docs/a.mdx', page('A'));
    memo.startVersion();
    const first = memo.read(a, sha(a));
    const { bytes: _bytes, ...expected } = normalizeFile(a, { docsRoot: null });
    expect(first).toEqual(expected);
    expect('bytes' in first).toBe(false);
    memo.startVersion();
    const again = file('docs/a.mdx', page('A'));
    expect(memo.read(again, sha(again))).toBe(first);
    const edited = file('docs/a.mdx', page('A, edited'));
    expect(memo.read(edited, sha(edited)).doc?.title).toBe('A, edited');
  });
});
