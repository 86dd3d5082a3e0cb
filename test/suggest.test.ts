import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, matchVersion } from '../src/suggest.ts';

describe('near-miss suggestions', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(editDistance('dif', 'diff')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests commands, flags and package names within a few edits or by prefix', () => {
    const commands = ['sync', 'track', 'untrack', 'packages', 'versions', 'diff', 'history', 'links', 'changelog'];
    expect(closest('dif', commands)).toEqual(['diff']);
    expect(closest('verison', commands)).toEqual(['versions']);
    expect(closest('hist', commands)).toEqual(['history']);
    expect(closest('frobnicate', commands)).toEqual([]);
    expect(closest('--fromat', ['--format', '--from', '--path'])[0]).toBe('--format');
    expect(closest('@workos/mcp-docs-serverr', ['@workos/mcp-docs-server', '@mastra/mcp-docs-server'])).toEqual(['@workos/mcp-docs-server']);
  });

  it('phrases the suggestion for one or several candidates, and says nothing for none', () => {
    expect(didYouMean(['diff'])).toBe('; did you mean "diff"?');
    expect(didYouMean(['a', 'b'])).toBe('; did you mean one of "a", "b"?');
    expect(didYouMean([])).toBe('');
  });

  it('reads v0.1.0 and =0.1.0 as 0.1.0, and 0.1.0 as a stored tag v0.1.0', () => {
    expect(matchVersion('v0.1.0', ['0.1.0', '0.2.0'])).toEqual({ kind: 'exact', version: '0.1.0' });
    expect(matchVersion('=0.2.0', ['0.1.0', '0.2.0'])).toEqual({ kind: 'exact', version: '0.2.0' });
    expect(matchVersion('1.2.0', ['v1.1.0', 'v1.2.0'])).toEqual({ kind: 'exact', version: 'v1.2.0' });
  });

  it('suggests the versions a partial version covers, newest first, else the closest ones', () => {
    const stored = ['0.1.0', '0.2.0', '0.2.1', '0.10.0', '1.0.0-beta.1', '1.0.0'];
    expect(matchVersion('0.2', stored)).toEqual({ kind: 'suggest', suggestions: ['0.2.1', '0.2.0'] });
    expect(matchVersion('1', stored)).toEqual({ kind: 'suggest', suggestions: ['1.0.0', '1.0.0-beta.1'] });
    expect(matchVersion('0.2.2', stored).kind).toBe('suggest');
    expect((matchVersion('0.2.2', stored) as { suggestions: string[] }).suggestions).toContain('0.2.1');
    expect(matchVersion('9.9.9', ['0.1.0'])).toEqual({ kind: 'suggest', suggestions: [] });
  });
});
