import { describe, expect, it } from 'vitest';
import { parseBenchOptions, repetitions } from '../../bench/bench-options.ts';

describe('bench options', () => {
  it('runs everything and writes the committed results by default', () => {
    expect(parseBenchOptions([])).toEqual({ mode: 'full', only: [], outDir: 'bench' });
  });

  it('keeps quick and partial runs away from the committed results', () => {
    expect(parseBenchOptions(['--quick'])).toMatchObject({ mode: 'quick', outDir: 'bench/tmp/quick' });
    expect(parseBenchOptions(['--only=git-diff, http'])).toMatchObject({ mode: 'full', only: ['git-diff', 'http'], outDir: 'bench/tmp/partial' });
    expect(parseBenchOptions(['--quick', '--out', 'elsewhere']).outDir).toBe('elsewhere');
  });

  it('refuses unknown options', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow();
  });

  it('runs every comparison once in quick mode and several times otherwise', () => {
    expect(repetitions('quick', 'heavy')).toBe(1);
    expect(repetitions('quick', 'medium')).toBe(1);
    expect(repetitions('full', 'heavy')).toBeGreaterThanOrEqual(3);
  });
});
