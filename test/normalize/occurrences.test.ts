import { describe, expect, it, vi } from 'vitest';
import { nearer, occurrences } from '../../src/normalize/occurrences.ts';

describe('occurrences', () => {
  it('finds each occurrence at or after the position asked for, and -1 past the last', () => {
    const brackets = occurrences('a [b] [c', '[');
    expect(brackets.next(0)).toBe(2);
    expect(brackets.next(2)).toBe(2);
    expect(brackets.next(3)).toBe(6);
    expect(brackets.next(7)).toBe(-1);
    expect(brackets.next(8)).toBe(-1);
  });

  it('finds needles longer than one character, including one that starts the text', () => {
    const comments = occurrences('<!-- a --> b <!-- c -->', '<!--');
    expect(comments.next(0)).toBe(0);
    expect(comments.next(1)).toBe(13);
    expect(comments.next(14)).toBe(-1);
  });

  it('answers -1 for a needle the text does not hold', () => {
    expect(occurrences('plain prose', '\\').next(0)).toBe(-1);
  });

  it('searches the text once however many positions are asked for', () => {
    const text = `[${' '.repeat(10_000)}[`;
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    try {
      const brackets = occurrences(text, '[');
      for (let at = 0; at <= text.length; at++) brackets.next(at);
      expect(indexOf.mock.calls).toEqual([['['], ['[', 1], ['[', text.length]]);
    } finally {
      indexOf.mockRestore();
    }
  });
});

describe('nearer', () => {
  it('takes the smaller position, ignoring -1 for none', () => {
    expect(nearer(3, 7)).toBe(3);
    expect(nearer(7, 3)).toBe(3);
    expect(nearer(-1, 4)).toBe(4);
    expect(nearer(4, -1)).toBe(4);
    expect(nearer(-1, -1)).toBe(-1);
  });
});
