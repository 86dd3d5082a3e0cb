// A sync reads an unchanged file once: the next version reuses the result, which equals what reading
// it again would give; a changed file is read afresh.
import { describe, expect, it } from 'vitest';
import { normalizeFile } from '../../src/normalize/index.ts';
import { NormalizeMemo } from '../../src/services/normalize-memo.ts';
import type { SourceFile } from '../../src/types.ts';
import { shallowFile } from '../../src/normalize/normalize-file.ts';

const file = (path: string, text: string): SourceFile => ({ path, bytes: new TextEncoder().encode(text) });
const page = (title: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\nSee [the guide](./guide.mdx).\n`;

describe('NormalizeMemo', () => {
  it('reads a file for a batch-by-batch ingest, as stored before its page is read: the earlier version’s result when the content is the same, never holding bytes', () => {
    const memo = new NormalizeMemo();
    const sha = (source: SourceFile) => normalizeFile(source, { docsRoot: null }).sha256;
    const a = file('docs/a.mdx', page('A'));
    memo.startVersion();
    const first = memo.read(a, sha(a));
    const { bytes: _bytes, ...expected } = shallowFile(a);
    expect(first).toEqual(expected);
    expect(first).toMatchObject({ doc: null, route: null, binary: false });
    expect('bytes' in first).toBe(false);
    memo.startVersion();
    const again = file('docs/a.mdx', page('A'));
    expect(memo.read(again, sha(again))).toBe(first);
    const edited = file('docs/a.mdx', page('A, edited'));
    expect(memo.read(edited, sha(edited)).sha256).toBe(sha(edited));
    expect(memo.read({ path: 'logo.png', bytes: new Uint8Array([0x89, 0, 1]) }, 'x').binary).toBe(true);
  });
});
