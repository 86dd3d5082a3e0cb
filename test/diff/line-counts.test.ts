import { describe, expect, it } from 'vitest';
import { countLineChanges } from '../../src/diff/line-counts.ts';
import { minimalCounts } from '../support/diff-minimal-reference.ts';
import { seededRandom } from '../support/diff-random-trees.ts';
import { bytesOf } from '../support/git-trees.ts';

const count = (a: string | Uint8Array, b: string | Uint8Array) => countLineChanges(bytesOf(a), bytesOf(b));

describe('line counts', () => {
  it('counts a changed line as one addition and one deletion', () => {
    expect(count('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ additions: 1, deletions: 1, binary: false });
  });

  it('treats a final line without LF as different from the same line with LF', () => {
    expect(count('l1\nl2', 'l1\nl2\n')).toEqual({ additions: 1, deletions: 1, binary: false });
  });

  it('treats CRLF and LF lines as different records', () => {
    expect(count('a\nb\n', 'a\r\nb\r\n')).toEqual({ additions: 2, deletions: 2, binary: false });
  });

  it('counts a whole new or removed file line by line', () => {
    expect(count('', 'a\nb\nc')).toEqual({ additions: 3, deletions: 0, binary: false });
    expect(count('a\nb\n', '')).toEqual({ additions: 0, deletions: 2, binary: false });
  });

  it('finds the minimal counts where git 2.39.5 discards a frequent line (spec case 15)', () => {
    const before = 'uniqA1\nuniqA2\nuniqA3\nuniqA4\n\nuniqA5\nuniqA6\nuniqA7\nuniqA8\n';
    expect(count(before, '\n\n\n\nw1\n')).toEqual({ additions: 4, deletions: 8, binary: false });
  });

  it('keeps matches between lines that also occur elsewhere (no discard heuristics)', () => {
    const before = ['}', '', 'x1', '}', '', 'x2', '}', ''].join('\n');
    const after = ['}', '', 'y1', '}', '', 'y2', '}', ''].join('\n');
    expect(count(before, after)).toEqual({ additions: 2, deletions: 2, binary: false });
  });

  it('reports binary content (a NUL in the first 8000 bytes) as 0/0 and binary', () => {
    expect(count(new Uint8Array([1, 0, 2]), 'text\n')).toEqual({ additions: 0, deletions: 0, binary: true });
    const lateNul = new Uint8Array(8001).fill(0x61);
    lateNul[8000] = 0;
    expect(count(lateNul, 'a\n').binary).toBe(false);
  });

  it('compares bytes, not decoded text, so different invalid UTF-8 lines differ', () => {
    expect(count(new Uint8Array([0xff, 0x0a]), new Uint8Array([0xfe, 0x0a]))).toEqual({ additions: 1, deletions: 1, binary: false });
  });

  it('always equals an independent LCS count on random texts with CR, blank lines and missing final LF', () => {
    const random = seededRandom(42);
    const alphabet = ['a\n', 'b\n', '\n', 'c\r\n', 'a', 'b', 'd\n', 'e\n'];
    const text = () => Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const before = bytesOf(text());
      const after = bytesOf(text());
      const { additions, deletions } = countLineChanges(before, after);
      expect({ additions, deletions }, `case ${i}`).toEqual(minimalCounts(before, after));
    }
  });
});
