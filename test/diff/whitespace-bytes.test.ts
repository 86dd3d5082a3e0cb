// The `-w` line counts work on bytes (no string per line): they must read whitespace exactly as the
// text rule does, and count exactly what squeezing the decoded text and counting again gives.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { countLineChanges } from '../../src/diff/line-counts.ts';
import { countIgnoringWhitespace, whitespaceLength, withoutWhitespace } from '../../src/diff/whitespace.ts';
import { seededRandom } from '../support/diff-random-trees.ts';

/** The plain definition: decode, drop whitespace line by line, encode, count. */
function squeezedCounts(before: Uint8Array, after: Uint8Array) {
  const squeeze = (bytes: Uint8Array) => Buffer.from(Buffer.from(bytes).toString('utf8').split('\n').map(withoutWhitespace).join('\n'), 'utf8');
  const { additions, deletions } = countLineChanges(squeeze(before), squeeze(after));
  return { additions, deletions };
}

describe('whitespace on bytes', () => {
  it('recognizes exactly the characters the text rule removes, for every code point', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const bytes = Buffer.from(`${char}x`, 'utf8');
      const isSpace = withoutWhitespace(char) === '';
      const length = whitespaceLength(bytes, 0, bytes.length);
      if (length !== (isSpace ? bytes.length - 1 : 0)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('never reads a multi-byte space across the end of a record', () => {
    const nbsp = Buffer.from('\u00a0', 'utf8');
    expect(whitespaceLength(nbsp, 0, 1)).toBe(0);
    expect(whitespaceLength(Buffer.from('\u3000', 'utf8'), 0, 2)).toBe(0);
  });

  it('counts what squeezing the decoded text counts, on random texts full of spaces, NBSP, CR and invalid bytes', () => {
    const random = seededRandom(7);
    const pieces = ['a', 'b', ' ', '  ', '\t', '\u00a0', '\u3000', '\u200b', '\r', 'é', '\n', '\n', '\n', 'x y', '\ufeff'];
    const text = () => Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const bytesOf = (value: string) => {
      const bytes = Buffer.from(value, 'utf8');
      // Now and then an invalid byte or a late NUL, which the byte path must hand to the text path.
      if (random() < 0.05 && bytes.length > 0) bytes[Math.floor(random() * bytes.length)] = random() < 0.5 ? 0xff : 0x00;
      return new Uint8Array(bytes);
    };
    for (let i = 0; i < 4000; i++) {
      const before = bytesOf(text());
      const after = bytesOf(text());
      if (Buffer.compare(before, after) === 0 || before.subarray(0, 8000).includes(0) || after.subarray(0, 8000).includes(0)) continue;
      expect(countIgnoringWhitespace(before, after), `case ${i}: ${JSON.stringify([Buffer.from(before).toString('latin1'), Buffer.from(after).toString('latin1')])}`).toEqual(
        squeezedCounts(before, after),
      );
    }
  });
});
