import { describe, expect, it } from 'vitest';
import { detached } from '../../src/normalize/detached.ts';

describe('detached', () => {
  it('keeps every character of a string cut from a longer text, lone surrogates and empty strings included', () => {
    const page = `${'x'.repeat(10_000)}/docs/agents/overview \uD800 ’😀 tail`;
    const cut = page.slice(10_000);
    expect(detached(cut)).toBe(cut);
    expect(detached('')).toBe('');
    expect(detached('\uDC00a')).toBe('\uDC00a');
  });
});
