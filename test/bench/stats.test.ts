import { describe, expect, it } from 'vitest';
import { median, ratioOf, round, summarize } from '../../bench/stats.ts';

describe('run statistics', () => {
  it('takes the middle value of an odd number of runs, whatever their order', () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  it('averages the two middle values of an even number of runs', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarizes runs as median with min and max', () => {
    expect(summarize([12, 9, 40, 10, 11])).toEqual({ median: 11, min: 9, max: 40, runs: 5 });
  });

  it('refuses to summarize nothing or a non-finite sample', () => {
    expect(() => summarize([])).toThrow(/no samples/);
    expect(() => summarize([1, Number.NaN])).toThrow(/finite/);
  });

  it('divides ours by theirs, so below 1 means docdelta is faster', () => {
    expect(ratioOf(summarize([50, 60, 70]), summarize([100, 120, 140]))).toBe(0.5);
  });

  it('refuses a ratio against a side that took no time', () => {
    expect(() => ratioOf(summarize([1]), summarize([0]))).toThrow(/no time/);
  });

  it('rounds away float noise', () => {
    expect(round(0.1 + 0.2, 3)).toBe(0.3);
    expect(round(12.3456)).toBe(12.35);
  });
});
